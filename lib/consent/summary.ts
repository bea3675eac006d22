/**
 * The `consent` part of `diagnostics:page-report` (lib/messages/protocol.ts
 * consentSummarySchema): what the panel shows, where it came from and how old it
 * is. Codes only; no names, addresses or free text beyond the clipped purpose ids.
 */
import type { ConsentEntry } from './result';
import { consentView, clip } from './status';
import type { ConsentDisplay } from './config';

export interface ConsentSummary {
  source: 'live' | 'cache' | 'unavailable' | 'not-configured';
  ageSeconds: number | null;
  statuses: { purpose: string; channel: string; status: string; lawfulBasis: string | null }[];
  flags: string[];
}

export function summarise(entry: ConsentEntry | null, configured: boolean, display: ConsentDisplay | null, now: number): ConsentSummary {
  if (!configured) return { source: 'not-configured', ageSeconds: null, statuses: [], flags: [] };
  if (!entry) return { source: 'unavailable', ageSeconds: null, statuses: [], flags: [] };
  const view = consentView(entry, display, now);
  return {
    source: view.availability === 'unavailable' ? 'unavailable' : view.source,
    ageSeconds: view.ageSeconds,
    statuses: view.rows.map((r) => ({ purpose: clip(r.purpose, 80), channel: clip(r.channel, 40), status: r.status, lawfulBasis: r.lawfulBasis })),
    flags: view.flags.map((f) => f.flag),
  };
}
