/**
 * Record-view events for the audit log: `cs:record-viewed` once per record opened
 * (another record by SPA navigation is a new view; the same record re-rendered,
 * or switched between view and edit, is not), and `fields.shown` with the kinds
 * of personal data the view displays, once, after the fields have settled.
 */
import type { RecordContext } from '@/lib/crm/adapter';
import { sendToBackground } from '@/lib/messages/content-send';
import { defineFeature } from '../../page';

/** Quiet period after the last field change before the view's kinds are final. */
const SETTLE_MS = 800;
/**
 * A freshly opened record often renders its fields well after its URL changes: until
 * the first field shows, wait this long before reporting a view as showing nothing.
 */
const EMPTY_VIEW_MS = 5000;

/** A record view is one record; list and new pages are a view of their object and kind. */
export function viewKey(context: RecordContext | null): string | null {
  if (!context) return null;
  if (context.recordId) return `${context.crm}|${context.host}|${context.objectType ?? ''}|${context.recordId}`;
  if (context.view === 'list' || context.view === 'new') return `${context.crm}|${context.host}|${context.objectType ?? ''}|${context.view}`;
  return null;
}

const report = (what: string) => (error: unknown) => console.warn(`[privacy-guard] ${what} not sent: ${error instanceof Error ? error.message : String(error)}`);

export default defineFeature({
  id: 'record-view',
  init(ctx, page) {
    let key: string | null = null;
    let shownSent = true;
    let timer: number | undefined;

    const sendShown = () => {
      timer = undefined;
      const context = page.context();
      if (shownSent || !context || viewKey(context) !== key || page.policy().paused) return;
      shownSent = true;
      const fields = page.fields();
      const kinds = [...new Set(fields.map((f) => f.kind))].sort();
      void sendToBackground('cs:audit-event', { event: 'fields.shown', context, data: { kinds, fieldCount: fields.length } }).catch(report('fields.shown'));
    };
    const armShown = () => {
      if (shownSent) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(sendShown, page.fields().length > 0 ? SETTLE_MS : EMPTY_VIEW_MS);
    };

    page.on('context', ({ current }) => {
      const next = viewKey(current);
      if (next === key) return;
      key = next;
      shownSent = next === null;
      if (!current || next === null || page.policy().paused) return;
      if (current.recordId) {
        const user = page.adapter.currentUser(document);
        void sendToBackground('cs:record-viewed', { context: current, user: user ? user.slice(0, 200) : null }).catch(report('record-viewed'));
      }
      armShown();
    });
    page.on('fields', armShown);
  },
});
