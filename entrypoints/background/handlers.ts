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

export interface HandlerDeps {
  policy: PolicyService;
  audit: AuditSink;
  ready: Promise<{ log: AuditLog }>;
  consent: ConsentService;
}

type BackgroundMessages = MessagesFrom<'ui'> | MessagesFrom<'cs'>;

const ok = { ok: true } as const;

export function createHandlers({ policy, audit, ready, consent }: HandlerDeps): Handlers<BackgroundMessages> {
  const auditLog = async () => (await ready).log;
  const requireAuditView = () => {
    if (!policy.get().effective.audit.repMayView) throw new MessageRejected('the organisation does not show the audit log here');
  };
  const toRecord = (value: object) => value as unknown as Record<string, unknown>;

  return {
    'diagnostics:page-report': ({ tabId }) => pageReport(tabId),
    'diagnostics:policy': () => {
      const { effective, lockedKeys, errors, sources } = redactState(policy.get());
      return { effective, lockedKeys, errors, sources };
    },
    'diagnostics:audit': async () => toRecord(await (await auditLog()).stats()),

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
      return toRecord(await (await auditLog()).verify());
    },
    'ui:audit-export': async ({ format, filter }) => {
      requireAuditView();
      const log = await auditLog();
      const parsed = auditFilterSchema.parse(filter);
      const parts: string[] = [];
      for await (const chunk of format === 'csv' ? log.exportCsv(parsed) : log.exportNdjson(parsed)) parts.push(chunk);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return { body: parts.join(''), filename: `privacy-guard-audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}` };
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
    'cs:consent-lookup': ({ refs }) => consent.lookup(refs),
  };
}
