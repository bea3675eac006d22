// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MESSAGES } from '@/lib/messages/protocol';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createAuditSink } from '@/entrypoints/background/audit-sink';
import { createPolicyService } from '@/lib/policy/service';
import { createConsentService } from '@/entrypoints/background/consent';
import { createMemoryConsentCache } from '@/lib/consent/cache';

const root = resolve(import.meta.dirname, '..');
const locale = (lang: string) => JSON.parse(readFileSync(resolve(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

describe('project conventions', () => {
  it('ships every manifest string in English and German', () => {
    const en = locale('en');
    const de = locale('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(de)) expect(message.trim(), key).not.toBe('');
  });

  it('has a background handler for every message a page or content script sends, and none other', () => {
    const storage = { getManaged: async () => undefined, getLocal: async () => undefined, setLocal: async () => {}, onChanged: () => () => {} };
    const policy = createPolicyService({ storage });
    const handlers = createHandlers({ policy, audit: createAuditSink(), ready: new Promise(() => {}), consent: createConsentService({ policy, cache: createMemoryConsentCache() }) });
    const expected = Object.entries(MESSAGES)
      .filter(([, spec]) => spec.from !== 'bg')
      .map(([type]) => type)
      .sort();
    expect(Object.keys(handlers).sort()).toEqual(expected);
  });

  it('names every message by its direction', () => {
    for (const [type, spec] of Object.entries(MESSAGES)) {
      const prefix = type.split(':')[0];
      const allowed = spec.from === 'ui' ? ['ui', 'diagnostics'] : [spec.from];
      expect(allowed, type).toContain(prefix);
    }
  });
});
