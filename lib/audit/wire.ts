/**
 * Forwarding wire format of the reference service's ingest API
 * (`POST {endpoint}/v1/audit/batches`), shared with server/.
 * At-least-once: the service is idempotent by entry id and checks chain
 * continuity per device.
 */
import { z } from 'zod';
import { auditEntrySchema } from './chain';

export const MAX_BATCH_ENTRIES = 1000;

export const auditBatchRequestSchema = z.strictObject({
  deviceId: z.string().min(1).max(256),
  entries: z.array(auditEntrySchema).min(1).max(MAX_BATCH_ENTRIES),
});
export type AuditBatchRequest = z.infer<typeof auditBatchRequestSchema>;

const head = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

export const auditBatchResponseSchema = z.object({
  /** entries stored by this request */
  accepted: z.number().int().min(0),
  /** entries the service already had (same id) */
  duplicates: z.number().int().min(0),
  /** the service's chain head for this device after the batch */
  head,
  /** whether the device chain verifies at the service ("ok"), or where it broke */
  chain: z.union([
    z.literal('ok'),
    z.object({ ok: z.boolean(), seq: z.number().int().optional(), reason: z.string().optional() }).loose(),
    z.string(),
  ]),
});
export type AuditBatchResponse = z.infer<typeof auditBatchResponseSchema>;
