/**
 * Typed senders. The only places that call `runtime.sendMessage` / `tabs.sendMessage`,
 * so every message leaving a part of the extension matches the protocol.
 */
import { browser } from 'wxt/browser';
import { MESSAGES, type MessagesFrom, type RequestOf, type ResponseOf } from './protocol';

/** From a content script or an extension page to the background. */
export async function sendToBackground<T extends MessagesFrom<'cs'> | MessagesFrom<'ui'>>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const response: unknown = await browser.runtime.sendMessage({ type, ...payload });
  return MESSAGES[type].response.parse(response) as ResponseOf<T>;
}

/** From the background to the top frame of a tab's content script. */
export async function sendToTab<T extends MessagesFrom<'bg'>>(tabId: number, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const response: unknown = await browser.tabs.sendMessage(tabId, { type, ...payload }, { frameId: 0 });
  return MESSAGES[type].response.parse(response) as ResponseOf<T>;
}
