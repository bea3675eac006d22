/**
 * The shown record's email address, as a SHA-256 digest for `cs:consent-lookup`:
 * taken from the first field the page scan classified as an email field (by its
 * label, not its value), hashed here, so the address itself never leaves the page.
 */
import { emailIn, emailSha256 } from '@/lib/consent/refs';
import type { DetectedField } from '@/lib/scan/scanner';
import type { PageModel } from '../../page';

function shownText(el: Element): string {
  if ('value' in el && typeof (el as HTMLInputElement).value === 'string' && (el as HTMLInputElement).value) return (el as HTMLInputElement).value;
  // A mailto link carries the address even where the label text is shortened.
  const link = el.matches('a[href^="mailto:"]') ? el : el.querySelector('a[href^="mailto:"]');
  const href = link?.getAttribute('href');
  return `${href ? decodeURIComponent(href.slice(7).split('?')[0] ?? '') : ''} ${el.textContent ?? ''}`;
}

function emailOfFields(fields: readonly DetectedField[]): string | null {
  for (const f of fields) {
    if (f.kind !== 'email' || f.source !== 'field' || !f.element.isConnected) continue;
    const found = emailIn(shownText(f.element));
    if (found) return found;
  }
  return null;
}

/** Waits (up to `timeoutMs`) for the scan to find an email field with an address in it. */
export function recordEmailSha256(page: Pick<PageModel, 'fields' | 'on'>, signal: AbortSignal, timeoutMs = 4000): Promise<string | null> {
  return new Promise((resolve) => {
    let off: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (email: string | null) => {
      off?.();
      if (timer !== null) clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      if (!email) return resolve(null);
      emailSha256(email).then(resolve, () => resolve(null));
    };
    const abort = () => finish(null);
    const now = emailOfFields(page.fields());
    if (now) return finish(now);
    if (signal.aborted) return resolve(null);
    signal.addEventListener('abort', abort, { once: true });
    off = page.on('fields', ({ added }) => {
      const found = emailOfFields(added);
      if (found) finish(found);
    });
    timer = setTimeout(() => finish(null), timeoutMs);
  });
}
