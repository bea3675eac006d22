/**
 * Which WordNet synsets hold each kind's vocabulary (lemma and 1-based sense
 * number), subtrees to leave out, and words whose first sense is right but
 * which CRM notes use otherwise.
 */
import type { SpecialKind } from '../../lib/detect/special-lexicon';

export interface Root {
  lemma: string;
  sense: number;
}

export type WordNetKind = Extract<SpecialKind, 'health' | 'religion' | 'political' | 'ethnicity' | 'trade_union' | 'criminal'>;

const r = (lemma: string, sense = 1): Root => ({ lemma, sense });

/** WordNet lexicographer files by number (lexnames(5WN)). */
export const GROUPS_FILE = 14;

export const ROOTS: Readonly<Record<WordNetKind, { include: Root[]; exclude?: Root[]; gloss?: RegExp; skipFiles?: number[] }>> = {
  health: {
    include: [
      r('ill_health'), r('disorder'), r('pregnancy'), r('addiction'), r('disability'), r('symptom'), r('pain'),
      r('medical_procedure'), r('medical_care'), r('sick_person'), r('handicapped_person'), r('medicine', 2),
      r('prosthesis'), r('hearing_aid'), r('artificial_pacemaker'), r('wheelchair'), r('stent'), r('crutch'),
      // Examinations and tests: colonoscopy, biopsy, mammogram, MRI.
      r('endoscopy'), r('medical_examination'), r('diagnostic_test'), r('roentgenogram'), r('magnetic_resonance_imaging'), r('mental_hospital'),
    ],
    exclude: [r('plant_disease'), r('animal_disease')],
  },
  religion: {
    include: [r('religious_person'), r('religion'), r('religion', 2), r('religious_ceremony'), r('sect'), r('denomination'), r('clergyman'), r('religious_movement')],
    // Churches and orders as organisations ("works for the Catholic Church") say nothing of anyone's faith.
    skipFiles: [GROUPS_FILE],
  },
  political: {
    include: [r('political_party'), r('political_orientation'), r('politician', 2), r('rightist'), r('leftist'), r('advocate')],
    // People by their politics, not every advocate or office holder.
    gloss: /\b(party|socialism|communism|fascism|nationalism|anarchism|conservatism|liberalism|marxism|political|left|right|zionism|monarchy|republic|independence)\b/i,
  },
  ethnicity: {
    include: [r('ethnic_group'), r('race', 3), r('person_of_color'), r('native_american'), r('aborigine', 2)],
  },
  trade_union: {
    include: [r('labor_union'), r('trade_unionist')],
  },
  criminal: {
    include: [r('crime'), r('criminal'), r('imprisonment'), r('imprisonment', 2), r('probation', 3), r('parole'), r('conviction', 2)],
  },
};

/**
 * Right first sense, other everyday use: business words ("complaint",
 * "liquidator", "collaborator", "ablation"), figures of speech ("partner in
 * crime", "hired gun", "black eye", "shock therapy"), place, product and
 * software names ("Apache", "Miami", "Winnebago"), nationalities, and words for
 * the generic organisation ("church", "party").
 */
export const STOP: ReadonlySet<string> = new Set<string>(
  (
    // health
    'aloes|collapse|complaint|congestion|founder|frenzy|face powder|fantods|madman|maniac|psychopath|paranoiac|torment|throe|suffering|salve|hysteria|delirium|debility|feebleness|' +
    'parity|floater|gripper|furring|downer|clubbing|shiner|hickey|physic|spewer|madhouse|nuthouse|nutcase|psycho|psyche|monomaniac|nauseam|fugue|hermit|eremite|' +
    'bleeding|bleeder|contagion|swelling|adhesion|dysfunction|lichen|peduncle|habituation|disinfection|sterilization|sterilisation|extirpation|evisceration|vivisection|xenophobia|' +
    // brand and place names and German words the inflection rule would reach ("Bayern", "Folien", "Dependance", "Türkis", "Kalkar")
    'bayer|blaine|folie|dependance|' +
    'invalid|lethal dose|cloze test|dick test|imaging|physical|examination|checkup|check up|drugging|wound|handicap|ablation|black eye|shock therapy|symptom|the shits|mental case|disorder|disability|sickness|illness|ill health|health problem|' +
    // religion
    'church|faith|religion|novice|shepherd|primate|primus|confessor|lector|officiant|rector|pluralist|whirler|votary|sacrificer|denomination|evangelist|curate|domine|dominie|dominus|begum|' +
    'chela|numerologist|dippers|cultus|doctrine of analogy|little office|watch night|abstainer|affusion|agrypnia|anointer|ordainer|postulator|thurifer|sky pilot|minister of religion|' +
    // political
    'party|democracy|dark horse|running mate|standard bearer|noncandidate|militarism|utopianism|hawkishness|dovishness|domino theory|machiavellianism|extremism|moderatism|centrism|' +
    'revisionist|mugwump|sachem|party boss|party man|party liner|political boss|politico|political leader|demagog|demagogue|rabble rouser|ward heeler|machine politician|political hack|' +
    'american party|people s party|gironde|fellow traveler|fellow traveller|antifeminist|' +
    // ethnicity
    'quiche|turki|kalka|apache|mohawk|winnebago|dakota|miami|omaha|ottawa|wichita|biloxi|cayuga|seminole|mohave|mojave|shasta|pueblo|oneida|osage|pawnee|kansa|sioux|teton|aztec|olmec|toltec|mayan|' +
    'japanese|israeli|shogun|geisha|geisha girl|samaritan|sherpa|hajji|effendi|farsi|jawan|sannup|sabra|master race|herrenvolk|cliff dweller|nootka|ottoman turk|osmanli|hebrews|israelite|israelites|' +
    'canarese|kanarese|brule|red man|two kettle|dravidian|' +
    // trade union: the bare word is handled with its idioms by hand
    'union|i w w|' +
    // criminal
    'raider|runner|ripper|calif|'+
    'liquidator|collaborator|collaborationist|captivity|piracy|pirate|literary pirate|plagiarist|plagiariser|plagiarizer|internment|infraction|perpetration|violation|violator|traitor|traitress|' +
    'word of honor|toughie|snatcher|ghoul|padder|crimper|whoredom|harlotry|machinator|biopiracy|sting operation|mayhem|hatchet man|henchman|hired gun|gun for hire|partner in crime|' +
    'fifth columnist|highbinder|gunslinger|despoiler|desperado|plunderer|pillager|holdup|break in|thimblerig|durance|immurement|corsair|freebooter|buccaneering|barbary pirate|moon curser|' +
    'wharf rat|strong armer|barnburner|bunko|bunco game|bunko game|flimflam|cozenage|positive fraud|legal fraud|fraud in fact|fraud in law|lese majesty|judgment of conviction|had crime'
  ).split('|'),
);
