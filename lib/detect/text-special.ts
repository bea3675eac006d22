/**
 * Special-category (Art. 9) and criminal (Art. 10) statements. A sentence is a
 * finding when a category word is anchored to a person ("Kunde ist Diabetiker",
 * "she is a member of IG Metall") and not outweighed by product, market or
 * organisation context ("we sell diabetes test strips", "political situation in
 * the market"). The whole sentence is the finding, so masking removes the statement.
 *
 * One pass over the text splits sentences and words and steps the lexicon's
 * character trie as it reads each word; only sentences holding a cue word are scored.
 */
import type { Finding, RuleId } from './finding';
import { CHAR, FOLD_CLASS, PhraseLexicon, TRIE_SLOTS, TokenBuffer, charClass } from './lexicon-matcher';
import { rx } from './regex-registry';
import { FEMALE_NAMES, MALE_NAMES } from './special-english';
import { DETERMINERS, PREDICATE_WORDS, TITLES, IL_IS_ARTICLE, LANGUAGE_WORDS, FEMALE_WORDS, IDEOLOGY_WORDS, ORGANISATION_NOUNS, PARTIES, PARTY_VERBS, IDIOMS, MALE_WORDS, MEMBERSHIP, NAME_VERBS, PARTNER_FEMALE_PHRASES, PARTNER_MALE_PHRASES, ORGANISATIONS, PERSON_ANCHORS, PERSON_ROLES, PERSON_VERBS, PRODUCT_MARKET, SENTENCE_LEADS, SPECIAL_CUES, SPECIAL_KINDS, type SpecialKind } from './special-lexicon';

export const SPECIAL_RULE: Readonly<Record<SpecialKind, RuleId>> = {
  health: 'health-statement',
  religion: 'religion-statement',
  political: 'political-statement',
  ethnicity: 'ethnicity-statement',
  sexual_orientation: 'sexual-orientation-statement',
  trade_union: 'trade-union-statement',
  biometric: 'biometric-statement',
  genetic: 'genetic-statement',
  criminal: 'criminal-statement',
};

const KINDS = SPECIAL_KINDS.length;
// Tags are small integers: 0..2*KINDS-1 are cues (kind * 2 + weight - 1), then context words.
const ANCHOR = 2 * KINDS;
const PERSON = ANCHOR + 1;
const PRODUCT = ANCHOR + 2;
const ORG = ANCHOR + 3;
const MEMBER = ANCHOR + 4;
const BREAK = ANCHOR + 5;
/** Words that, opening a sentence, imply a person as subject: CRM notes drop it ("Prefers no calls…", "Es diabético"). */
const LEAD = ANCHOR + 6;
/** Idioms that take back one kind's cue in their clause ("sick of waiting", "in our DNA"): VETO + kind index. */
/** Verbs that make a capitalised word before them a name ("Greg is", "Jenny told"). */
const NAME_NEXT = ANCHOR + 7;
/** Gender of a person word, and partners by gender ("mit einem Mann verheiratet", "sa compagne"): same gender is a sexual-orientation cue. */
const MALE = ANCHOR + 8;
const FEMALE = ANCHOR + 9;
const PARTNER_MALE = ANCHOR + 10;
const PARTNER_FEMALE = ANCHOR + 11;
/** Organisation nouns among the cues ("union", "Gewerkschaft", "church"): as the sentence's subject they make it about the organisation. */
const ORG_NOUN = ANCHOR + 12;
/** A verb of support and a party or direction right after it (instead of every verb × party phrase: thousands, slow to build). */
const PARTY_VERB = ANCHOR + 13;
const PARTY = ANCHOR + 14;
const VETO = ANCHOR + 15;
/** Words that can follow a cue opening a statement ("Diabetic since 2019", "Vorbestraft wegen Betrugs"): not a head noun the cue modifies. */
const LINK = VETO + KINDS;

const LINK_WORDS =
  'with|since|after|for|due|because|and|or|is|was|has|had|who|mit|seit|nach|wegen|und|oder|ist|war|hat|weil|avec|depuis|apres|pour|et|ou|est|a|con|desde|despues|por|y|o|es|esta|tiene|da|dopo|per|ed|ha|met|sinds|na|voor|en|of|heeft';

// "so", "because" and their kin start a clause of their own: "has a pacemaker fitted so skip the body scanner at the venue".
const CLAUSE_BREAKS = 'but|aber|jedoch|mais|pero|sino|ma|maar|however|whereas|wahrend|tandis|so|because|therefore|weil|deshalb|daher|denn';

