import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/lib/messages/router';
import { createPolicyService } from '@/lib/policy/service';
import { createBrowserPolicyPort } from '@/lib/policy/browser-port';
import { createAuditLog, type AuditLog } from '@/lib/audit/service';
import { redactText } from '@/lib/detect/mask';
import { deviceId } from './device';
import { createHandlers } from './handlers';
import { createAuditSink } from './audit-sink';
import { scheduleAlarms } from './alarms';
import { pushPolicyToTabs } from './policy-push';
import { createConsentService } from './consent';
import { createIdbConsentCache } from '@/lib/consent/cache';
import { reportExtraHostError, syncExtraHostScripts, watchHostPermissions } from './extra-hosts';

/**
 * Wires the background's services in a visible order: policy first (everything
 * reads it), then the audit log (it records policy events), then the router.
 * Listeners are registered synchronously at start-up, because an MV3 service
 * worker is woken by the very event that needs them; handlers await `ready`.
 */
export default defineBackground(() => {
  const extVersion = browser.runtime.getManifest().version;

  const audit = createAuditSink();
  const policy = createPolicyService({
    storage: createBrowserPolicyPort(),
    onEvent: (event) => audit.policyEvent(event),
  });
  audit.watchPolicy(() => policy.get());

  const ready = (async () => {
    const state = await policy.start();
    const log: AuditLog = await createAuditLog({
      deviceId: await deviceId(),
      extVersion,
      redact: redactText,
      ...(state.effective.audit.userPseudonym ? { pseudonym: state.effective.audit.userPseudonym } : {}),
    });
    audit.attach(log);
    await syncExtraHostScripts(state).catch(reportExtraHostError);
    return { log };
  })();

  policy.subscribe((state) => {
    void pushPolicyToTabs(state);
    void syncExtraHostScripts(state).catch(reportExtraHostError);
  });
  watchHostPermissions(() => policy.get());

  const route = createRouter(
    createHandlers({ policy, audit, ready, consent: createConsentService({ policy, cache: createIdbConsentCache(), report: audit.report }) }),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    (type, error) => console.warn(`[privacy-guard] ${type} failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onInstalled.addListener(({ reason, previousVersion }) => {
    if (reason === 'update' && previousVersion) audit.report({ type: 'extension.updated', data: { previousVersion } });
    else if (reason === 'install') audit.report({ type: 'extension.started', data: { reason: 'install' } });
  });
  browser.runtime.onStartup.addListener(() => audit.report({ type: 'extension.started', data: { reason: 'startup' } }));

  scheduleAlarms({ policy, ready });
});
