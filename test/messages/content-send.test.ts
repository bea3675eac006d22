import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoAnswer, sendToBackground } from '@/lib/messages/content-send';

describe('content sendToBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the type with the payload and returns the background’s answer', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true });
    });
    const context = { crm: 'hubspot', host: 'app.hubspot.com', objectType: 'contact', recordId: '1', view: 'record' } as const;
    await expect(sendToBackground('cs:record-viewed', { context, user: null })).resolves.toEqual({ ok: true });
    expect(received).toEqual([{ type: 'cs:record-viewed', context, user: null }]);
  });

  it.each([undefined, null, 'ok'])('rejects when the answer is %s (no listener, not ours)', async (answer) => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(answer));
    await expect(sendToBackground('cs:hello', {})).rejects.toBeInstanceOf(NoAnswer);
  });

  it('passes on a rejection of the background', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.reject(new Error('unknown or malformed message')));
    await expect(sendToBackground('cs:hello', {})).rejects.toThrow('unknown or malformed message');
  });
});