const lexicon = new PhraseLexicon<number>();
SPECIAL_KINDS.forEach((kind, k) => {
  lexicon.add(SPECIAL_CUES[kind].self, k * 2 + 1);
  lexicon.add(SPECIAL_CUES[kind].plain, k * 2);
});
lexicon
  .add(PERSON_ANCHORS, ANCHOR)
  .add(PERSON_ROLES, PERSON)
  .add(PERSON_VERBS, PERSON)
  .add(PRODUCT_MARKET, PRODUCT)
  .add(ORGANISATIONS, ORG)
  .add(MEMBERSHIP, MEMBER)
  .add(CLAUSE_BREAKS, BREAK)
  .add(SENTENCE_LEADS, LEAD)
  .add(NAME_VERBS, NAME_NEXT)
  // First names put a person in the sentence and give the gender for "his partner Gareth".
  .add(`${MALE_NAMES}|${FEMALE_NAMES}`, ANCHOR)
  .add(MALE_WORDS, MALE)
  .add(MALE_NAMES, MALE)
  .add(FEMALE_NAMES, FEMALE)
  .add(FEMALE_WORDS, FEMALE)
  .add(PARTNER_MALE_PHRASES, PARTNER_MALE)
  .add(PARTNER_FEMALE_PHRASES, PARTNER_FEMALE)
  .add(ORGANISATION_NOUNS, ORG_NOUN)
  .add(PARTY_VERBS, PARTY_VERB)
  .add(`${PARTIES}|${IDEOLOGY_WORDS}`, PARTY)
  .add(LINK_WORDS, LINK);
SPECIAL_KINDS.forEach((kind, k) => {
  const idioms = IDIOMS[kind];
  if (idioms !== '') lexicon.add(idioms, VETO + k);
});
type KnownLang = keyof typeof LANGUAGE_WORDS;
const LANGS = Object.keys(LANGUAGE_WORDS) as KnownLang[];
for (const l of LANGS) {
  const only = LANGUAGE_WORDS[l].only;
  SPECIAL_KINDS.forEach((kind, k) => {
    const words = only[kind];
    if (words !== undefined) lexicon.add(words, k * 2);
  });
}
const ilId = lexicon.wordId('il');

/** Determiners and prepositions by word id (registered before the id tables below are sized). */
const determinerIds = DETERMINERS.split('|').map((w) => lexicon.wordId(w));
/** Titles before a surname: "Mr Baptiste", "Frau Christ". */
const titleIds = TITLES.split('|').map((w) => lexicon.wordId(w));
/** First names, and the words that make one the predicate instead ("she is Christian", "a devout Christian"). */
const nameIds = `${MALE_NAMES}|${FEMALE_NAMES}`.split('|').filter((w) => !w.includes(' ')).map((w) => lexicon.wordId(w));
const predicateIds = PREDICATE_WORDS.split('|').map((w) => lexicon.wordId(w));
const sId = lexicon.wordId('s');
// Openings with "'s" that are not someone's name ("it's", "there's"): registered, so they are lexicon words.
for (const w of 'it|there|what|here|let|who|where|how|when|everyone|everything|nothing|something|today|tomorrow|tonight|yesterday|team|deal|project|pipeline|quarter|week|month|year'.split('|')) lexicon.wordId(w);
// Words that look like an inflected cue and are not: "gebeten" (asked) is no "Gebet" (prayer).
for (const w of 'gebeten|gebetene|gebetenen'.split('|')) lexicon.wordId(w);
const saintIds = 'st|saint|sankt|san|santa|santo|ste|sainte'.split('|').map((w) => lexicon.wordId(w));

/**
 * Per word id, what a sentence needs before it is worth scoring: a cue of weight
 * 2 (SELF_CUE), or a cue of weight 1 and something that adds a point — a person
 * or member word, a note opening without subject, a name before "is".
 */
const SELF_CUE = 1;
const PERSONISH = 2;
const LEAD_WORD = 4;
const NAME_WORD = 8;
/** a title ("Hr.", "Fr.", "Kd."): a person when a name follows, decided when the sentence is scored */
const TITLE_WORD = 16;
const GATE = new Uint8Array(lexicon.size);
lexicon.byFirst.forEach((list, id) => {
  for (const p of list) {
    if ((p.tag < ANCHOR && (p.tag & 1) === 1) || p.tag === PARTY_VERB) GATE[id]! |= SELF_CUE;
    else if (p.tag === ANCHOR || p.tag === PERSON || p.tag === MEMBER || p.tag === PARTNER_MALE || p.tag === PARTNER_FEMALE) GATE[id]! |= PERSONISH;
    else if (p.tag === LEAD) GATE[id]! |= LEAD_WORD;
    else if (p.tag === NAME_NEXT) GATE[id]! |= NAME_WORD;
  }
});

/** Clause break words ("but", "aber") by word id. */
const IS_BREAK = new Uint8Array(lexicon.size);
lexicon.byFirst.forEach((list, id) => {
  if (list.some((p) => p.tag === BREAK && p.rest.length === 0)) IS_BREAK[id] = 1;
});

/** Word ids that begin a cue phrase: a sentence without one is not scored. */
const STARTS_CUE = new Uint8Array(lexicon.size);
lexicon.byFirst.forEach((list, id) => {
  // A verb of support starts a political statement when a party follows.
  if (list.some((p) => p.tag < ANCHOR || p.tag === PARTY_VERB)) STARTS_CUE[id] = 1;
});

