/**
 * Every message the background answers, one handler each (the `Handlers` type makes
 * a missing one a compile error). Content-script handlers only ever record what
 * the page reports or read what a page may know; privileged work (settings,
 * audit review and export) answers extension pages alone — the router enforces it.
 */
import { contentPolicy, redactState } from '@/lib/policy/resolve';
import type { PolicyService } from '@/lib/policy/service';
import type { AuditLog } from '@/lib/audit/service';
import { auditFilterSchema } from '@/lib/audit/events';
import type { Handlers } from '@/lib/messages/router';
import type { MessagesFrom } from '@/lib/messages/protocol';
import { MessageRejected } from '@/lib/messages/router';
import { pageReport } from './page-reports';
import { auditEventFromContent, contextFields } from './audit-events';
import type { AuditSink } from './audit-sink';
import type { ConsentService } from './consent';
import { createExportSessions, type ExportSessions } from './audit-exports';
import { scanTextsForContent } from './text-scan';
import { classifyFieldsForContent } from './field-classify';

export interface HandlerDeps {
  policy: PolicyService;
  audit: AuditSink;
  ready: Promise<{ log: AuditLog }>;
  consent: ConsentService;
  /** Streamed exports in progress; one set per background. */
  exports?: ExportSessions;
}

type BackgroundMessages = MessagesFrom<'ui'> | MessagesFrom<'cs'>;

const ok = { ok: true } as const;

export function createHandlers({ policy, audit, ready, consent, exports = createExportSessions() }: HandlerDeps): Handlers<BackgroundMessages> {
  const auditLog = async () => (await ready).log;
  const requireAuditView = () => {
    if (!policy.get().effective.audit.repMayView) throw new MessageRejected('the organisation does not show the audit log here');
  };
  const toRecord = (value: object) => value as unknown as Record<string, unknown>;

  return {
    'diagnostics:page-report': ({ tabId }) => pageReport(tabId, policy.get().effective.crm.extraHosts),
    'diagnostics:policy': () => {
      const { effective, lockedKeys, errors, sources } = redactState(policy.get());
      return { effective, lockedKeys, errors, sources };
    },
    'diagnostics:audit': async () => ({ ...toRecord(await (await auditLog()).stats()), forwarding: audit.forwarding() }),

    'ui:policy-get': () => toRecord(redactState(policy.get())),
    'ui:policy-set-local': async ({ patch }) => toRecord(redactState(await policy.setLocal(patch))),

    'ui:audit-query': async ({ filter, page }) => {
      requireAuditView();
      const limit = typeof page.limit === 'number' ? Math.min(1000, Math.max(1, Math.floor(page.limit))) : 200;
      const before = typeof page.before === 'number' ? page.before : undefined;
      return toRecord(await (await auditLog()).query(auditFilterSchema.parse(filter), { limit, ...(before !== undefined ? { before } : {}) }));
    },
    'ui:audit-verify': async () => {
      requireAuditView();
      const result = await (await auditLog()).verify();
      audit.appended();
      return toRecord(result);
    },
    'ui:audit-export-start': async ({ format, filter }) => {
      requireAuditView();
      const log = await auditLog();
      const parsed = auditFilterSchema.parse(filter);
      const source = format === 'csv' ? log.exportCsv(parsed) : log.exportNdjson(parsed);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return { exportId: exports.start(source), filename: `privacy-guard-audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}` };
    },
    'ui:audit-export-chunk': async ({ exportId }) => {
      requireAuditView();
      const piece = await exports.next(exportId);
      // By the last piece the export has logged its own log.exported entry.
      if (piece.done) audit.appended();
      return piece;
    },
    'ui:audit-export-cancel': async ({ exportId }) => {
      await exports.cancel(exportId);
      audit.appended();
      return ok;
    },

    'cs:hello': () => ({ policy: toRecord(contentPolicy(policy.get().effective)) }),
    'cs:record-viewed': async ({ context, user }) => {
      const mode = context.view === 'edit' || context.view === 'new' ? 'edit' : context.view === 'list' ? 'list' : 'view';
      await audit.append({ type: 'record.viewed', data: { mode }, ...contextFields(context, user) });
      return ok;
    },
    'cs:audit-event': async (msg) => {
      await audit.append(auditEventFromContent(msg, null));
      return ok;
    },
    'cs:consent-lookup': ({ refs }, { senderUrl }) => consent.lookup(refs, hostOf(senderUrl)),
    'cs:scan-text': (request) => scanTextsForContent(request),
    'cs:classify-fields': (request) => classifyFieldsForContent(request),
  };
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
