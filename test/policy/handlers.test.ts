import { describe, expect, it } from 'vitest';
import { createPolicyService, type PolicyStoragePort } from '../../lib/policy/service';
import { policyForContent, policyHandlers } from '../../lib/policy/handlers';
import type { HandlerContext } from '../../lib/messages/router';

const ctx: HandlerContext = { channel: 'ui', tabId: null, frameId: null, senderUrl: null };

function service(managed: unknown) {
  let local: unknown;
  const port: PolicyStoragePort = {
    getManaged: async () => managed,
    getLocal: async () => local,
    setLocal: async (v) => {
      local = v;
    },
    onChanged: () => () => {},
  };
  return createPolicyService({ storage: port });
}

describe('policy message handlers', () => {
  it('answers diagnostics:policy with effective, lockedKeys, errors and sources, credentials redacted', async () => {
    const svc = service({ consent: { url: 'https://c.example.com', token: 'secret-reader-token' }, modes: { criminal: 'nah' } });
    await svc.start();
    const answer = (await policyHandlers(svc)['diagnostics:policy']({}, ctx)) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['effective', 'errors', 'lockedKeys', 'sources']);
    expect(JSON.stringify(answer)).not.toContain('secret-reader-token');
    expect(answer.lockedKeys).toEqual(['modes.criminal', 'consent.url', 'consent.token']);
    expect(answer.errors).toEqual([expect.objectContaining({ path: 'modes.criminal', source: 'managed' })]);
  });

  it('saves local settings and refuses locked ones with a readable error', async () => {
    const svc = service({ badges: 'hover' });
    await svc.start();
    const handlers = policyHandlers(svc);
    const saved = (await handlers['ui:policy-set-local']({ patch: { 'ui.language': 'de' } }, ctx)) as { effective: { ui: { language: string } } };
    expect(saved.effective.ui.language).toBe('de');
    await expect(handlers['ui:policy-set-local']({ patch: { badges: 'off' } }, ctx)).rejects.toThrow(/set by your organisation/);
  });

  it('gives content scripts their subset only', async () => {
    const svc = service({ audit: { endpoint: 'https://audit.example.com', token: 'x-token' } });
    await svc.start();
    const policy = policyForContent(svc);
    expect(JSON.stringify(policy)).not.toMatch(/audit\.example\.com|x-token/);
    expect(policy.modes.criminal).toBe('block');
  });
});
