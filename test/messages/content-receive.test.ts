// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { acceptFromBackground, BG_MESSAGE_TYPES, type ContentSender } from '@/lib/messages/content-receive';
import { MESSAGES } from '@/lib/messages/protocol';

const OWN = 'ourextensionid';
const background: ContentSender = { id: OWN };

describe('acceptFromBackground', () => {
  it('lists exactly the protocol’s bg:* types', () => {
    const bg = Object.entries(MESSAGES)
      .filter(([, spec]) => spec.from === 'bg')
      .map(([type]) => type)
      .sort();
    expect([...BG_MESSAGE_TYPES].sort()).toEqual(bg);
  });

  it('accepts a known bg:* message from our own background', () => {
    const raw = { type: 'bg:policy-changed', policy: { badges: 'off' } };
    expect(acceptFromBackground(raw, background, OWN)).toBe(raw);
    expect(acceptFromBackground({ type: 'bg:page-state-request' }, background, OWN)).toEqual({ type: 'bg:page-state-request' });
  });

  it.each<[string, unknown, ContentSender]>([
    ['another extension', { type: 'bg:page-state-request' }, { id: 'someoneelse' }],
    ['a sender without id', { type: 'bg:page-state-request' }, {}],
    ['another tab’s content script', { type: 'bg:policy-changed', policy: {} }, { id: OWN, tab: { id: 4 } }],
    ['a content-script type', { type: 'cs:hello' }, background],
    ['a privileged type', { type: 'ui:policy-set-local', patch: {} }, background],
    ['an unknown type', { type: 'bg:something-else' }, background],
    ['a prototype key as type', { type: 'constructor' }, background],
    ['no type', { policy: {} }, background],
    ['a string', 'bg:page-state-request', background],
    ['null', null, background],
  ])('drops %s', (_name, raw, sender) => {
    expect(acceptFromBackground(raw, sender, OWN)).toBeNull();
  });
});