/** Ids an inflected form may stand for: cue and role words, not names ("Marien" is not "Marie"). */
const INFLECTS = new Uint8Array(lexicon.size);
lexicon.byFirst.forEach((list, id) => {
  for (const p of list) {
    if (p.tag === ANCHOR) continue;
    INFLECTS[id] = 1;
    // Later words of a phrase inflect too ("Irish Travellers", "polnischen Familie").
    for (const r of p.rest) INFLECTS[r] = 1;
  }
});

const DETERMINER = new Uint8Array(lexicon.size);
for (const id of determinerIds) DETERMINER[id] = 1;
const TITLE = new Uint8Array(lexicon.size);
for (const id of titleIds) {
  TITLE[id] = 1;
  GATE[id]! |= TITLE_WORD;
}
const FIRST_NAME = new Uint8Array(lexicon.size);
for (const id of nameIds) FIRST_NAME[id] = 1;
const SAINT = new Uint8Array(lexicon.size);
for (const id of saintIds) SAINT[id] = 1;
const PREDICATE = new Uint8Array(lexicon.size);
for (const id of predicateIds) PREDICATE[id] = 1;

/** A first name in the name of a place or organisation: "St Mary's NHS Trust", "Wesley Road Methodist Church". */
function namesPlace(t: number): boolean {
  if (!tokenIn(FIRST_NAME, t)) return false;
  if (t > 0 && tokenIn(SAINT, t - 1)) return true;
  return t + 1 < tokens.count && tokens.cap[t + 1] === 1 && hasTag(t + 1, ORG);
}

/** Token t starts a one-word phrase with `tag`. */
function hasTag(t: number, tag: number): boolean {
  for (let k = tokens.idFrom[t]!, e = tokens.idFrom[t + 1]!; k < e; k++) if (lexicon.single[tokens.ids[k]!]?.includes(tag) === true) return true;
  return false;
}

/** The token is written in capitals ("HR", "FR"): an acronym, not a title. */
function allCaps(t: number): boolean {
  const s = tokens.start[t]!;
  if (tokens.end[t]! - s < 2) return false;
  const c = scanned.charCodeAt(s + 1);
  return c >= 65 && c <= 90;
}

/** Whether token t has an id marked in `table`. */
function tokenIn(table: Uint8Array, t: number): boolean {
  for (let k = tokens.idFrom[t]!, e = tokens.idFrom[t + 1]!; k < e; k++) if (table[tokens.ids[k]!] === 1) return true;
  return false;
}

/**
 * A capitalised word that names someone is no cue: a surname after a title
 * ("Mr Baptiste", "Herr Christ"), or a first name that is also a cue word
 * ("Sunita", Spanish for Sunni; "Christian") unless a verb or article makes it
 * the predicate ("she is Christian", "a Christian"). Only its one-word cues go:
 * phrases that start with a name stay ("Callum s husband").
 */
function namesSomeone(t: number): boolean {
  if (tokens.cap[t] !== 1) return false;
  if (t > 0 && tokenIn(TITLE, t - 1)) return true;
  return tokenIn(FIRST_NAME, t) && !(t > 0 && tokenIn(PREDICATE, t - 1));
}

/**
 * Word ids switched off for a text in a known language (its false friends, and
 * other languages' language-only cues); unknown language: all language-only cues
 * off, no false friend, as before the language was passed.
 */
function wordsOff(lang: KnownLang | null): Uint8Array {
  const off = new Uint8Array(lexicon.size);
  for (const l of LANGS) {
    if (l === lang) continue;
    for (const words of Object.values(LANGUAGE_WORDS[l].only)) for (const w of words.split('|')) off[lexicon.wordId(w)] = 1;
  }
  if (lang !== null) for (const w of LANGUAGE_WORDS[lang].off.split('|')) if (w !== '') off[lexicon.wordId(w)] = 1;
  return off;
}
const WORDS_OFF_UNKNOWN = wordsOff(null);
const WORDS_OFF = new Map(LANGS.map((l) => [l as string, wordsOff(l)]));
/** the scan's language tables, set by scanSpecial */
let wordOff = WORDS_OFF_UNKNOWN;
/** the text being scanned, for the letter case of a token */
let scanned = '';
let ilArticle = false;

