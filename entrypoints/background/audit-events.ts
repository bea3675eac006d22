/**
 * Turns what content scripts report into audit events. The content script is the
 * page's side: it chooses none of the envelope (time, user, device), and its data
 * is re-shaped into the log's strict schemas, which reject anything unexpected.
 */
import type { AuditEventInput } from '@/lib/audit/events';
import type { ContentAuditData, RequestOf } from '@/lib/messages/protocol';
import type { RecordContext } from '@/lib/messages/record';
import type { Kind } from '@/lib/detect/kinds';

type ContentAuditMessage = RequestOf<'cs:audit-event'>;

export function contextFields(context: RecordContext | null, user: string | null) {
  return {
    ...(user ? { user } : {}),
    ...(context
      ? {
          crm: context.crm,
          host: context.host,
          ...(context.objectType ? { objectType: context.objectType } : {}),
          ...(context.recordId ? { recordId: context.recordId } : {}),
        }
      : {}),
  };
}

function kindsOf(data: ContentAuditData): Kind[] {
  return [...new Set([...(data.kinds ?? []), ...(data.kind ? [data.kind] : [])])];
}

function fieldOf(data: ContentAuditData) {
  return {
    ...(data.field ? { field: data.field } : {}),
    ...(data.fieldLabel ? { fieldLabel: data.fieldLabel } : {}),
  };
}

export function auditEventFromContent(msg: ContentAuditMessage, user: string | null): AuditEventInput {
  const ctx = contextFields(msg.context, user);
  const { data } = msg;
  const mode = data.mode ?? 'warn';
  switch (msg.event) {
    case 'fields.shown':
      return { type: 'fields.shown', data: { kinds: kindsOf(data), fieldCount: data.fieldCount ?? 0 }, ...ctx };
    case 'input.warning_shown':
      return { type: 'input.warning_shown', data: { kinds: kindsOf(data), mode, ...fieldOf(data) }, ...ctx };
    case 'input.fixed':
      return { type: 'input.fixed', data: { kinds: kindsOf(data), ...fieldOf(data) }, ...ctx };
    case 'input.save_blocked':
      return { type: 'input.save_blocked', data: { kinds: kindsOf(data), mode, ...fieldOf(data) }, ...ctx };
    case 'input.overridden':
      return { type: 'input.overridden', data: { kinds: kindsOf(data), reason: data.reason ?? '', ...fieldOf(data) }, ...ctx };
    case 'outreach.decision': {
      const consent = data.consent === 'expired' || data.consent === 'pending' ? 'unknown' : data.consent === 'unavailable' ? 'error' : (data.consent ?? 'unknown');
      const decision = data.decision === 'allowed' || data.decision === 'warned' || data.decision === 'blocked' || data.decision === 'overridden' ? data.decision : 'allowed';
      return {
        type: 'outreach.decision',
        data: { channel: data.channel ?? 'other', decision, consent, ...(data.reason ? { reason: data.reason } : {}) },
        ...ctx,
      };
    }
  }
}
