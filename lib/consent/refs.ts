/**
 * Identity of a lookup: one cache key per person reference, so the same record
 * asked for by the panel and by a list chip is fetched once. Also the email digest
 * the API accepts instead of an address (computed here, the address never leaves).
 */
import type { RecordRef, SubjectRef } from './schema';

const SF_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce shows a record's 15-character (case-sensitive) id in some places and
 * its 18-character form in others; both must hit the same cache entry, and the
 * service matches them the same way (server/openapi.yaml).
 */
export function canonicalRecordId(crm: string, recordId: string): string {
  if (crm !== 'salesforce' || !/^[A-Za-z0-9]{15}$/.test(recordId)) return recordId;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = recordId[block * 5 + i] ?? '';
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SF_SUFFIX[bits];
  }
  return recordId + suffix;
}

export function canonicalRef(ref: SubjectRef): SubjectRef {
  if ('emailSha256' in ref) return { emailSha256: ref.emailSha256 };
  return { crm: ref.crm, objectType: ref.objectType, recordId: canonicalRecordId(ref.crm, ref.recordId) };
}

/** Stable key of a reference; separators cannot occur inside the parts (the API's patterns exclude them). */
export function refKey(ref: SubjectRef): string {
  const c = canonicalRef(ref);
  return 'emailSha256' in c ? `e/${c.emailSha256}` : `r/${c.crm}/${c.objectType}/${c.recordId}`;
}

export function isRecordRef(ref: SubjectRef): ref is RecordRef {
  return !('emailSha256' in ref);
}

/** The API's email key: SHA-256 hex of the trimmed, lowercased address (WebCrypto; works in workers and pages). */
export async function emailSha256(email: string): Promise<string> {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

const LOCAL = /[A-Za-z0-9._%+'-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

/**
 * The first email address in a field's shown text or value (a record's Email field
 * may show it with a mailto link or an icon label around it). A scan out from each
 * "@" instead of a regex over the whole text: linear on any input, each character
 * is looked at a bounded number of times.
 */
export function emailIn(text: string): string | null {
  const s = text.slice(0, 2000);
  for (let at = s.indexOf('@'); at !== -1; at = s.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL.test(s[start - 1]!)) start--;
    let end = at + 1;
    while (end < s.length && end - at <= 253 && DOMAIN.test(s[end]!)) end++;
    const domain = s.slice(at + 1, end).replace(/\.+$/, '');
    const labels = domain.split('.');
    if (start < at && labels.length >= 2 && labels.every((l) => l.length > 0 && l.length <= 63)) return `${s.slice(start, at)}@${domain}`;
  }
  return null;
}