const LETTER = rx('special-letter', /\p{L}/u);
// Titles and the shorthand of notes and tickets ("wg. Chemo", "Kd. Hr. Friesen", "abt."); single letters are initials ("J. McAllister").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'hr', 'hrn', 'fr', 'frl', 'prof', 'st', 'mme', 'sr', 'sra', 'sig', 'dhr', 'mevr', 'nr', 'no', 'tel', 'ca', 'bzw', 'vs', 'etc', 'inc', 'ltd', 'geb', 'str', 'jr', 'wg', 'bzgl', 'ggf', 'usw', 'evtl', 'inkl', 'kd', 'kdin', 'lt', 'zt', 'zzt', 'vgl', 'bspw', 'abt', 'approx', 'incl', 'dept', 'ref', 'mgr', 'rev', 'sgt', 'fa']);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Whether the '.' at `i` ends "Dr.", "z." or a German ordinal ("in der 28. SSW") rather than a sentence that started at `start`. */
function afterAbbreviation(text: string, start: number, i: number): boolean {
  let d = i;
  while (d > start && i - d <= 2 && isDigit(text.charCodeAt(d - 1))) d--;
  if (d < i && i - d <= 2 && (d === start || !isDigit(text.charCodeAt(d - 1)))) return true;
  // A run of letters longer than the longest abbreviation is read no further (lower-casing never shortens it).
  let w = i;
  while (w > start && i - w <= LONGEST_ABBREVIATION && isLetter(text, w - 1)) w--;
  return i - w === 1 || (i - w <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(w, i).toLowerCase()));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A letter, ASCII without the regex. */
function isLetter(text: string, k: number): boolean {
  const c = text.charCodeAt(k) | 32;
  if (c >= 97 && c <= 122) return true;
  return text.charCodeAt(k) >= 128 && LETTER.test(text[k]!);
}

/** Whether the character code `ch` at `i` ends a sentence that started at `start`. */
function endsSentence(text: string, start: number, i: number, ch: number): boolean {
  // \n ! ?
  if (ch === 10 || ch === 33 || ch === 63) return true;
  // . ; : followed by end of text, space, \n or \t (charCodeAt past the end is NaN)
  if (ch !== 46 && ch !== 59 && ch !== 58) return false;
  const next = text.charCodeAt(i + 1);
  if (!(Number.isNaN(next) || next === 32 || next === 10 || next === 9)) return false;
  return ch !== 46 || !afterAbbreviation(text, start, i);
}

/** Sentence boundaries [start, end) covering `text` from `from` to `to`. */
export function sentences(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (endsSentence(text, start, i, text.charCodeAt(i))) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < to) out.push([start, to]);
  return out;
}

/** , ; : ( ) – — end a clause: a cue in one clause and a product word in another do not cancel. */
function isClausePunct(ch: number): boolean {
  return ch === 44 || ch === 59 || ch === 58 || ch === 40 || ch === 41 || ch === 0x2013 || ch === 0x2014;
}

function isSpace(ch: number): boolean {
  return ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0 || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x3000 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0xfeff || ch === 0x1680 || ch === 0x205f || ch === 0x85;
}

const tokens = new TokenBuffer();
/** Product and market words this close to a cue take it over ("diabetes test strips"); further away in the clause they only weaken it. */
const PRODUCT_REACH = 4;
const MAX_HITS = 64;
// Cue and context hits of the sentence being scored: token position, clause, and kind or context type.
const cuePos = new Int32Array(MAX_HITS);
const cueClause = new Int32Array(MAX_HITS);
const cueTag = new Int32Array(MAX_HITS);
const cueEnd = new Int32Array(MAX_HITS);
let cues = 0;
const ctxPos = new Int32Array(MAX_HITS);
const ctxClause = new Int32Array(MAX_HITS);
const ctxTag = new Int32Array(MAX_HITS);
let ctxs = 0;
/** Gendered person words and partner phrases: position, and for partners the token after the phrase. */
const genderPos = new Int32Array(MAX_HITS);
const genderTag = new Int32Array(MAX_HITS);
let genders = 0;
const partnerPos = new Int32Array(8);
const partnerEnd = new Int32Array(8);
const partnerTag = new Int32Array(8);
let partners = 0;
const SEXUAL_ORIENTATION = SPECIAL_KINDS.indexOf('sexual_orientation');
const MAX_CLAUSES = 32;
const clauseVeto = new Int8Array(MAX_CLAUSES * KINDS);
/** Idiom spans of the sentence: a self-standing cue is taken back only by an idiom it overlaps ("is sick" in "sick of", not "came out as bisexual" by "Pride event"). */
const vetoPos = new Int32Array(16);
const vetoEnd = new Int32Array(16);
const vetoKind = new Int32Array(16);
let vetoes = 0;
const scores = new Float64Array(KINDS);
let clause = 0;
let person = false;
let anchor = false;
let member = false;
/** at the token right after a verb of support, 1 + the verb's position (0: none): a party starting there is a political statement */
let partyVerbStart = new Int32Array(256);
const POLITICAL_SELF = SPECIAL_KINDS.indexOf('political') * 2 + 1;
/** Per token of the sentence: a person word, a link word (PERSON_TOK, LINK_TOK). */
let tokFlag = new Uint8Array(256);
const PERSON_TOK = 1;
const LINK_TOK = 2;
/** Token 0 is an organisation noun ("Iglesia evangélica de Madrid", "Chiesa evangelica di Milano"). */
const ORG_OPENS = 4;
/** The sentence opens with "The union …", "Die Gewerkschaft …": it is about the organisation. */
let orgSubject = false;

