import { describe, expect, it } from 'vitest';
import { createPolicyService, type PolicyEvent, type PolicyStoragePort } from '../../lib/policy/service';
import { PolicySettingError, type LocalPatch } from '../../lib/policy/local';

function fakeStorage(initial: { managed?: unknown; local?: unknown; managedThrows?: boolean } = {}) {
  let managed = initial.managed;
  let local = initial.local;
  const listeners = new Set<(area: 'managed' | 'local') => void>();
  const writes: unknown[] = [];
  const port: PolicyStoragePort = {
    getManaged: async () => {
      if (initial.managedThrows) throw new Error('Managed storage manifest not found');
      return managed;
    },
    getLocal: async () => local,
    setLocal: async (value) => {
      writes.push(value);
      local = structuredClone(value);
      for (const cl of listeners) cl('local');
    },
    onChanged: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return {
    port,
    writes,
    listeners,
    setManaged(value: unknown) {
      managed = value;
      for (const cl of listeners) cl('managed');
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('policy service', () => {
  it('loads managed and local storage and emits policy.loaded', async () => {
    const storage = fakeStorage({ managed: { badges: 'hover' }, local: { version: 1, settings: { 'ui.language': 'de' }, paused: false } });
    const events: PolicyEvent[] = [];
    const service = createPolicyService({ storage: storage.port, onEvent: (e) => events.push(e) });
    const state = await service.start();
    expect(state.effective.badges).toBe('hover');
    expect(state.effective.ui.language).toBe('de');
    expect(state.lockedKeys).toEqual(['badges']);
    expect(events).toEqual([{ type: 'policy.loaded', errors: [] }]);
    expect(service.get()).toBe(state);
  });

  it('treats throwing managed storage (Firefox without policies) as no policy', async () => {
    const storage = fakeStorage({ managedThrows: true });
    const events: PolicyEvent[] = [];
    const service = createPolicyService({ storage: storage.port, onEvent: (e) => events.push(e) });
    const state = await service.start();
    expect(state.errors).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['policy.loaded']);
  });

  it('emits policy.error with every problem of a bad policy', async () => {
    const storage = fakeStorage({ managed: { modes: { criminal: 'nope' }, audit: { endpoint: 'http://audit.example.com' } } });
    const events: PolicyEvent[] = [];
    const service = createPolicyService({ storage: storage.port, onEvent: (e) => events.push(e) });
    await service.start();
    expect(events.map((e) => e.type)).toEqual(['policy.loaded', 'policy.error']);
    expect(events[1]?.errors?.map((e) => e.path)).toEqual(['modes.criminal', 'audit.endpoint']);
  });

  it('applies a managed change live and tells subscribers', async () => {
    const storage = fakeStorage({ managed: { badges: 'hover' } });
    const events: PolicyEvent[] = [];
    const service = createPolicyService({ storage: storage.port, onEvent: (e) => events.push(e) });
    await service.start();
    const seen: string[] = [];
    service.subscribe((s) => seen.push(s.effective.badges));
    storage.setManaged({ badges: 'off', modes: { ordinary: 'block' } });
    await settle();
    expect(service.get().effective.badges).toBe('off');
    expect(service.get().lockedKeys).toEqual(['modes.ordinary', 'badges']);
    expect(seen).toEqual(['off']);
    expect(events.map((e) => e.type)).toEqual(['policy.loaded', 'policy.changed']);
  });

  it('does not re-announce an unchanged policy', async () => {
    const storage = fakeStorage({ managed: { badges: 'hover' } });
    const events: PolicyEvent[] = [];
    const service = createPolicyService({ storage: storage.port, onEvent: (e) => events.push(e) });
    await service.start();
    storage.setManaged({ badges: 'hover' });
    await settle();
    expect(events.map((e) => e.type)).toEqual(['policy.loaded']);
  });

  it('saves a rep’s allowed change under the versioned envelope', async () => {
    const storage = fakeStorage();
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    const state = await service.setLocal({ badges: 'off', paused: true });
    expect(state.effective.badges).toBe('off');
    expect(state.effective.paused).toBe(true);
    expect(state.sources.badges).toBe('local');
    expect(storage.writes).toEqual([{ version: 1, settings: { badges: 'off' }, paused: true }]);
    const reset = await service.setLocal({ badges: null, paused: false });
    expect(reset.effective.badges).toBe('always');
    expect(reset.effective.paused).toBe(false);
  });

  it.each([
    [{ badges: 'hover' }, { badges: 'off' }, 'locked', 'set by your organisation'],
    [{}, { 'modes.criminal': 'off' }, 'not-allowed', 'does not let reps change'],
    [{ ui: { repMayPause: false } }, { paused: true }, 'pause-not-allowed', 'does not allow pausing'],
    [{}, { badges: 'sometimes' }, 'invalid', 'Invalid value for “badges”'],
    [{ badges: 'hover' }, { 'consent.url': 'https://evil.example.com' }, 'not-allowed', 'does not let reps change'],
    [{ policyVersion: 2 }, { 'audit.token': 'x' }, 'not-allowed', 'does not let reps change'],
    [{}, { 'consent.url': 'http://consent.example.com' }, 'invalid', 'must be https'],
    [{}, { 'audit.retentionDays': 1 }, 'unknown', 'not a setting'],
    [{}, { theme: 'dark' }, 'unknown', 'not a setting'],
  ])('refuses %j / patch %j: %s', async (managed, patch, reason, text) => {
    const storage = fakeStorage({ managed });
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    const before = service.get();
    const error = await service.setLocal(patch as LocalPatch).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicySettingError);
    expect((error as PolicySettingError).reason).toBe(reason);
    expect((error as PolicySettingError).message).toContain(text);
    expect(storage.writes).toEqual([]);
    expect(service.get()).toBe(before);
  });

  it('applies nothing when one key of a patch is refused', async () => {
    const storage = fakeStorage({ managed: { 'ui': { language: 'de' } } });
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    await expect(service.setLocal({ badges: 'off', 'ui.language': 'en' })).rejects.toThrow(PolicySettingError);
    expect(service.get().effective.badges).toBe('always');
    expect(storage.writes).toEqual([]);
  });

  it('serialises concurrent saves so none is lost', async () => {
    const storage = fakeStorage({ managed: { ui: { repMayChange: ['badges', 'ui.language', 'modes.ordinary'] } } });
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    await Promise.all([service.setLocal({ badges: 'off' }), service.setLocal({ 'ui.language': 'de' }), service.setLocal({ 'modes.ordinary': 'block' })]);
    const { effective } = service.get();
    expect([effective.badges, effective.ui.language, effective.modes.ordinary]).toEqual(['off', 'de', 'block']);
  });

  it('keeps working when the audit sink or a subscriber throws', async () => {
    const storage = fakeStorage();
    const service = createPolicyService({
      storage: storage.port,
      onEvent: () => {
        throw new Error('sink down');
      },
    });
    await service.start();
    let calls = 0;
    service.subscribe(() => {
      throw new Error('broken subscriber');
    });
    service.subscribe(() => calls++);
    await service.setLocal({ badges: 'hover' });
    expect(calls).toBe(1);
  });

  it('stops listening on stop() and unsubscribe works', async () => {
    const storage = fakeStorage();
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    const seen: unknown[] = [];
    const unsubscribe = service.subscribe((s) => seen.push(s));
    unsubscribe();
    service.stop();
    expect(storage.listeners.size).toBe(0);
    storage.setManaged({ badges: 'off' });
    await settle();
    expect(service.get().effective.badges).toBe('always');
    expect(seen).toEqual([]);
  });
});

describe('policy service: self-managed installs', () => {
  const connection = { 'consent.url': 'http://127.0.0.1:8787', 'consent.token': 'cpg_demo_reader_LOCAL_ONLY' };

  it.each([
    ['no managed storage (Firefox without policies)', { managedThrows: true }],
    ['managed storage absent', { managed: undefined }],
    ['managed storage empty (Chrome without policy)', { managed: {} }],
  ])('%s: the user connects a consent service and audit endpoint', async (_name, initial) => {
    const storage = fakeStorage(initial);
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    const state = await service.setLocal({ ...connection, 'audit.endpoint': 'https://audit.example.com/v1/audit', 'audit.token': 'ingest-tok', 'audit.format': 'otlp' });
    expect(state.effective.consent).toMatchObject({ url: 'http://127.0.0.1:8787', token: 'cpg_demo_reader_LOCAL_ONLY' });
    expect(state.effective.audit).toMatchObject({ endpoint: 'https://audit.example.com/v1/audit', token: 'ingest-tok', format: 'otlp' });
    expect(state.sources['consent.url']).toBe('local');
    expect(state.lockedKeys).toEqual([]);
    expect(storage.writes).toHaveLength(1);
    // A token can be removed again.
    const removed = await service.setLocal({ 'consent.token': null });
    expect(removed.effective.consent.token).toBe('');
    expect(removed.effective.consent.url).toBe('http://127.0.0.1:8787');
  });

  it('ignores the stored connection the moment an admin pushes any policy, and refuses new ones', async () => {
    const storage = fakeStorage({ managed: {} });
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    await service.setLocal(connection);
    expect(service.get().effective.consent.url).toBe('http://127.0.0.1:8787');
    storage.setManaged({ badges: 'hover' });
    await settle();
    expect(service.get().effective.consent).toMatchObject({ url: '', token: '' });
    expect(service.get().sources['consent.url']).toBe('default');
    await expect(service.setLocal({ 'consent.url': 'https://other.example.com' })).rejects.toMatchObject({ reason: 'not-allowed', path: 'consent.url' });
    // The admin removes the policy again: the install is self-managed once more.
    storage.setManaged({});
    await settle();
    expect(service.get().effective.consent.url).toBe('http://127.0.0.1:8787');
  });

  it('does not judge a change against "no policy" before the managed area has been read', async () => {
    const storage = fakeStorage({ managed: { badges: 'hover' } });
    const service = createPolicyService({ storage: storage.port });
    // start() not called: the pre-start state assumes no policy, the real one has a key.
    await expect(service.setLocal({ 'consent.url': 'https://evil.example.com' })).rejects.toMatchObject({ reason: 'not-allowed' });
    expect(storage.writes).toEqual([]);
  });

  it('lets an admin grant connection keys explicitly while locking the others', async () => {
    const storage = fakeStorage({ managed: { audit: { endpoint: 'https://audit.corp.example.com' }, ui: { repMayChange: ['consent.url', 'consent.token'] } } });
    const service = createPolicyService({ storage: storage.port });
    await service.start();
    const state = await service.setLocal(connection);
    expect(state.effective.consent.url).toBe('http://127.0.0.1:8787');
    await expect(service.setLocal({ 'audit.endpoint': 'https://mine.example.com' })).rejects.toMatchObject({ reason: 'locked' });
    await expect(service.setLocal({ 'audit.format': 'otlp' })).rejects.toMatchObject({ reason: 'not-allowed' });
  });
});
