import { describe, expect, it } from 'vitest';
import { scanTextsForContent } from '@/entrypoints/background/text-scan';
import { createTextScanner } from '@/entrypoints/crm.content/text-scan';

const NOTE = 'Refund to DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111. Sie ist Diabetikerin.';

describe('cs:scan-text in the background', () => {
  it('answers each item in order with offsets, rules and, when asked, masked forms only', () => {
    const { results } = scanTextsForContent({ items: [{ text: NOTE, lang: 'de' }, { text: 'Nothing here.' }], masked: true });
    expect(results).toHaveLength(2);
    expect(results[1]).toEqual([]);
    const byKind = Object.fromEntries(results[0]!.map((f) => [f.kind, f]));
    expect(NOTE.slice(byKind.bank_account!.start, byKind.bank_account!.end)).toBe('DE89 3704 0044 0532 0130 00');
    expect(byKind.bank_account!.masked).toBe('DE89 **** **** **** **30 00');
    expect(byKind.payment_card!.masked).toBe('**** **** **** 1111');
    expect(byKind.health?.rule).toBe('health-statement');
    // The answer never carries the unmasked value itself.
    expect(JSON.stringify(results)).not.toContain('0532 0130');
  });

  it('leaves masked forms out unless asked', () => {
    const { results } = scanTextsForContent({ items: [{ text: NOTE }] });
    expect(results[0]!.every((f) => f.masked === undefined)).toBe(true);
  });
});

describe('the content-side text scanner', () => {
  it('batches, remembers short answers, and reports a silent background as an error', async () => {
    const requests: number[] = [];
    const scanner = createTextScanner({
      send: async (req) => {
        requests.push(req.items.length);
        return scanTextsForContent(req);
      },
    });
    const first = await scanner.scan([{ text: NOTE }, { text: 'Call Anna on Monday.' }]);
    expect(first[0]!.map((f) => f.kind)).toContain('bank_account');
    const again = await scanner.scan([{ text: NOTE }]);
    expect(again).toEqual([first[0]]);
    expect(requests).toEqual([2]);

    const silent = createTextScanner({ send: () => new Promise(() => {}), timeoutMs: 20 });
    await expect(silent.scan([{ text: NOTE }])).rejects.toThrow(/did not answer/);
  });
});