function onTag(tag: number, t: number, next: number): void {
  if (tag < ANCHOR) {
    if (cues === MAX_HITS) return;
    cuePos[cues] = t;
    cueEnd[cues] = next;
    cueClause[cues] = clause;
    cueTag[cues++] = tag;
  } else if (tag === ANCHOR) {
    anchor = person = true;
    tokFlag[t]! |= PERSON_TOK;
  } else if (tag === PERSON) {
    person = true;
    tokFlag[t]! |= PERSON_TOK;
  } else if (tag === LINK) tokFlag[t]! |= LINK_TOK;
  else if (tag === MEMBER) member = true;
  else if (tag === PRODUCT || tag === ORG) {
    if (ctxs === MAX_HITS) return;
    ctxPos[ctxs] = t;
    ctxClause[ctxs] = clause;
    ctxTag[ctxs++] = tag;
  } else if (tag === LEAD) person ||= t === 0;
  else if (tag === ORG_NOUN) {
    orgSubject ||= t === 1 && tokenIn(DETERMINER, 0);
    if (t === 0) tokFlag[0]! |= ORG_OPENS;
  }
  // The statement spans verb and party, as one phrase "votes for the Greens" would.
  else if (tag === PARTY_VERB) {
    partyVerbStart[next] = t + 1;
    // "volunteers for the Democrats": the party may follow an article the party list does not spell.
    if (next + 1 < tokens.count && tokenIn(DETERMINER, next) && partyVerbStart[next + 1] === 0) partyVerbStart[next + 1] = t + 1;
  }
  else if (tag === PARTY) {
    if (partyVerbStart[t]! > 0) onTag(POLITICAL_SELF, partyVerbStart[t]! - 1, next);
  }
  else if (tag === NAME_NEXT) person ||= t > 0 && looksLikeName(t - 1);
  else if (tag === MALE || tag === FEMALE) {
    if (genders === MAX_HITS) return;
    genderPos[genders] = t;
    genderTag[genders++] = tag;
  } else if (tag === PARTNER_MALE || tag === PARTNER_FEMALE) {
    if (partners === partnerPos.length) return;
    partnerPos[partners] = t;
    partnerEnd[partners] = next;
    partnerTag[partners++] = tag;
  } else if (tag >= VETO && tag < LINK) {
    clauseVeto[clause * KINDS + tag - VETO] = 1;
    if (vetoes === vetoPos.length) return;
    vetoPos[vetoes] = t;
    vetoEnd[vetoes] = next;
    vetoKind[vetoes++] = tag - VETO;
  }
}

/** A partner of the same gender as a person named outside the partner phrase ("Herr Winter ist mit einem Mann verheiratet"). */
function samePartner(): boolean {
  for (let p = 0; p < partners; p++) {
    const want = partnerTag[p] === PARTNER_MALE ? MALE : FEMALE;
    for (let g = 0; g < genders; g++) {
      const pos = genderPos[g]!;
      if (genderTag[g] === want && (pos < partnerPos[p]! || pos >= partnerEnd[p]!)) return true;
    }
  }
  return false;
}

/**
 * A capitalised word before "is"/"told" is a name unless it is a lexicon word
 * or follows a determiner: German capitalises every noun ("Die Gewerkschaftszentrale hat").
 */
function looksLikeName(t: number): boolean {
  if (tokens.cap[t] !== 1 || tokens.idFrom[t] !== tokens.idFrom[t + 1] || tokens.end[t]! - tokens.start[t]! > 12) return false;
  return t === 0 || !tokenIn(DETERMINER, t - 1);
}

/**
 * The cue is part of an organisation's name: right before the organisation word
 * ("Muslim council", "katholisches Klinikum") or after it and a genitive or
 * preposition ("Zentralrat der Muslime", "centro de diálisis").
 */
function namesOrganisation(cue: number, end: number, org: number): boolean {
  // Romance order puts the organisation noun first ("Université catholique de Lille", "Iglesia evangélica").
  if (org === end || org === cue - 1) return true;
  return org === cue - 2 && tokenIn(DETERMINER, cue - 1);
}

/**
 * The cue opens the sentence and runs straight into the noun it modifies
 * ("Wheelchair ramp supplier…", "IG Metall Tarifabschluss…", "The Muslim-owned
 * bakery chain…", "Ermittlungsverfahren gegen den Hersteller…"): the sentence is
 * about that thing unless a person is addressed by pronoun, title or name, or
 * the next word links the cue to a statement ("Diabetic since 2019", "Vorbestraft wegen…").
 */
