/**
 * The content script's way to the detection engine, which runs in the background
 * (`cs:scan-text`). Requests are batched within the protocol's limits, short
 * answers are remembered (a rescan of the same displayed value costs no message),
 * and a background that does not answer in time counts as unreachable.
 */
import { sendToBackground } from '@/lib/messages/content-send';
import type { TextFinding } from '@/lib/messages/protocol';
import { mergeAnswers, planBatches, type TextItem } from '@/lib/messages/text-batches';
import { withTimeout } from '@/lib/messages/timeout';

export type { TextItem };

export interface TextScanner {
  scan(items: readonly TextItem[], opts?: { masked?: boolean }): Promise<TextFinding[][]>;
}

type Send = (request: { items: TextItem[]; masked?: boolean }) => Promise<{ results: TextFinding[][] }>;

const CACHE_LIMIT = 1000;
const CACHE_TEXT_MAX = 4000;

export function createTextScanner(options: { send?: Send; timeoutMs?: number } = {}): TextScanner {
  const send: Send = options.send ?? ((request) => sendToBackground('cs:scan-text', request));
  const timeoutMs = options.timeoutMs ?? 8000;
  const cache = new Map<string, TextFinding[]>();
  const keyOf = (item: TextItem, masked: boolean) => (item.text.length <= CACHE_TEXT_MAX ? `${masked ? 1 : 0}${item.lang ?? ''}\u0000${item.text}` : null);

  return {
    async scan(items, opts = {}) {
      const masked = opts.masked === true;
      const results: (TextFinding[] | undefined)[] = items.map((item) => {
        const key = keyOf(item, masked);
        return key === null ? undefined : cache.get(key);
      });
      const missing = items.flatMap((item, index) => (results[index] === undefined ? [{ item, index }] : []));
      if (missing.length > 0) {
        const batches = planBatches(missing.map((m) => m.item));
        const answers = await Promise.all(batches.map((batch) => withTimeout(send({ items: batch.items, ...(masked ? { masked } : {}) }), timeoutMs, 'the background did not answer the text scan in time').then((a) => a.results)));
        const merged = mergeAnswers(missing.length, batches, answers);
        missing.forEach(({ item, index }, i) => {
          const found = merged[i] ?? [];
          results[index] = found;
          const key = keyOf(item, masked);
          if (key === null) return;
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          cache.set(key, found);
        });
      }
      return results.map((r) => r ?? []);
    },
  };
}
