// @vitest-environment node
/** The mechanisms behind special-category statements, each with a case it must find and one it must leave alone. */
import { describe, expect, it } from 'vitest';
import { scanText, type Kind } from '../../lib/detect/index';
import { PhraseLexicon, fold } from '../../lib/detect/lexicon-matcher';
import { sentences } from '../../lib/detect/text-special';

const SPECIAL: readonly Kind[] = ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'];
const kinds = (text: string) => scanText(text, { kinds: SPECIAL }).map((f) => f.kind);

describe.each<[string, string, Kind, string]>([
  ['inflected forms', 'Sie lebt in einer lesbischen Beziehung.', 'sexual_orientation', 'Sie haften für Schäden aus der Lieferung.'],
  ['Romance gender', 'La clienta es diabética.', 'health', 'La cliente ha ordinato diabolik.'],
  ['compound heads', 'Kundin hat Brustkrebs.', 'health', 'Kooperation mit Herrn Meier vereinbart.'],
  ['note openings without subject', 'Prefers no calls on Fridays because of prayer.', 'religion', 'Prayer room refurbishment quote sent.'],
  ['a capitalised name before a verb', 'Greg is a Conservative councillor in Surrey.', 'political', 'Die Gewerkschaftszentrale hat 50 Laptops bestellt.'],
  ['same-gender partners', 'Herr Winter ist mit einem Mann verheiratet.', 'sexual_orientation', 'Herr Winter ist mit einer Frau verheiratet.'],
  ['partners in French', 'Elle vit avec sa compagne à Lyon.', 'sexual_orientation', 'Il vit avec sa compagne à Lyon.'],
  ['organisation names', 'She is a devout Muslim and asked for a quote.', 'religion', 'The Muslim council of the city asked for a quote.'],
  ['ambiguous articles', 'Il est en prison depuis 2019.', 'criminal', 'Il carcere di Bollate ha pubblicato un bando.'],
  ['idioms', 'He is sick and off work this week.', 'health', 'He is sick of waiting for the legal team.'],
  ['metaphors', 'His DNA test showed a BRCA1 mutation.', 'genetic', 'Speed is in our company’s DNA.'],
  ['product context by distance', 'Mike told us he is unionised and will check the offer with his branch.', 'trade_union', 'We sell union membership software to trade unions.'],
  ['injuries of body parts', 'He broke his leg skiing and works from home.', 'health', 'The leg of the tour was broken into two days.'],
  ['nationality in an origin phrase', 'Chidi is half Nigerian, half Irish.', 'ethnicity', 'The Nigerian distributor wants a 10% discount.'],
  ['German origin phrases', 'Frau Nowak kommt aus einer polnischen Familie.', 'ethnicity', 'Polnischer Händler möchte 10 % Rabatt.'],
  ['ethnic groups need a person', 'Mrs Patel’s family is Gujarati, she speaks it at home.', 'ethnicity', 'Gujarati translation of the brochure is ready.'],
  ['later phrase words inflect', 'Her grandparents were Irish Travellers.', 'ethnicity', 'Irish travel agency renewed its licence.'],
  ['broad condition list', 'Priya has endometriosis and sometimes cancels at short notice.', 'health', 'Endometriosis research charity asked about a nonprofit discount.'],
  ['a cue modifying the opening noun', 'Wheelchair user, book the ground floor room.', 'health', 'Wheelchair ramp supplier invoice overdue.'],
  ['a cue before the person it belongs to', 'Die Fingerabdrücke der Kundin sind im System gespeichert.', 'biometric', 'Fingerabdrucksensor-Modul erst im Mai lieferbar.'],
  ['an organisation noun before a cue adjective', 'Lei è evangelica e va in chiesa ogni domenica.', 'religion', 'Chiesa evangelica di Milano: preventivo inviato.'],
  ['verbs of support before a party', 'She helps at the Greens’ stand on Saturdays.', 'political', 'The Greens’ climate policy affects our tariffs next year.'],
  ['union names as the object of membership', 'Sue is an active member of the NEU.', 'trade_union', 'Herr Weber ist neu im Einkauf.'],
  ['supporters named after politicians', 'Contact is a big Trump fan and wears the cap to meetings.', 'political', 'The Trump tariffs hit our steel suppliers.'],
  ['an organisation signed as an account', 'Frau Weiß ist evangelisch und singt im Kirchenchor.', 'religion', 'Evangelische Kirche als Kunde gewonnen.'],
  ['a name before a possessive s', "Rob's a lifelong Tory.", 'political', 'The Tory manifesto hits our margins.'],
  ['English shorthand for a condition', 'Dev is Type 2, skip the pastries.', 'health', 'Type 2 errors dominate the fraud model.'],
  ['prison slang', 'Gav did time for robbery.', 'criminal', 'He did time-boxing for the sprint.'],
  ['tagged as a sentence, not as a label', "He's tagged until June after the court case.", 'criminal', 'The invoice was tagged as urgent.'],
  ['a surname after a title is no cue', 'Mr Baptiste is a devout Baptist.', 'religion', 'Mr Baptiste was charged for two licences.'],
  ['a first name that is also a cue word', 'Sunita is Hindu and fasts on Tuesdays.', 'religion', 'Sunita asked for the Q3 price list.'],
  ['a first name as the predicate keeps its cue', 'She is Christian and sings in a gospel choir.', 'religion', 'Christian asked for the Q3 price list.'],
  ['a lower-case name before an apostrophe s', "gina's off with shingles, back next wk", 'health', "it's off with the old ERP, new one next wk"],
  ['an organ taken out is an operation', 'Fran just had her gallbladder out, emails only.', 'health', 'Fran took the old router out of the rack.'],
  ['"so" starts a clause of its own', 'Pam has a pacemaker fitted so skip the body scanner at the venue.', 'health', 'Pacemaker leads are our best-selling product at the venue.'],
  ['a festival as an event', 'Anil celebrates Diwali with his family and is off that week.', 'religion', "Invited to the client's Diwali office party, whole team going."],
  ['figurative religion', 'Mr Sato is a practising Buddhist.', 'religion', 'Mr Sato is religious about his 7am standup.'],
  ['broad WordNet vocabulary: procedures', 'Desmond is having a colonoscopy on Friday, move the call.', 'health', 'Colonoscopy scheduling module interests the hospital.'],
  ['broad WordNet vocabulary: denominations', 'Ravi is a Hare Krishna devotee and eats sattvic food.', 'religion', 'The Hare Krishna temple bought five tablets.'],
  ['German possessive partners', 'Frau Albrecht bringt ihre Frau zum Sommerfest mit.', 'sexual_orientation', 'Frau Albrecht bringt ihren Mann zum Sommerfest mit.'],
  ['German slang', 'Kevin ist krank und kommt erst Montag.', 'health', 'Die Zahlen sind krank gut dieses Quartal, sagt Kevin.'],
  ['initials do not end a sentence', 'Voiceprint of J. McAllister enrolled for phone banking.', 'biometric', 'Voiceprint demo for J. McAllister is booked.'],
  ['note shorthand does not end a sentence', 'Fr. Yilmaz ist wg. Chemo nachmittags zu erschöpft.', 'health', 'Chemo-Schulung wg. Produktstart verschoben.'],
  ['a title before a name is a person, an acronym is not', 'Hr. Lorenz hat Diabetes, bitte keine Kekse.', 'health', 'Deaf awareness training is part of their HR package.'],
  ['an idiom takes back only the cue it overlaps', "The client's COO came out as bisexual at their Pride event.", 'sexual_orientation', 'Our Pride event sponsorship was approved.'],
  ['a pet is no one', 'She is having knee surgery on Thursday.', 'health', 'Her dog is having knee surgery on Thursday.'],
  ['German verb-last seats', 'Der GF sagt, dass er für die AfD im Stadtrat sitzt.', 'political', 'Die AfD im Stadtrat stellt eine Anfrage zum Haushalt.'],
  ['German ordinals do not end a sentence', 'Fr. Kowalczyk ist in der 28. SSW, daher Ratenpause.', 'health', 'Die 28. SSW-Broschüre ist im Druck.'],
  ['operations by body part', 'Mr Iyer is recovering from bypass surgery at home.', 'health', 'The bypass road closure delays our delivery.'],
  ['medicines newer than WordNet', "Her daughter's Humira pens must stay refrigerated, she said.", 'health', 'Humira biosimilar launch is a pharma client project.'],
  ['business votes', 'He told me he voted for the Greens.', 'political', 'Voting for the customer advisory board chair closes Friday, he said.'],
  ['party and role', "Lyle's a big Bernie supporter from way back.", 'political', 'Bernie from IT fixed the printer.'],
  ['a first name in a place name is no person', 'Mary told me she is diabetic.', 'health', "St Mary's NHS Trust ordered insulin pumps for the diabetes ward."],
  ['German participles that look like a cue', 'Herr Demir betet fünfmal am Tag und fastet im Ramadan.', 'religion', 'Herr Demir hat gebeten, ihn morgen anzurufen.'],
  ['prisons by name', 'Mr. Grant is currently in HMP Wandsworth, redirect the parcel.', 'criminal', 'HMP Wandsworth ordered 40 laptops.'],
  ['bail, not a bail-out', 'Mr Ellis is on bail until the hearing.', 'criminal', 'The bank bail out was in 2008.'],
  ['sobriety, not a sober look', "Tina's been sober since 2021.", 'health', 'Sober second look at pricing needed.'],
  ['worship as routine', 'Our buyer goes to mass every morning.', 'religion', 'Mass email campaign goes out Monday.'],
  ['a party after an article the party list does not spell', 'He campaigns for the AfD in Saxony.', 'political', 'He campaigns for the product in Saxony.'],
  ['a cue phrase ending in its preposition', 'Iris scan of Mr Adeyemi enrolled for the lab door.', 'biometric', 'Iris scan of the prototype failed QA.'],
  ['Romance-order organisation names', 'Elle est catholique pratiquante.', 'religion', 'Université catholique de Lille a signé le contrat.'],
])('%s', (_name, finding, kind, negative) => {
  it(`finds ${kind} in "${finding}"`, () => expect(kinds(finding)).toContain(kind));
  it(`finds nothing in "${negative}"`, () => expect(kinds(negative)).toEqual([]));
});

