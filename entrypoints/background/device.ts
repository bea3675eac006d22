import { browser } from 'wxt/browser';

const KEY = 'device.id.v1';

/**
 * A random per-install id: names this device's audit chain at the central log and
 * stands in for the user where neither the CRM nor policy names one.
 */
export async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(KEY)) as Record<string, unknown>;
  const existing = stored[KEY];
  if (typeof existing === 'string' && /^[a-z0-9-]{8,64}$/.test(existing)) return existing;
  const id = `dev-${crypto.randomUUID()}`;
  await browser.storage.local.set({ [KEY]: id });
  return id;
}
