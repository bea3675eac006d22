/**
 * `cs:classify-fields`: the field classifier judges the page's field descriptions
 * (labels, names, types — never values) for the content script. Its vocabulary in
 * six languages stays out of the injected script (issue 4's 60 KB budget).
 */
import { classifyField } from '@/lib/detect/classify-field';
import type { RequestOf, ResponseOf } from '@/lib/messages/protocol';

export function classifyFieldsForContent({ fields }: RequestOf<'cs:classify-fields'>): ResponseOf<'cs:classify-fields'> {
  return {
    verdicts: fields.map((desc) => {
      const { kind, confidence, reasonCode, reason, evidence } = classifyField(desc);
      return { kind, confidence, reasonCode, reason, ...(evidence !== undefined ? { evidence } : {}) };
    }),
  };
}
