/**
 * Which record each row of a list view shows: the first link in the row that the
 * adapter reads as a record of the list's object (the name column; an account
 * link in the same row names another object). Works for any adapter, because it
 * asks the adapter what a URL means instead of knowing the CRM's markup.
 */
import type { CrmAdapter, RecordContext } from '@/lib/crm/adapter';
import type { ScanEnv } from '@/lib/scan/composed';
import { walkRoots } from '@/lib/scan/roots';
import { queryOwn } from '@/lib/crm/query';
import { isOwnNode } from '../../page';

export interface RowRef {
  row: Element;
  /** The link the chip is placed after. */
  anchor: Element;
  ref: { crm: RecordContext['crm']; objectType: string; recordId: string };
}

const ROW_SELECTOR = 'tbody tr, [role="row"]';
/** More rows than any list shows at once; bounds the work on a pathological page. */
export const MAX_ROWS = 2000;

export function findRowRefs(adapter: CrmAdapter, env: ScanEnv, list: RecordContext, doc: Document = document): RowRef[] {
  const roots: (Document | ShadowRoot)[] = [doc, ...walkRoots(doc, env, undefined, isOwnNode).roots.filter((r): r is ShadowRoot => r.nodeType === 11)];
  const out: RowRef[] = [];
  const seen = new Set<Element>();
  for (const root of roots) {
    for (const row of queryOwn(root, ROW_SELECTOR)) {
      if (out.length >= MAX_ROWS) return out;
      if (seen.has(row)) continue;
      seen.add(row);
      for (const a of row.querySelectorAll('a[href]')) {
        let url: URL;
        try {
          url = new URL(a.getAttribute('href') ?? '', doc.location?.href ?? 'https://invalid.invalid/');
        } catch {
          continue;
        }
        if (url.protocol === 'mailto:' || url.protocol === 'tel:') continue;
        const ctx = adapter.context(url, doc);
        if (!ctx.recordId || !ctx.objectType || ctx.crm !== list.crm) continue;
        if (list.objectType && ctx.objectType !== list.objectType) continue;
        out.push({ row, anchor: a, ref: { crm: ctx.crm, objectType: ctx.objectType, recordId: ctx.recordId } });
        break;
      }
    }
  }
  return out;
}
