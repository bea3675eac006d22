// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scanText, type Kind } from '../../lib/detect/index';

const SPECIAL: readonly Kind[] = ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'];
const statements = (text: string) => scanText(text, { kinds: SPECIAL }).map((f) => f.kind);

describe('statements about a person are findings', () => {
  it.each<[string, Kind]>([
    ['Kunde ist Diabetiker.', 'health'],
    ['Mr Patel mentioned he is diabetic.', 'health'],
    ['Herr Schulz ist krankgeschrieben.', 'health'],
    ['Madame Martin est diabétique.', 'health'],
    ['La señora García está embarazada.', 'health'],
    ['Il signor Rossi è diabetico.', 'health'],
    ['Meneer Jansen heeft diabetes.', 'health'],
    ['She is a member of IG Metall.', 'trade_union'],
    ['Frau Becker ist Mitglied der IG Metall.', 'trade_union'],
    ['Il est délégué syndical CGT.', 'trade_union'],
    ['Zij is lid van de vakbond FNV.', 'trade_union'],
    ['He votes for the Green Party.', 'political'],
    ['Herr Wagner ist AfD-Mitglied.', 'political'],
    ['Hij stemt op de PVV.', 'political'],
    ['The client is a practising Muslim.', 'religion'],
    ['Die Kundin ist Muslima.', 'religion'],
    ['El cliente es católico practicante.', 'religion'],
    ['The customer said she is of Roma descent.', 'ethnicity'],
    ['Sie erwähnte ihren Migrationshintergrund.', 'ethnicity'],
    ['He mentioned that he is gay.', 'sexual_orientation'],
    ['Er hat erzählt, dass er schwul ist.', 'sexual_orientation'],
    ['We stored his fingerprint for door access.', 'biometric'],
    ['Her DNA test showed a BRCA1 mutation.', 'genetic'],
    ['The contact was convicted of fraud in 2019.', 'criminal'],
    ['Der Ansprechpartner ist vorbestraft.', 'criminal'],
    ['Le contact a un casier judiciaire.', 'criminal'],
    ['El contacto tiene antecedentes penales.', 'criminal'],
    ['Il contatto è stato condannato per truffa.', 'criminal'],
    ['Het contact heeft een strafblad.', 'criminal'],
  ])('%s → %s', (text, kind) => {
    expect(statements(text)).toContain(kind);
  });
});

describe('the same words about products, organisations and markets are not', () => {
  it.each([
    'We sell diabetes test strips to pharmacies.',
    'Wir verkaufen Teststreifen für Diabetiker an Apotheken.',
    'Nous vendons des lecteurs de glycémie pour les patients diabétiques.',
    'Vendemos tiras reactivas para diabéticos a farmacias.',
    'Vendiamo strisce reattive per diabetici alle farmacie.',
    'Wij verkopen teststrips voor diabetespatiënten aan apotheken.',
    'Please send the union of both lists to marketing.',
    'The political situation in the market slows procurement.',
    'Die politische Lage im Markt bremst Investitionen.',
    'The European Union regulation changes affect pricing.',
    'The supplier offers fraud detection software for banks.',
    'The company sells fingerprint readers and facial recognition cameras.',
    'Das katholische Klinikum St. Marien bestellt 200 Einheiten.',
    'Our campaign targets the Hispanic market in Texas.',
    'Das Krankenhaus Nord ist Bestandskunde seit 2019.',
    'Their product line covers cancer screening devices for hospitals.',
    'Die Gewerkschaft ver.di ruft in der Branche zu Warnstreiks auf, Lieferungen können sich verzögern.',
  ])('%s', (text) => {
    expect(statements(text)).toEqual([]);
  });
});

describe('statement spans', () => {
  it('cover the whole sentence and no other', () => {
    const text = 'Termin am Montag. Kunde ist Diabetiker, bitte beim Catering berücksichtigen. Angebot folgt.';
    const [f] = scanText(text, { kinds: ['health'] });
    expect(f && text.slice(f.start, f.end)).toBe('Kunde ist Diabetiker, bitte beim Catering berücksichtigen.');
    expect(f?.rule).toBe('health-statement');
  });
  it('do not end at abbreviations such as "Dr."', () => {
    const text = 'Dr. Weber sagt, Herr Kurz ist schwanger? Nein: Frau Kurz ist schwanger.';
    const found = scanText(text, { kinds: ['health'] }).map((f) => text.slice(f.start, f.end));
    expect(found[0]?.startsWith('Dr. Weber')).toBe(true);
  });
});
