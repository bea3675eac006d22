/**
 * Where a badge goes, in viewport coordinates of the top document (fields in
 * same-origin frames are offset by their frame). A displayed value gets the badge
 * just right of its text, centred on the first line; an input gets it on its
 * top-right corner, inside the box, so it never spills into the next column.
 * Reads layout only; the caller reads every rect first and writes afterwards, so
 * one scroll costs one layout pass however many badges are visible.
 */
const GAP_X = 4;
const BADGE_HEIGHT = 16;
/** Taller values (text areas, addresses) get the badge beside their first line. */
const LINE_HEIGHT = 20;
const CORNER_INSET = 4;

export interface Placement {
  /** translate() of the badge wrapper; for `inside`, the badge's right edge. */
  transform: string;
}

export function badgePlacement(el: Element, inside: boolean): Placement | null {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  let dx = 0;
  let dy = 0;
  let win = el.ownerDocument.defaultView;
  while (win && win !== window.top && win.frameElement) {
    const frame = win.frameElement.getBoundingClientRect();
    dx += frame.left;
    dy += frame.top;
    win = win.frameElement.ownerDocument.defaultView;
  }
  if (inside) {
    const x = Math.round(rect.right - CORNER_INSET + dx);
    const y = Math.round(Math.max(0, rect.top - BADGE_HEIGHT / 2 + dy));
    return { transform: `translate(${x}px, ${y}px) translateX(-100%)` };
  }
  const x = Math.round(rect.right + GAP_X + dx);
  const y = Math.round(Math.max(0, rect.top + (Math.min(rect.height, LINE_HEIGHT) - BADGE_HEIGHT) / 2 + dy));
  return { transform: `translate(${x}px, ${y}px)` };
}
