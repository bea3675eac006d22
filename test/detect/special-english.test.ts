// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scanText, type Kind } from '../../lib/detect/index';
import { FEMALE_NAMES, MALE_NAMES } from '../../lib/detect/special-english';

const SPECIAL: readonly Kind[] = ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'];
const statements = (text: string) => scanText(text, { lang: 'en', kinds: SPECIAL }).map((f) => f.kind);

describe('English breadth families: statements about a person', () => {
  it.each<[string, Kind]>([
    ['Spoke to his PA - Gareth is off after a vasectomy.', 'health'],
    ['Mrs Dale is housebound after the fall.', 'health'],
    ['Lorraine has fibromyalgia, keep visits short.', 'health'],
    ['She is 20 weeks along, due in April.', 'health'],
    ['Wayne has been to detox twice.', 'health'],
    ['Anil is a practising Jain.', 'religion'],
    ["Roisin mentioned she's a Bahá'í.", 'religion'],
    ['Jared is LDS, no coffee at the meeting.', 'religion'],
    ["Nigel's a proper Brexiteer.", 'political'],
    ['Apparently Derek voted Reform at the last election.', 'political'],
    ['Gwen is a Plaid supporter.', 'political'],
    ['Bronwyn stood as an independent candidate for the council.', 'political'],
    ['Mr Hussain is part of the Bangladeshi community in Tower Hamlets.', 'ethnicity'],
    ['Kelly is of Caribbean heritage.', 'ethnicity'],
    ['His partner Gareth joined us for dinner.', 'sexual_orientation'],
    ['Mrs Hale lives with her partner Joanne.', 'sexual_orientation'],
    ["Nick's boyfriend picked him up.", 'sexual_orientation'],
    ['Maeve is a SIPTU rep.', 'trade_union'],
    ['Shane is a CFMEU delegate on the Brisbane site.', 'trade_union'],
    ['We hold a voice sample of Mr Grant for phone banking.', 'biometric'],
    ['Mark did a 23andMe test and found out he carries the cystic fibrosis gene.', 'genetic'],
    ['Mike had his licence taken off for speeding.', 'criminal'],
    ["Connor's got 9 points on his licence.", 'criminal'],
    ['Darren received a police caution for a fight.', 'criminal'],
  ])('%s -> %s', (text, kind) => {
    expect(statements(text)).toContain(kind);
  });
});

describe('English breadth families: product, organisation and idiom context still wins', () => {
  it.each([
    'Our voice sample library ships with 40 accents.',
    'Sold 20 licences to the Bangladeshi community centre.',
    'We are the Reform Group preferred supplier.',
    'Independent retailers are a growing segment for us.',
    'Our partner Gareth Lloyd Ltd resells in Wales.',
    'His partner at the firm, Gareth, approved the PO.',
    'Her partner Gareth signed the lease.',
    'The speeding up of onboarding is the main win.',
    'Points on the loyalty card expire in June.',
    'Face scan login is a premium feature.',
    'Client is a Jain temple trust, invoice the trust.',
    "She's pregnant with ideas for the roadmap.",
    'Green light from procurement on the renewal.',
    'Labour costs rose 6% at their plant.',
    'The detox tea brand wants an influencer CRM.',
    'Conservative estimate is 40 seats by Q2.',
    'Their heritage brand is being relaunched.',
    'He booked a court for squash after the meeting.',
    'We were charged twice for the invoice.',
  ])('%s', (text) => {
    expect(statements(text)).toEqual([]);
  });
});

describe('first-name lists', () => {
  it('leave out names used by both genders, so a partner\'s gender is not guessed', () => {
    const male = new Set(MALE_NAMES.split('|'));
    const female = new Set(FEMALE_NAMES.split('|'));
    for (const n of ['alex', 'sam', 'chris', 'jamie', 'charlie', 'andrea', 'jean', 'nicola']) {
      expect(male.has(n) && female.has(n)).toBe(false);
    }
    expect([...male].filter((n) => female.has(n))).toEqual([]);
    expect(male.size).toBeGreaterThan(200);
    expect(female.size).toBeGreaterThan(200);
  });
});