function modifiesSubject(pos: number, end: number): boolean {
  if (anchor || end >= tokens.count) return false;
  if (pos !== 0 && !(pos === 1 && (tokenIn(DETERMINER, 0) || (tokFlag[0]! & ORG_OPENS) !== 0))) return false;
  if (tokens.punctBefore[end] === 1 || (tokFlag[end]! & (PERSON_TOK | LINK_TOK)) !== 0) return false;
  // A cue phrase that ends in its own preposition ("face scan of", "Fingerabdruck von") points at whom it is about.
  if (end - pos > 1 && tokenIn(DETERMINER, end - 1) && !tokenIn(DETERMINER, end)) return false;
  // "Die Fingerabdrücke der Kundin", "Irisscan des Kunden": the cue is the person's.
  return !(end + 1 < tokens.count && tokenIn(DETERMINER, end) && (tokFlag[end + 1]! & PERSON_TOK) !== 0);
}

/** Weight of product and organisation context against the cue at `pos` in `cl`. */
function against(pos: number, end: number, cl: number): number {
  if (orgSubject && cl === 0) return 2;
  let w = 0;
  for (let j = 0; j < ctxs; j++) {
    if (ctxClause[j] !== cl) continue;
    const at = ctxPos[j]!;
    // A context word inside the cue phrase itself ("city council") is not context.
    if (at >= pos && at < end) continue;
    // A named or addressed person outweighs organisation words that do not name the organisation, not product or market context.
    const v = ctxTag[j] === PRODUCT ? (Math.abs(at - pos) <= PRODUCT_REACH ? 2 : 1) : namesOrganisation(pos, end, at) ? 2 : anchor ? 0 : 1;
    if (v > w) w = v;
  }
  return w;
}

/** The cue [pos, end) of kind k shares a word with an idiom of that kind. */
function overlapsIdiom(k: number, pos: number, end: number): boolean {
  for (let v = 0; v < vetoes; v++) if (vetoKind[v] === k && vetoPos[v]! < end && pos < vetoEnd[v]!) return true;
  return false;
}

/** Score the sentence held in `tokens`: per kind, the best cue score (-Infinity when no cue). */
function scoreSentence(): Float64Array {
  // A lower-case name opening the note ("gina's off…") is a person from the start.
  person = possessiveLead();
  anchor = member = orgSubject = false;
  if (partyVerbStart.length <= tokens.count) partyVerbStart = new Int32Array(tokens.count * 2 + 1);
  else partyVerbStart.fill(0, 0, tokens.count + 1);
  if (tokFlag.length <= tokens.count) tokFlag = new Uint8Array(tokens.count * 2 + 1);
  else tokFlag.fill(0, 0, tokens.count + 1);
  clause = 0;
  cues = ctxs = genders = partners = vetoes = 0;
  clauseVeto.fill(0, 0, KINDS);
  const n = tokens.count;
  const { idFrom, ids, punctBefore } = tokens;
  for (let t = 0; t < n; t++) {
    const from = idFrom[t]!;
    const to = idFrom[t + 1]!;
    if (t > 0 && clause < MAX_CLAUSES - 1) {
      // A clause break word ("but") is itself the first word of the new clause.
      let breaks = punctBefore[t] === 1;
      for (let k = from; k < to && !breaks; k++) breaks = IS_BREAK[ids[k]!] === 1;
      if (breaks) {
        clause++;
        clauseVeto.fill(0, clause * KINDS, clause * KINDS + KINDS);
      }
    }
    const name = namesSomeone(t);
    const place = namesPlace(t);
    // "Hr. Lorenz", "Fr. Yilmaz", "Kd. Hr. Friesen": a title before a name is a person; "HR Director" is not.
    if (!anchor && t + 1 < n && tokens.cap[t + 1] === 1 && tokenIn(TITLE, t) && !allCaps(t)) anchor = person = true;
    // Every phrase starting here: one-word phrases by id, longer ones by the ids of their first two words.
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if (wordOff[id] === 1) continue;
      const single = lexicon.single[id];
      if (single !== undefined) {
        for (const tag of single) {
          if (tag === BREAK || (id === ilId && (ilArticle ? tag === MALE : false))) continue;
          if (name && tag < ANCHOR) continue;
          if (place && (tag === ANCHOR || tag === MALE || tag === FEMALE)) continue;
          onTag(tag, t, t + 1);
        }
      }
      if (t + 1 >= n || lexicon.startsPair[id] !== 1) continue;
      for (let k2 = idFrom[t + 1]!, e2 = idFrom[t + 2]!; k2 < e2; k2++) {
        const list = lexicon.pairs.get(id * 65536 + ids[k2]!);
        if (list === undefined) continue;
        for (const p of list) {
          const rest = p.rest;
          const len = rest.length;
          if (t + 2 + len > n) continue;
          let ok = true;
          for (let j = 0; j < len && ok; j++) ok = tokens.has(t + 2 + j, rest[j]!);
          if (ok) onTag(p.tag, t, t + 2 + len);
        }
      }
    }
  }
  scores.fill(-Infinity);
  for (let j = 0; j < cues; j++) {
    const tag = cueTag[j]!;
    const k = tag >> 1;
    const cl = cueClause[j]!;
    if (clauseVeto[cl * KINDS + k] === 1 && ((tag & 1) === 0 || overlapsIdiom(k, cuePos[j]!, cueEnd[j]!))) continue;
    const kind = SPECIAL_KINDS[k]!;
    const boost = member && (kind === 'political' || kind === 'trade_union') ? 1 : 0;
    const score = (tag & 1) + 1 + (person ? 1 : 0) + boost - against(cuePos[j]!, cueEnd[j]!, cl) - (modifiesSubject(cuePos[j]!, cueEnd[j]!) ? 1 : 0);
    if (score > scores[k]!) scores[k] = score;
  }
  if (partners > 0 && samePartner() && scores[SEXUAL_ORIENTATION]! < 3) scores[SEXUAL_ORIENTATION] = 3;
  // A disease named in a genetic result ("predisposition to Alzheimer's") is part of the genetic statement.
  if (scores[GENETIC]! >= 2) scores[HEALTH] = -Infinity;
  return scores;
}
const GENETIC = SPECIAL_KINDS.indexOf('genetic');
const HEALTH = SPECIAL_KINDS.indexOf('health');

