import type { EventType } from '@/lib/audit/events';

/**
 * The event types the search offers. An exhaustive map instead of importing
 * EVENT_TYPES, which would pull zod and every event schema into the bundle;
 * a new type without an entry here is a compile error.
 */
const TYPES: Readonly<Record<EventType, true>> = {
  'record.viewed': true,
  'fields.shown': true,
  'input.warning_shown': true,
  'input.fixed': true,
  'input.save_blocked': true,
  'input.overridden': true,
  'consent.checked': true,
  'outreach.decision': true,
  'policy.loaded': true,
  'policy.changed': true,
  'policy.error': true,
  'log.exported': true,
  'log.verified': true,
  'log.checkpoint': true,
  'extension.started': true,
  'extension.updated': true,
};
export const SEARCH_EVENT_TYPES = Object.keys(TYPES) as EventType[];
