/**
 * The promise the issue makes: no state is ever shown as "granted" that the
 * backend did not say is granted. fast-check drives a backend that answers, fails,
 * times out, sends garbage or changes its mind, through arbitrary sequences of
 * lookups and clock moves; after every step, each "granted" the panel view or the
 * outreach guard would show must match a grant the backend actually sent for that
 * record, purpose and channel, unexpired at the time shown.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createConsentClient } from '@/lib/consent/client';
import { createMemoryConsentCache } from '@/lib/consent/cache';
import { consentView } from '@/lib/consent/status';
import { decideOutreach, OUTREACH_CHANNELS } from '@/lib/consent/guard';
import { refKey } from '@/lib/consent/refs';
import type { ConsentRecord, SubjectRef } from '@/lib/consent/schema';
import { BASE, TOKEN, json, record, sf } from './fake-backend';

const IDS = ['003Dn00000QX7bGIAT', '003Dn00000QX7bHIAT', '003Dn00000QY800IAT', '003Dn00000QY801IAT'];
const PURPOSES = ['newsletter', 'phone', 'meetings'];
const CHANNELS = ['email', 'phone', 'meeting', 'any'];
const STATUSES = ['granted', 'denied', 'withdrawn', 'expired', 'pending', 'unknown'] as const;

const consentArb = fc.record({
  purpose: fc.constantFrom(...PURPOSES),
  channel: fc.constantFrom(...CHANNELS),
  status: fc.constantFrom(...STATUSES),
  expiresAt: fc.option(fc.constantFrom('2026-11-29T12:00:30.000Z', '2026-11-29T13:00:00.000Z', '2030-01-01T00:00:00.000Z'), { nil: null }),
});
const flagArb = fc.record({ active: fc.boolean(), since: fc.constant(null) });
const answerArb = fc.record({
  consents: fc.array(consentArb, { maxLength: 4 }),
  flags: fc.record({ erasureRequested: flagArb, processingRestricted: flagArb, objection: flagArb }),
});

/** What the backend does with the next request. */
const behaviourArb = fc.oneof(
  fc.record({ kind: fc.constant('answer' as const), answer: answerArb }),
  fc.constant({ kind: 'fail500' as const }),
  fc.constant({ kind: 'down' as const }),
  fc.record({ kind: fc.constant('garbage' as const), body: fc.jsonValue() }),
  fc.constant({ kind: 'wrong-person' as const }),
);

type Answer = { consents: { purpose: string; channel: string; status: (typeof STATUSES)[number]; expiresAt: string | null }[]; flags: ConsentRecord['flags'] };

const stepArb = fc.record({
  ids: fc.subarray(IDS, { minLength: 1 }),
  behaviour: behaviourArb,
  advanceMs: fc.constantFrom(0, 1000, 20_000, 70_000, 3_600_000),
});

describe('never granted unless the backend said so', () => {
  it('holds for the panel view and the guard across arbitrary backend behaviour', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 60, 900), async (steps, cacheSeconds) => {
        let t = Date.parse('2026-11-29T12:00:00Z');
        let behaviour: (typeof steps)[number]['behaviour'] = { kind: 'down' };
        /** Every (record, purpose, channel) → expiries of grants the backend actually sent. */
        const said = new Map<string, (string | null)[]>();
        const build = (ref: SubjectRef, a: Answer): ConsentRecord => {
          const r = record(ref, a.consents, a.flags);
          for (const c of r.consents) if (c.status === 'granted') said.set(`${refKey(ref)}|${c.purpose}|${c.channel}`, [...(said.get(`${refKey(ref)}|${c.purpose}|${c.channel}`) ?? []), c.expiresAt]);
          return r;
        };
        const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
          const b = behaviour;
          if (b.kind === 'down') throw new TypeError('fetch failed');
          if (b.kind === 'fail500') return json({ status: 500 }, 500);
          if (b.kind === 'garbage') return json(b.body);
          const path = new URL(String(input)).pathname;
          const refs: SubjectRef[] =
            init?.method === 'POST' ? (JSON.parse(String(init.body)) as { refs: SubjectRef[] }).refs : [sf(decodeURIComponent(path.split('/').pop()!))];
          if (b.kind === 'wrong-person') return json(init?.method === 'POST' ? { results: refs.map(() => record(sf(IDS[0]!), [{}])) } : record(sf('003Dn00000ZZZZZIAT'), [{}]));
          const results = refs.map((r) => build(r, b.answer));
          return json(init?.method === 'POST' ? { results } : results[0]);
        }) as typeof fetch;
        const client = createConsentClient({
          getConfig: () => ({ url: BASE, token: TOKEN, cacheSeconds, purposes: [], channels: [], outreachGuard: 'block' }),
          fetch: fetchFn,
          now: () => t,
          cache: createMemoryConsentCache(),
          tuning: { batchWindowMs: 1, retries: 1, breakerBaseMs: 500 },
          sleep: async () => {},
        });
        for (const step of steps) {
          behaviour = step.behaviour;
          t += step.advanceMs;
          const res = await client.lookup(step.ids.map((id) => sf(id)));
          await client.idle();
          for (const entry of res.results) {
            const key = refKey(sf((entry.ref as { recordId: string }).recordId));
            const view = consentView(entry, res.display, t);
            for (const row of view.rows) {
              if (row.status !== 'granted') continue;
              const expiries = said.get(`${key}|${row.purpose}|${row.channel}`) ?? [];
              expect(expiries.some((e) => e === null || Date.parse(e) > t)).toBe(true);
            }
            if (!entry.record) expect(view.chip).toBe('unavailable');
            for (const channel of OUTREACH_CHANNELS) {
              const verdict = decideOutreach(entry, channel, 'block', t);
              if (verdict.action !== 'allow') continue;
              const granted = [...said.keys()].filter((k) => k.startsWith(`${key}|`) && (k.endsWith(`|${channel}`) || k.endsWith('|any')));
              expect(granted.length).toBeGreaterThan(0);
              expect(entry.record!.flags.erasureRequested.active || entry.record!.flags.processingRestricted.active || entry.record!.flags.objection.active).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