function emit(text: string, s: number, e: number, wanted: (k: SpecialKind) => boolean, out: Finding[]): void {
  const sc = scoreSentence();
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  for (let k = 0; k < KINDS; k++) {
    const score = sc[k]!;
    const kind = SPECIAL_KINDS[k]!;
    if (score < 2 || !wanted(kind)) continue;
    out.push({ kind, start: s, end: e, confidence: Math.min(0.95, 0.6 + 0.1 * score), rule: SPECIAL_RULE[kind] });
  }
}

const HAS_HEADS = lexicon.hasHeads;
// The trie arrays and class table as module constants: the scan loop indexes them for every character.
const { child: CHILD, stemAt: STEM_AT, exactAt: EXACT_AT, backChild: BACK_CHILD, headAt: HEAD_AT } = lexicon.tables();
const FOLD: Readonly<Int8Array> = FOLD_CLASS;
const SLOTS = TRIE_SLOTS;
const S = 18;
/** Inflection endings stripped to find a lexicon word: plurals and German/Dutch/Romance adjective and noun endings. */
const ENDINGS_1 = new Set([101, 110, 114, 115, 109, 97]); // e n r s m a
// "in": German feminine nouns ("Muslimin", "Katholikin").
const ENDINGS_2 = new Set(['es', 'en', 'er', 'em', 'ns', 'os', 'as', 'is', 'in']);

/** Trie node of the folded text [s, e), or 0 when it is no lexicon word or prefix. */
function walk(text: string, s: number, e: number): number {
  let node = 0;
  for (let i = s; i < e && (node !== 0 || i === s); i++) {
    const c = text.charCodeAt(i);
    const cls = c < 0x250 ? FOLD[c]! : charClass(text, i, c);
    if (cls === CHAR.MARK) continue;
    if (cls === CHAR.SHARP_S) {
      node = CHILD[node * SLOTS + S]!;
      if (node !== 0) node = CHILD[node * SLOTS + S]!;
    } else node = cls >= 0 ? CHILD[node * SLOTS + cls]! : 0;
  }
  return node;
}

/**
 * "diabetics", "Kunden", "lesbischen", "cattolica": a word that is a lexicon
 * word plus one or two ending letters counts as that word, when the base has
 * five letters or more (shorter bases inflect into unrelated words).
 */
function inflected(text: string, s: number, e: number, depth: number): boolean {
  for (let k = 1; k <= 2; k++) {
    const base = e - k;
    if (base - s < 5 || depth < base - s) continue;
    const a = text.charCodeAt(base) | 32;
    if (k === 1 ? !ENDINGS_1.has(a) : !ENDINGS_2.has(String.fromCharCode(a, text.charCodeAt(base + 1) | 32))) continue;
    let node = walk(text, s, base);
    // Romance gender and number: "diabetica", "cattolici" are forms of "diabetico", "cattolico".
    if (k === 1 && node !== 0 && EXACT_AT[node]! < 0 && (a === 97 || a === 101 || a === 105)) node = CHILD[node * SLOTS + 14]!;
    const id = node === 0 ? -1 : EXACT_AT[node]!;
    if (id >= 0 && INFLECTS[id] === 1) {
      tokens.pushId(id);
      return STARTS_CUE[id] === 1;
    }
  }
  return false;
}

/** German and Dutch compounds ending in a lexicon head ("Brustkrebs", "Gewerkschaftsmitglied"), read backwards. */
function compoundHead(text: string, s: number, e: number): boolean {
  let node = 0;
  let cued = false;
  for (let i = e - 1; i >= s + 3; i--) {
    const c = text.charCodeAt(i);
    const cls = c < 0x250 ? FOLD[c]! : charClass(text, i, c);
    if (cls < 0) return cued;
    node = BACK_CHILD[node * SLOTS + cls]!;
    if (node === 0) return cued;
    const id = HEAD_AT[node]!;
    if (id >= 0) {
      tokens.pushId(id);
      cued ||= STARTS_CUE[id] === 1;
    }
  }
  return cued;
}

