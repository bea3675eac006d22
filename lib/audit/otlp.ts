/**
 * Audit entries as OTLP/HTTP JSON logs (`POST {endpoint}/v1/logs`), which any
 * OpenTelemetry Collector accepts. Encoding per the OTLP JSON mapping: attributes
 * are `{ key, value: { stringValue | intValue | boolValue } }`, 64-bit integers
 * (intValue, timeUnixNano) are decimal strings, enum fields are numbers.
 */
import { canonicalJson, type AuditEntry, type ChainHead } from './chain';

type AnyValue = { stringValue: string } | { intValue: string } | { boolValue: boolean };
export interface KeyValue {
  key: string;
  value: AnyValue;
}

const SEVERITY_INFO = 9;
const SEVERITY_WARN = 13;

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: String(Math.trunc(value)) } });

function severity(e: AuditEntry): number {
  if (e.type === 'input.save_blocked' || e.type === 'input.overridden' || e.type === 'policy.error') return SEVERITY_WARN;
  if (e.type === 'log.verified' && e.data['ok'] === false) return SEVERITY_WARN;
  return SEVERITY_INFO;
}

/** Milliseconds since the epoch as a nanosecond decimal string, without float overflow. */
export function msToUnixNano(ms: number): string {
  return ms === 0 ? '0' : `${Math.trunc(ms)}000000`;
}

export function toLogRecord(e: AuditEntry, observedMs: number) {
  const attributes: KeyValue[] = [
    str('event.name', e.type),
    str('audit.id', e.id),
    int('audit.seq', e.seq),
    str('audit.prev_hash', e.prevHash),
    str('audit.hash', e.hash),
    str('enduser.id', e.user),
    str('audit.ext_version', e.extVersion),
    // The data object in canonical JSON: with the fields above, a receiver can recompute the hash.
    str('audit.data', canonicalJson(e.data)),
  ];
  if (e.crm !== null) attributes.push(str('crm.system', e.crm));
  if (e.objectType !== null) attributes.push(str('crm.object_type', e.objectType));
  if (e.recordId !== null) attributes.push(str('crm.record_id', e.recordId));
  if (e.host !== null) attributes.push(str('server.address', e.host));
  const sev = severity(e);
  return {
    timeUnixNano: msToUnixNano(Date.parse(e.time)),
    observedTimeUnixNano: msToUnixNano(observedMs),
    severityNumber: sev,
    severityText: sev === SEVERITY_WARN ? 'WARN' : 'INFO',
    body: { stringValue: e.type },
    eventName: e.type,
    attributes,
  };
}

export function toOtlpLogs(
  entries: readonly AuditEntry[],
  meta: { deviceId: string; extVersion: string; head: ChainHead; observedMs: number },
) {
  return {
    resourceLogs: [
      {
        resource: {
          attributes: [
            str('service.name', 'crm-privacy-guard'),
            str('service.version', meta.extVersion),
            str('device.id', meta.deviceId),
            // The device's chain head at sending time, so a rewritten local log is detectable centrally.
            int('audit.chain.head_seq', meta.head.seq),
            str('audit.chain.head_hash', meta.head.hash),
          ],
        },
        scopeLogs: [
          {
            scope: { name: 'crm-privacy-guard.audit', version: '1' },
            logRecords: entries.map((e) => toLogRecord(e, meta.observedMs)),
          },
        ],
      },
    ],
  };
}
