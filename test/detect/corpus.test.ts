// @vitest-environment node
/** The project's own corpus must meet the targets; `npm run eval` prints the full table. */
import { describe, expect, it } from 'vitest';
import { classifyField, scanText } from '../../lib/detect/index';
import { loadOwnFields, loadOwnTexts, parseMarkedLine } from '../corpus/load';
import { merge, prf, scoreFields, scoreTexts } from '../corpus/score';

const SPECIAL = ['health', 'religion', 'political', 'ethnicity', 'sexual_orientation', 'trade_union', 'biometric', 'genetic', 'criminal'];

describe('own corpus meets the targets', () => {
  const fields = scoreFields(loadOwnFields(), (c) => classifyField(c.input).kind);
  const texts = scoreTexts(loadOwnTexts(), (c) => scanText(c.text, { lang: c.lang }));

  it('fields: kind accuracy ≥ 0.95 and "is personal" precision ≥ 0.97', () => {
    expect(fields.correct / fields.total).toBeGreaterThanOrEqual(0.95);
    expect(prf(fields.personal).p).toBeGreaterThanOrEqual(0.97);
  });

  it('checksum identifiers: precision ≥ 0.99, recall ≥ 0.98', () => {
    const m = prf(merge(texts.byKind, (k) => ['bank_account', 'payment_card', 'national_id'].includes(k)));
    expect(m.p).toBeGreaterThanOrEqual(0.99);
    expect(m.r).toBeGreaterThanOrEqual(0.98);
  });

  it('email ≥ 0.99 and phone ≥ 0.92 (F1)', () => {
    expect(prf(texts.byKind.get('email')!).f1).toBeGreaterThanOrEqual(0.99);
    expect(prf(texts.byKind.get('phone')!).f1).toBeGreaterThanOrEqual(0.92);
  });

  it.each(['en', 'de'])('special categories and criminal in %s: P and R ≥ 0.85', (lang) => {
    const m = prf(merge(texts.byKindLang, (k) => SPECIAL.includes(k.split('/')[0]!) && k.endsWith(`/${lang}`)));
    expect(m.p).toBeGreaterThanOrEqual(0.85);
    expect(m.r).toBeGreaterThanOrEqual(0.85);
  });

  it('covers all six languages with hard negatives', () => {
    const cases = loadOwnTexts();
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl']) {
      expect(cases.filter((c) => c.lang === lang && c.gold.length === 0).length, lang).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('corpus markup', () => {
  it('turns {{kind|value}} into UTF-16 gold spans', () => {
    const c = parseMarkedLine('de\t👋 Mail {{email|a@b.de}} und {{phone|+49 30 1234567}}.', 't');
    expect(c.text).toBe('👋 Mail a@b.de und +49 30 1234567.');
    expect(c.gold.map((g) => c.text.slice(g.start, g.end))).toEqual(['a@b.de', '+49 30 1234567']);
  });
  it('rejects unknown kinds and broken markup', () => {
    expect(() => parseMarkedLine('en\t{{salary|100}}', 't')).toThrow(/unknown kind/);
    expect(() => parseMarkedLine('en\t{{email|a@b.de', 't')).toThrow(/unbalanced/);
    expect(() => parseMarkedLine('no tab here', 't')).toThrow(/lang/);
  });
});