/**
 * A lower-case note that opens with a name and "'s" ("gina's off with
 * shingles"): a word that is in no lexicon, a few letters long, right before the "s".
 */
function possessiveLead(): boolean {
  const { idFrom, start, end, cap } = tokens;
  return tokens.count >= 2 && cap[0] === 0 && idFrom[0] === idFrom[1] && end[0]! - start[0]! <= 12 && end[0]! + 1 === start[1] && tokens.has(1, sId);
}

/** Tokens of the current sentence already looked at by worthScoring. */
let checkedUpTo = 0;

/**
 * Whether the sentence so far — closed tokens, and the word whose ids were just
 * pushed — holds a weight-2 cue or a point-adding word (see GATE). Each token
 * is looked at once: from the first cue on, the earlier words, then each new one.
 */
function worthScoring(): boolean {
  const { idFrom, ids, cap } = tokens;
  const n = tokens.count;
  if (checkedUpTo <= 1 && possessiveLead()) return true;
  for (let t = checkedUpTo; t <= n; t++) {
    const to = t < n ? idFrom[t + 1]! : tokens.idCount;
    for (let k = idFrom[t]!; k < to; k++) {
      const g = GATE[ids[k]!]!;
      if ((g & (SELF_CUE | PERSONISH | TITLE_WORD)) !== 0) return true;
      if ((g & LEAD_WORD) !== 0 && t === 0) return true;
      if ((g & NAME_WORD) !== 0 && t > 0 && cap[t - 1] === 1 && idFrom[t - 1] === idFrom[t]) return true;
    }
  }
  checkedUpTo = n + 1;
  return false;
}

/**
 * `lang` (a base language code such as "en" or "de", when the caller knows it)
 * switches that language's false friends off and its language-only cues on.
 */
export function scanSpecial(text: string, from: number, to: number, wanted: (k: SpecialKind) => boolean, lang?: string): Finding[] {
  const out: Finding[] = [];
  wordOff = (lang !== undefined ? WORDS_OFF.get(lang) : undefined) ?? WORDS_OFF_UNKNOWN;
  scanned = text;
  ilArticle = lang !== undefined && IL_IS_ARTICLE.includes(lang);
  tokens.reset();
  checkedUpTo = 0;
  let sentence = from;
  let word = -1;
  let node = 0;
  /** trie characters of the current word matched so far */
  let depth = 0;
  let cap = false;
  let punct = false;
  let cued = false;
  /** the sentence has what a finding needs besides a cue (see GATE); tracked once a cue is seen, earlier words rechecked then */
  let worth = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    const cls = c < 0x250 ? FOLD[c]! : charClass(text, i, c);
    if (cls !== CHAR.NOT_WORD) {
      if (word < 0) {
        word = i;
        node = 0;
        depth = 0;
        // Upper case: A-Z and Latin-1 capitals (not ×).
        cap = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
      } else if (node === 0) continue;
      // Step the trie: node 0 after the first character means the word is in no lexicon.
      if (cls >= 0) node = CHILD[node * SLOTS + cls]!;
      else if (cls === CHAR.SHARP_S) {
        node = CHILD[node * SLOTS + S]!;
        if (node !== 0) {
          const stem = STEM_AT[node]!;
          if (stem >= 0) {
            tokens.pushId(stem);
            cued ||= STARTS_CUE[stem] === 1;
          }
          node = CHILD[node * SLOTS + S]!;
        }
      } else if (cls === CHAR.MARK) continue;
      else node = 0;
      if (node !== 0) {
        depth++;
        const stem = STEM_AT[node]!;
        if (stem >= 0) {
          tokens.pushId(stem);
          cued ||= STARTS_CUE[stem] === 1;
        }
      }
      continue;
    }
    if (word >= 0) {
      const exact = node === 0 ? -1 : EXACT_AT[node]!;
      if (exact >= 0) {
        tokens.pushId(exact);
        cued ||= STARTS_CUE[exact] === 1;
      } else {
        if (depth >= 5 && i - word >= 6) cued = inflected(text, word, i, depth) || cued;
        // Compounds are not lexicon words themselves: "Brustkrebs", "Gewerkschaftsmitglied".
        if (HAS_HEADS && i - word >= 6) cued = compoundHead(text, word, i) || cued;
      }
      if (cued && !worth) worth = worthScoring();
      tokens.close(word, i, punct, cap);
      punct = false;
      word = -1;
      node = 0;
    }
    if (i === to) break;
    if (isClausePunct(c)) punct = true;
    if (endsSentence(text, sentence, i, c)) {
      if (cued && worth) emit(text, sentence, i + 1, wanted, out);
      tokens.reset();
      checkedUpTo = 0;
      cued = worth = false;
      punct = false;
      sentence = i + 1;
    }
  }
  if (cued && worth && sentence < to) emit(text, sentence, to, wanted, out);
  return out;
}
