import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, area: string) => void;
const listeners = new Set<Listener>();
let managedGet: () => Promise<Record<string, unknown>>;
const localStore: Record<string, unknown> = {};

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      get managed() {
        return { get: () => managedGet() };
      },
      local: {
        get: async (key: string) => (key in localStore ? { [key]: localStore[key] } : {}),
        set: async (items: Record<string, unknown>) => Object.assign(localStore, items),
      },
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
  },
}));

const { createBrowserPolicyPort, LOCAL_STORAGE_KEY } = await import('../../lib/policy/browser-port');

describe('browser policy port', () => {
  beforeEach(() => {
    listeners.clear();
    for (const key of Object.keys(localStore)) delete localStore[key];
  });

  it('reads managed storage', async () => {
    managedGet = async () => ({ badges: 'off' });
    expect(await createBrowserPolicyPort().getManaged()).toEqual({ badges: 'off' });
  });

  it('treats a throwing managed storage (Firefox without policies) as no policy', async () => {
    managedGet = () => Promise.reject(new Error('Managed storage manifest not found'));
    expect(await createBrowserPolicyPort().getManaged()).toBeUndefined();
  });

  it('keeps the rep’s settings under one versioned key', async () => {
    const port = createBrowserPolicyPort();
    expect(await port.getLocal()).toBeUndefined();
    await port.setLocal({ version: 1, settings: { badges: 'hover' }, paused: false });
    expect(Object.keys(localStore)).toEqual([LOCAL_STORAGE_KEY]);
    expect(await port.getLocal()).toEqual({ version: 1, settings: { badges: 'hover' }, paused: false });
  });

  it('reports managed changes and changes to its own local key only', () => {
    const areas: string[] = [];
    const stop = createBrowserPolicyPort().onChanged((area) => areas.push(area));
    for (const l of listeners) {
      l({ anything: {} }, 'managed');
      l({ [LOCAL_STORAGE_KEY]: {} }, 'local');
      l({ 'audit.outbox': {} }, 'local');
      l({ [LOCAL_STORAGE_KEY]: {} }, 'sync');
    }
    expect(areas).toEqual(['managed', 'local']);
    stop();
    expect(listeners.size).toBe(0);
  });
});
