/**
 * Notices a record change in a single-page CRM without polling. Content scripts
 * run in an isolated world and cannot wrap the page's `history.pushState`, so
 * several cheap signals are combined and each one just compares `location.href`:
 * WXT's `wxt:locationchange` (Navigation API `navigate`, fired before the URL
 * commits, hence the re-check in a microtask and a zero timeout), the Navigation
 * API's `currententrychange` / `navigatesuccess` where the browser exposes them to
 * content scripts (Chromium), `popstate` and `hashchange`, clicks, and every
 * mutation batch (an SPA re-renders when it routes; the observer callback calls `check`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface LocationWatch {
  /** Compare the URL now; call from any signal. */
  check(): void;
}

export function watchLocation(ctx: ContentScriptContext, onChange: (href: string) => void): LocationWatch {
  let last = location.href;
  const check = () => {
    if (ctx.isInvalid) return;
    const href = location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const soon = () => {
    check();
    queueMicrotask(check);
    ctx.setTimeout(check, 0);
  };
  ctx.addEventListener(window, 'wxt:locationchange', soon);
  ctx.addEventListener(window, 'popstate', soon);
  ctx.addEventListener(window, 'hashchange', soon);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    ctx.addEventListener(navigation, 'currententrychange', check);
    ctx.addEventListener(navigation, 'navigatesuccess', check);
  }
  // A click that routes calls pushState in the page's own handler, after this capture listener.
  ctx.addEventListener(document, 'click', () => ctx.setTimeout(check, 0), { capture: true, passive: true });
  return { check };
}
