import { describe, expect, it } from 'vitest';
import { mergeAnswers, planBatches, PIECE_OVERLAP, type TextItem } from '@/lib/messages/text-batches';
import { scanText } from '@/lib/detect';
import { parseMessage, SCAN_TEXT_LIMITS } from '@/lib/messages/protocol';

/** What the background would answer for each request item. */
const answer = (items: readonly TextItem[]) => items.map((i) => scanText(i.text, i.lang ? { lang: i.lang } : {}));

describe('planBatches', () => {
  it('keeps every request within the item and character limits', () => {
    const items = Array.from({ length: 450 }, (_, i) => ({ text: `note ${i} `.repeat(40) }));
    const batches = planBatches(items, { items: 200, totalChars: 50_000 });
    for (const b of batches) {
      expect(b.items.length).toBeLessThanOrEqual(200);
      expect(b.items.reduce((n, i) => n + i.text.length, 0)).toBeLessThanOrEqual(50_000);
    }
    expect(batches.flatMap((b) => b.pieces.map((p) => p.item))).toEqual(items.map((_, i) => i));
  });

  it('cuts a text longer than one request into overlapping pieces and finds everything once', () => {
    const limits = { items: 200, totalChars: PIECE_OVERLAP + 3_000 };
    const filler = 'The renewal meeting is planned for next quarter with the purchasing team. ';
    // Findings every ~1,500 characters, so several sit across piece boundaries.
    let text = '';
    for (let i = 0; text.length < 40_000; i++) text += filler.repeat(20) + (i % 2 ? 'IBAN DE89 3704 0044 0532 0130 00 please. ' : 'Mail anna.schmidt@example.de today. ');
    const batches = planBatches([{ text, lang: 'en' }, { text: 'short one' }], limits);
    expect(batches.length).toBeGreaterThan(1);
    const merged = mergeAnswers(2, batches, batches.map((b) => answer(b.items)));
    const direct = scanText(text, { lang: 'en' });
    expect(merged[0]!.map((f) => [f.kind, f.start, f.end])).toEqual(direct.map((f) => [f.kind, f.start, f.end]));
    expect(direct.length).toBeGreaterThan(20);
    expect(merged[1]).toEqual([]);
  });
});

describe('cs:scan-text request limits', () => {
  it('accepts a batch within the limits and refuses more text than one request may carry', () => {
    expect(parseMessage({ type: 'cs:scan-text', items: [{ text: 'hello', lang: 'de' }], masked: true })).not.toBeNull();
    const big = 'x'.repeat(SCAN_TEXT_LIMITS.totalChars / 2 + 1);
    expect(parseMessage({ type: 'cs:scan-text', items: [{ text: big }, { text: big }] })).toBeNull();
    expect(parseMessage({ type: 'cs:scan-text', items: [] })).toBeNull();
    expect(parseMessage({ type: 'cs:scan-text', items: Array.from({ length: SCAN_TEXT_LIMITS.items + 1 }, () => ({ text: 'a' })) })).toBeNull();
  });
});
