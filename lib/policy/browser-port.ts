/**
 * The policy storage port over the real browser: `storage.managed` (enterprise
 * policy, read-only) and one versioned key in `storage.local` for the rep's own
 * settings. Kept thin so everything with logic stays testable in node.
 */
import { browser } from 'wxt/browser';
import type { PolicyStoragePort } from './service';

export const LOCAL_STORAGE_KEY = 'policy.local.v1';

export function createBrowserPolicyPort(): PolicyStoragePort {
  return {
    async getManaged() {
      // Firefox without an enterprise policy (and browsers without managed storage
      // at all) throw here: that is simply "no policy", not an error.
      try {
        const managed = browser.storage.managed as { get(): Promise<Record<string, unknown>> } | undefined;
        if (!managed) return undefined;
        return await managed.get();
      } catch {
        return undefined;
      }
    },
    async getLocal() {
      const stored = await browser.storage.local.get(LOCAL_STORAGE_KEY);
      return (stored as Record<string, unknown>)[LOCAL_STORAGE_KEY];
    },
    async setLocal(value) {
      await browser.storage.local.set({ [LOCAL_STORAGE_KEY]: value });
    },
    onChanged(cb) {
      const listener = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'managed') cb('managed');
        else if (area === 'local' && Object.hasOwn(changes, LOCAL_STORAGE_KEY)) cb('local');
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
