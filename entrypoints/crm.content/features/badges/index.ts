/**
 * Badges at personal-data fields, in one shadow-root layer (WXT
 * createShadowRootUi) fixed at the viewport origin: the CRM's layout never moves
 * and its CSS cannot reach ours. Only fields in view get a badge
 * (IntersectionObserver), and positions follow scroll and resize in one
 * animation frame that reads all rects, then writes all transforms.
 * Policy `badges`: always | hover (only the field under the pointer or with
 * focus) | off; nothing is shown while the rep has paused the extension.
 */
import { render, h } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedField } from '@/lib/scan/scanner';
import { resolveLocale, type Locale } from '@/lib/i18n/strings';
import { BadgeLayer, type LayerItem } from '@/components/badges/BadgeLayer';
import { badgeModel } from '@/components/badges/model';
import { BADGE_CSS } from '@/components/badges/styles';
import { defineFeature, OWN_TAG_PREFIX, type PageModel } from '../../page';
import type { PagePolicy } from '../../policy';
import { badgePlacement } from './position';

/** How long a hover badge stays after the pointer leaves its field, so it can be reached. */
const HOVER_GRACE_MS = 400;

function localeOf(policy: PagePolicy): Locale {
  if (policy.language !== 'auto') return policy.language;
  try {
    return resolveLocale(browser.i18n.getUILanguage());
  } catch {
    return resolveLocale(navigator.language);
  }
}

function start(ctx: ContentScriptContext, page: PageModel): void {
  /** Fields per anchor element; a badge per element. */
  const byElement = new Map<Element, DetectedField[]>();
  const keys = new WeakMap<Element, number>();
  let nextKey = 1;
  const visible = new Set<Element>();
  const wrappers = new Map<number, HTMLDivElement>();
  let hovered: Element | null = null;
  let focused: Element | null = null;
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let uiPending: Promise<void> | null = null;
  let renderQueued = false;
  let positionQueued = false;

  const keyOf = (el: Element) => {
    let key = keys.get(el);
    if (key === undefined) keys.set(el, (key = nextKey++));
    return key;
  };

  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      queueRender();
    },
    { rootMargin: '64px' },
  );
  ctx.onInvalidated(() => io.disconnect());

  const shown = (): Element[] => {
    const { badges, paused } = page.policy();
    if (paused || badges === 'off') return [];
    if (badges === 'always') return [...visible].filter((el) => byElement.has(el));
    return [hovered, focused].filter((el, i, all): el is Element => el !== null && byElement.has(el) && all.indexOf(el) === i);
  };

  const ensureUi = (): Promise<void> => {
    uiPending ??= createShadowRootUi(ctx, {
      name: `${OWN_TAG_PREFIX.toLowerCase()}-overlay`,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: BADGE_CSS,
      inheritStyles: true,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
      onRemove: () => {
        const container = ui?.uiContainer;
        if (container) render(null, container);
      },
    }).then((created) => {
      ui = created;
      created.mount();
    });
    return uiPending;
  };

  const paint = () => {
    renderQueued = false;
    const elements = shown();
    if (elements.length === 0 && !ui) return;
    if (!ui) {
      void ensureUi().then(queueRender);
      return;
    }
    const locale = localeOf(page.policy());
    const focusOpen = page.policy().badges === 'hover' ? focused : null;
    const items: LayerItem[] = elements.map((el) => ({ key: keyOf(el), model: badgeModel(byElement.get(el) ?? [], locale), open: el === focusOpen }));
    render(h(BadgeLayer, { items, locale, bind: (key, el) => (el ? wrappers.set(key, el) : wrappers.delete(key)) }), ui.uiContainer);
    placeNow(elements);
  };

  const queueRender = () => {
    if (renderQueued) return;
    renderQueued = true;
    ctx.requestAnimationFrame(paint);
  };

  /** Read every rect, then write every transform: one layout pass. */
  const placeNow = (elements: Element[]) => {
    const placements = elements.map((el) => [keyOf(el), badgePlacement(el, byElement.get(el)?.[0]?.editable ?? false)] as const);
    for (const [key, placement] of placements) {
      const wrap = wrappers.get(key);
      if (!wrap) continue;
      wrap.hidden = placement === null;
      if (placement) wrap.style.transform = placement.transform;
    }
  };
  const queuePosition = () => {
    if (positionQueued || !ui) return;
    positionQueued = true;
    ctx.requestAnimationFrame(() => {
      positionQueued = false;
      placeNow(shown());
    });
  };

  page.on('fields', ({ added, removed }) => {
    const touched = new Set<Element>();
    for (const f of removed) {
      const list = byElement.get(f.element);
      if (!list) continue;
      const rest = list.filter((x) => x.id !== f.id);
      if (rest.length > 0) byElement.set(f.element, rest);
      else byElement.delete(f.element);
      touched.add(f.element);
    }
    for (const f of added) {
      const list = byElement.get(f.element);
      if (list) list.push(f);
      else byElement.set(f.element, [f]);
      touched.add(f.element);
    }
    for (const el of touched) {
      if (byElement.has(el)) io.observe(el);
      else {
        io.unobserve(el);
        visible.delete(el);
      }
    }
    queueRender();
  });
  page.on('policy', queueRender);

  ctx.addEventListener(document, 'scroll', queuePosition, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', queuePosition, { passive: true });

  // Hover mode: the field under the pointer (found on the composed path, so fields in shadow roots count) or with focus.
  let hoverTimer: number | undefined;
  const fieldOnPath = (event: Event): Element | null => {
    for (const target of event.composedPath()) if (target instanceof Element && byElement.has(target)) return target;
    return null;
  };
  const isOwnPath = (event: Event) => event.composedPath().some((t) => t instanceof Element && t.tagName.startsWith(OWN_TAG_PREFIX));
  ctx.addEventListener(
    document,
    'pointerover',
    (event) => {
      if (page.policy().badges !== 'hover') return;
      const field = fieldOnPath(event);
      if (field) {
        if (hoverTimer !== undefined) clearTimeout(hoverTimer);
        hoverTimer = undefined;
        if (hovered !== field) {
          hovered = field;
          queueRender();
        }
      } else if (hovered && !isOwnPath(event) && hoverTimer === undefined) {
        hoverTimer = ctx.setTimeout(() => {
          hoverTimer = undefined;
          hovered = null;
          queueRender();
        }, HOVER_GRACE_MS);
      } else if (isOwnPath(event) && hoverTimer !== undefined) {
        clearTimeout(hoverTimer);
        hoverTimer = undefined;
      }
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'focusin',
    (event) => {
      if (isOwnPath(event)) return;
      const field = fieldOnPath(event);
      if (field !== focused) {
        focused = field;
        if (page.policy().badges === 'hover') queueRender();
      }
    },
    { capture: true },
  );
}

export default defineFeature({ id: 'badges', init: start });
