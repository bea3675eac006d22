// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createRouter, channelOf, MessageRejected, type Handlers, type Sender } from '@/lib/messages/router';
import { MESSAGES, parseMessage, type MessagesFrom } from '@/lib/messages/protocol';

const SELF = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const page: Sender = { id: SELF.id, url: 'chrome-extension://ourextensionid/popup.html' };
const content: Sender = { id: SELF.id, url: 'https://acme.lightning.force.com/lightning/r/Contact/003/view', tab: { id: 7 }, frameId: 0 };

describe('channelOf', () => {
  it.each<[string, Sender, string | null]>([
    ['extension page', page, 'ui'],
    ['extension page opened in a tab', { ...page, tab: { id: 3 } }, 'ui'],
    ['content script', content, 'cs'],
    ['another extension', { ...content, id: 'someoneelse' }, null],
    ['a sender without id', { url: content.url, tab: { id: 7 } }, null],
    ['a page that claims our origin in a path', { id: SELF.id, url: 'https://evil.example/chrome-extension://ourextensionid/', tab: { id: 1 } }, 'cs'],
    ['our id but neither page nor tab', { id: SELF.id, url: 'https://x.example/' }, null],
  ])('%s', (_name, sender, expected) => {
    expect(channelOf(sender, SELF.id, SELF.origin)).toBe(expected);
  });
});

describe('parseMessage', () => {
  it.each<[string, unknown, boolean]>([
    ['valid diagnostics', { type: 'diagnostics:page-report', tabId: 4 }, true],
    ['negative tab id', { type: 'diagnostics:page-report', tabId: -1 }, false],
    ['missing tab id', { type: 'diagnostics:page-report' }, false],
    ['unknown type', { type: 'ui:format-disk' }, false],
    ['prototype key as type', { type: '__proto__' }, false],
    ['not an object', 'diagnostics:page-report', false],
    ['null', null, false],
    ['audit event with a smuggled value', { type: 'cs:audit-event', event: 'input.fixed', context: null, data: { kinds: ['email'], value: 'a@b.de' } }, false],
    ['audit event of a background-only type', { type: 'cs:audit-event', event: 'log.exported', context: null, data: {} }, false],
    ['audit event, kinds only', { type: 'cs:audit-event', event: 'input.fixed', context: null, data: { kinds: ['email'] } }, true],
  ])('%s', (_name, raw, valid) => {
    expect(parseMessage(raw) !== null).toBe(valid);
  });
});

describe('createRouter', () => {
  type Both = MessagesFrom<'ui'> | MessagesFrom<'cs'>;
  const makeHandlers = () => {
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      (Object.keys(MESSAGES) as (keyof typeof MESSAGES)[])
        .filter((type) => MESSAGES[type].from !== 'bg')
        .map((type) => [type, vi.fn(async () => (calls.push(type), { ok: true }))]),
    ) as unknown as Handlers<Both>;
    return { handlers, calls };
  };

  it('runs an extension page message', async () => {
    const { handlers, calls } = makeHandlers();
    const route = createRouter(handlers, SELF);
    await route({ type: 'diagnostics:page-report', tabId: 1 }, page);
    expect(calls).toEqual(['diagnostics:page-report']);
  });

  it('refuses privileged messages from a content script', async () => {
    const { handlers, calls } = makeHandlers();
    const route = createRouter(handlers, SELF);
    for (const type of ['diagnostics:page-report', 'diagnostics:policy', 'ui:policy-set-local', 'ui:audit-export-start', 'ui:audit-export-chunk', 'ui:audit-query']) {
      const message = { type, tabId: 1, patch: {}, format: 'csv', filter: {}, page: {}, exportId: '6f1d7c52-3c0b-4c39-9d0e-5b2a7a1c9e01' };
      // Well-formed, so only the sender can be the reason for the refusal.
      expect(parseMessage(message), type).not.toBeNull();
      await expect(route(message, content)).rejects.toBeInstanceOf(MessageRejected);
    }
    expect(calls).toEqual([]);
  });

  it('lets a content script report what it saw, with the tab from the sender', async () => {
    const { handlers } = makeHandlers();
    const route = createRouter(handlers, SELF);
    await route({ type: 'cs:hello' }, content);
    expect(handlers['cs:hello']).toHaveBeenCalledWith({}, { channel: 'cs', tabId: 7, frameId: 0, senderUrl: content.url });
  });

  it('ignores other extensions and background-bound types', async () => {
    const { handlers, calls } = makeHandlers();
    const route = createRouter(handlers, SELF);
    await expect(route({ type: 'cs:hello' }, { ...content, id: 'other' })).rejects.toThrow('not this extension');
    await expect(route({ type: 'bg:page-state-request' }, page)).rejects.toThrow('not for the background');
    expect(calls).toEqual([]);
  });

  it('reports handler failures and passes them to the sender', async () => {
    const { handlers } = makeHandlers();
    (handlers as Record<string, unknown>)['cs:hello'] = async () => {
      throw new Error('boom');
    };
    const onError = vi.fn();
    const route = createRouter(handlers, SELF, onError);
    await expect(route({ type: 'cs:hello' }, content)).rejects.toThrow('boom');
    expect(onError).toHaveBeenCalledWith('cs:hello', expect.any(Error));
  });
});
