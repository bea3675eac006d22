/**
 * The content script's way to the field classifier, which runs in the background
 * (`cs:classify-fields`). Descriptors are clipped to the protocol's limits and
 * sent in batches; verdicts are remembered per descriptor, so fields that repeat
 * (list columns, rescans of a section) cost no message.
 */
import { DESCRIPTOR_FIELDS, descriptorKey, type FieldDescriptor } from '@/lib/detect/field-descriptor';
import { sendToBackground } from '@/lib/messages/content-send';
import type { FieldVerdictMessage } from '@/lib/messages/protocol';
import { withTimeout } from '@/lib/messages/timeout';
import { FIELD_LIMITS } from '@/lib/messages/vocab';

export type { FieldVerdictMessage as FieldVerdict };

export interface FieldClassifier {
  classify(fields: readonly FieldDescriptor[]): Promise<FieldVerdictMessage[]>;
}

type Send = (request: { fields: FieldDescriptor[] }) => Promise<{ verdicts: FieldVerdictMessage[] }>;

const MEMO_LIMIT = 5000;
const SHORT: ReadonlySet<keyof FieldDescriptor> = new Set(['autocomplete', 'type', 'apiName', 'lang', 'objectType']);
const SHORT_MAX: Readonly<Partial<Record<keyof FieldDescriptor, number>>> = { autocomplete: 200, type: 40, apiName: 200, lang: 35, objectType: 120 };

/** The descriptor within the protocol's limits (a label longer than 500 characters is not a label). */
function clip(desc: FieldDescriptor): FieldDescriptor {
  const out: FieldDescriptor = {};
  for (const key of DESCRIPTOR_FIELDS) {
    const value = desc[key];
    if (typeof value !== 'string') continue;
    out[key] = value.slice(0, SHORT.has(key) ? SHORT_MAX[key]! : FIELD_LIMITS.text);
  }
  return out;
}

export function createFieldClassifier(options: { send?: Send; timeoutMs?: number } = {}): FieldClassifier {
  const send: Send = options.send ?? ((request) => sendToBackground('cs:classify-fields', request));
  const timeoutMs = options.timeoutMs ?? 8000;
  const memo = new Map<string, FieldVerdictMessage>();

  return {
    async classify(fields) {
      const clipped = fields.map(clip);
      const keys = clipped.map(descriptorKey);
      const out: (FieldVerdictMessage | undefined)[] = keys.map((k) => memo.get(k));
      const fresh = new Map<string, FieldVerdictMessage>();
      const missing: number[] = [];
      const seen = new Map<string, number>();
      keys.forEach((k, i) => {
        if (out[i] === undefined && !seen.has(k)) {
          seen.set(k, missing.length);
          missing.push(i);
        }
      });
      for (let at = 0; at < missing.length; at += FIELD_LIMITS.fields) {
        const chunk = missing.slice(at, at + FIELD_LIMITS.fields);
        const { verdicts } = await withTimeout(send({ fields: chunk.map((i) => clipped[i]!) }), timeoutMs, 'the background did not classify the fields in time');
        chunk.forEach((i, j) => {
          const verdict = verdicts[j];
          if (!verdict) return;
          fresh.set(keys[i]!, verdict);
          if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
          memo.set(keys[i]!, verdict);
        });
      }
      return keys.map((k, i) => {
        const verdict = out[i] ?? fresh.get(k);
        if (!verdict) throw new Error('the background answered fewer verdicts than fields asked');
        return verdict;
      });
    },
  };
}
