/**
 * The content script's sender. It imports the protocol for its types only, so zod
 * stays out of the content script (issue 4's 60 KB budget). The answers come from
 * our own background, which built them from validated input and whose sender the
 * browser authenticates, so they are not parsed again here; the privileged side
 * (router, extension pages) keeps full validation.
 */
import { browser } from 'wxt/browser';
import type { MessagesFrom, RequestOf, ResponseOf } from './protocol';

export class NoAnswer extends Error {
  override name = 'NoAnswer';
}

/** From a content script to the background. Rejects when no listener answered, as the parsing sender did. */
export async function sendToBackground<T extends MessagesFrom<'cs'>>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const response: unknown = await browser.runtime.sendMessage({ type, ...payload });
  if (typeof response !== 'object' || response === null) throw new NoAnswer(`no answer from the background to ${type}`);
  return response as ResponseOf<T>;
}
