/**
 * Notices a record change in a single-page CRM without polling. Content scripts
 * run in an isolated world and cannot wrap the page's `history.pushState`, so
 * several cheap signals are combined and each one just compares `location.href`:
 * WXT's `wxt:locationchange` (Navigation API `navigate`, fired before the URL
 * commits, hence the re-check in a microtask and a zero timeout), the Navigation
 * API's `currententrychange` / `navigatesuccess` where the browser exposes them to
 * content scripts (Chromium), `popstate` and `hashchange`, clicks and Enter, and
 * every mutation callback (an SPA re-renders when it routes). Routers that render
 * first and push the URL afterwards are caught by one trailing check shortly after
 * an interaction or a burst of mutations; nothing runs while the page is idle.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface LocationWatch {
  /** Compare the URL now; call from any signal. */
  check(): void;
  /** Compare now and once more a little later (after a mutation burst). */
  checkSoon(): void;
}

/** Re-checks after an interaction: a router may push the URL after an await (data fetch, lazy chunk). */
const AFTER_INTERACTION_MS = [0, 50, 150] as const;
const TRAILING_MS = 50;

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
  const afterInteraction = () => {
    for (const ms of AFTER_INTERACTION_MS) ctx.setTimeout(check, ms);
  };
  // A click that routes calls pushState in the page's own handler, after these capture listeners.
  ctx.addEventListener(document, 'click', afterInteraction, { capture: true, passive: true });
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Enter') afterInteraction();
    },
    { capture: true, passive: true },
  );
  let trailing = false;
  const checkSoon = () => {
    check();
    if (trailing) return;
    trailing = true;
    ctx.setTimeout(() => {
      trailing = false;
      check();
    }, TRAILING_MS);
  };
  return { check, checkSoon };
}