describe('language of the text', () => {
  const inLang = (text: string, lang?: string) => scanText(text, { kinds: SPECIAL, lang }).map((f) => f.kind);
  it('turns language-only cues on in their language and leaves them off when the language is unknown', () => {
    expect(inLang('Hij is doof sinds zijn jeugd.', 'nl')).toEqual(['health']);
    expect(inLang('Hij is doof sinds zijn jeugd.')).toEqual([]);
    expect(inLang('Das ist doof, er ist schon weg.', 'de')).toEqual([]);
  });
  it('reads Italian "il" as an article, not as "he", when the text is known to be Italian', () => {
    const text = 'Il progetto va bene, la cliente vive con il suo compagno.';
    expect(inLang(text, 'it')).toEqual([]);
    expect(inLang('Il signor Rossi vive con il suo compagno.', 'it')).toEqual(['sexual_orientation']);
    expect(inLang('Il vit avec son compagnon.', 'fr')).toEqual(['sexual_orientation']);
  });
  it('switches a false friend off only in its language', () => {
    // "neu rep" reads as "NEU rep" (the union's representative) unless the text is known to be German.
    expect(inLang('Sie ist neu rep im Einkauf.')).toEqual(['trade_union']);
    expect(inLang('Sie ist neu rep im Einkauf.', 'de')).toEqual([]);
    expect(inLang('She is an NEU rep at the school.', 'en')).toEqual(['trade_union']);
  });
  it('treats region subtags as their base language', () => {
    expect(inLang('Hij is doof sinds zijn jeugd.', 'nl-BE')).toEqual(['health']);
  });
});

