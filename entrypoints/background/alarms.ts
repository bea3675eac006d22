import { browser } from 'wxt/browser';
import type { PolicyService } from '@/lib/policy/service';
import type { AuditLog } from '@/lib/audit/service';
import { forwardAudit } from './audit-sink';

const RETENTION = 'audit-retention';
const FORWARD = 'audit-forward';

/**
 * Retention runs twice a day and forwarding every minute; the minute alarm is the
 * backstop for the sink's forward after a burst, whose timer dies with a stopped
 * worker. Alarms survive the service worker being stopped; the listener is
 * registered at start-up so the alarm itself can wake the worker.
 */
export function scheduleAlarms({ policy, ready }: { policy: PolicyService; ready: Promise<{ log: AuditLog }> }) {
  browser.alarms.onAlarm.addListener((alarm) => {
    void (async () => {
      const { log } = await ready;
      const { audit } = policy.get().effective;
      if (alarm.name === RETENTION) {
        await log.prune(audit.retentionDays, Date.now(), { keepUnforwarded: audit.endpoint !== '' });
      } else if (alarm.name === FORWARD) {
        await forwardAudit(log, audit, 'alarm');
      }
    })().catch((error: unknown) => console.warn(`[privacy-guard] ${alarm.name}: ${error instanceof Error ? error.message : String(error)}`));
  });
  void browser.alarms.create(RETENTION, { periodInMinutes: 12 * 60, delayInMinutes: 1 });
  void browser.alarms.create(FORWARD, { periodInMinutes: 1, delayInMinutes: 0.5 });
}
