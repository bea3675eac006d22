/**
 * `cs:scan-text`: the detection engine searches text for the content script. The
 * engine stays out of the injected script (issue 4's 60 KB budget) and its work
 * stays off the CRM page's main thread. The text is searched and forgotten: it is
 * neither kept nor logged, and the answer carries offsets, kinds and masked forms.
 */
import { maskFinding, scanText } from '@/lib/detect';
import type { RequestOf, ResponseOf, TextFinding } from '@/lib/messages/protocol';

export function scanTextsForContent({ items, masked }: RequestOf<'cs:scan-text'>): ResponseOf<'cs:scan-text'> {
  return {
    results: items.map(({ text, lang }) =>
      scanText(text, lang ? { lang } : {}).map((f): TextFinding => {
        const hit: TextFinding = { kind: f.kind, start: f.start, end: f.end, confidence: f.confidence, rule: f.rule };
        if (masked) hit.masked = maskFinding(text, f);
        return hit;
      }),
    ),
  };
}