describe('sentence gate', () => {
  it('scores a sentence whose person word comes after the cue', () => {
    expect(kinds('Diabetes, as he told me, is under control.')).toContain('health');
  });
  it('skips a sentence with a weak cue and nobody in it', () => {
    expect(kinds('Diabetes is a large market segment.')).toEqual([]);
  });
  it('judges every sentence of a note on its own', () => {
    const text = 'Renewal signed. Diabetes is a large market. She is diabetic. Send the quote.';
    const found = scanText(text, { kinds: SPECIAL });
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['She is diabetic.']);
  });
});

describe('lexicon matcher', () => {
  const lex = new PhraseLexicon<string>().add('krebs|gewerkschaft*|*krebs|is pregnant', 'x');
  it('looks words up exactly, by prefix and by compound head', () => {
    expect(lex.idsOf('Krebs').length).toBe(1);
    expect(lex.idsOf('Gewerkschaftsmitglied').length).toBe(1);
    expect(lex.idsOf('Brustkrebs').length).toBe(1);
    expect(lex.idsOf('Krebsforschung')).toEqual([]);
  });
  it('rejects stems too short to mean anything', () => {
    expect(() => new PhraseLexicon<string>().add('ab*', 'x')).toThrow(/too short/);
  });
  it('folds case and diacritics, every ß included', () => {
    expect(fold('Straßenmaß')).toBe('strassenmass');
    expect(fold('Gläubige')).toBe('glaubige');
  });
});

describe('linear time', () => {
  it('scans 200 KB of cue words without a sentence end quickly', () => {
    const text = 'kunde ist diabetiker und gewerkschaftsmitglied '.repeat(4300);
    const t0 = performance.now();
    scanText(text, { kinds: SPECIAL });
    expect(performance.now() - t0).toBeLessThan(1500);
  });
  it('keeps sentence boundaries at abbreviations', () => {
    expect(sentences('Dr. Weber kommt. Frau Kurz ist schwanger.')).toEqual([
      [0, 16],
      [16, 41],
    ]);
  });
});
