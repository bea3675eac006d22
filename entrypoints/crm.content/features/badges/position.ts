/**
 * Where a badge goes: the top-right corner of its field, in viewport coordinates
 * of the top document (fields in same-origin frames are offset by their frame).
 * Reads layout only; the caller reads every rect first and writes afterwards, so
 * one scroll costs one layout pass however many badges are visible.
 */
const BADGE_OFFSET_X = -10;
const BADGE_OFFSET_Y = -8;

export interface Point {
  x: number;
  y: number;
}

export function badgePoint(el: Element): Point | null {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  let x = rect.right + BADGE_OFFSET_X;
  let y = rect.top + BADGE_OFFSET_Y;
  let win = el.ownerDocument.defaultView;
  while (win && win !== window.top && win.frameElement) {
    const frame = win.frameElement.getBoundingClientRect();
    x += frame.left;
    y += frame.top;
    win = win.frameElement.ownerDocument.defaultView;
  }
  return { x: Math.round(x), y: Math.round(Math.max(0, y)) };
}
