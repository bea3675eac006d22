/**
 * An in-memory stand-in for the reference service's ingest API, as a `fetch`:
 * idempotent by id, checks chain continuity per device, and can be taken down,
 * or made to store a batch and then "lose" the answer (a worker stopped mid-request).
 */
import { GENESIS_HEAD, verifyChain, type AuditEntry, type ChainHead } from '../../lib/audit/chain';
import { auditBatchRequestSchema } from '../../lib/audit/wire';

export class FakeReferenceService {
  readonly stored = new Map<string, AuditEntry>();
  head: ChainHead = GENESIS_HEAD;
  requests = 0;
  deliveries = 0;
  down = false;
  /** store the next batch, then never answer */
  hangAfterStoringNext = false;
  chainBreaks: string[] = [];
  readonly token = 'secret-token';

  fetch: typeof fetch = async (input, init) => {
    this.requests++;
    if (this.down) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    if (url.pathname !== '/v1/audit/batches' || init?.method !== 'POST') return new Response('not found', { status: 404 });
    if ((init.headers as Record<string, string>)['authorization'] !== `Bearer ${this.token}`) return new Response('{"error":"unauthorized"}', { status: 401 });
    const parsed = auditBatchRequestSchema.safeParse(JSON.parse(String(init.body)));
    if (!parsed.success) return new Response(JSON.stringify({ error: parsed.error.issues[0]?.message }), { status: 400 });
    let accepted = 0;
    let duplicates = 0;
    const fresh: AuditEntry[] = [];
    for (const e of parsed.data.entries) {
      this.deliveries++;
      if (this.stored.has(e.id)) {
        duplicates++;
        continue;
      }
      fresh.push(e);
    }
    if (fresh.length > 0) {
      const v = await verifyChain(fresh, { anchor: this.head, deviceId: parsed.data.deviceId });
      const problems = v.problems.filter((p) => p.reason !== 'checkpoint_missing');
      if (problems.length > 0) this.chainBreaks.push(`${problems[0]!.seq}:${problems[0]!.reason}`);
      for (const e of fresh) {
        this.stored.set(e.id, e);
        accepted++;
      }
      this.head = v.head;
    }
    if (this.hangAfterStoringNext) {
      this.hangAfterStoringNext = false;
      return new Promise<Response>(() => undefined);
    }
    return Response.json({ accepted, duplicates, head: this.head, chain: this.chainBreaks.length ? { ok: false, reason: this.chainBreaks[0] } : 'ok' });
  };
}
