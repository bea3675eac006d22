/** Helpers that look at the words around a candidate, on a lower-cased copy of the text. */

/** True when one of `cues` occurs in the `window` characters before `start` (same line only). */
export function cueBefore(lower: string, start: number, cues: readonly string[], window = 40): boolean {
  let from = Math.max(0, start - window);
  const nl = lower.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  const slice = lower.slice(from, start);
  return cues.some((c) => slice.includes(c));
}

/** Distance from `start` back to the nearest cue in the window, or Infinity. */
export function cueDistance(lower: string, start: number, cues: readonly string[], window = 40): number {
  let from = Math.max(0, start - window);
  const nl = lower.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  const slice = lower.slice(from, start);
  let best = Infinity;
  for (const c of cues) {
    const i = slice.lastIndexOf(c);
    if (i >= 0) best = Math.min(best, slice.length - i - c.length);
  }
  return best;
}

/** True when the text, trimmed, is just this span: a value typed alone into a field. */
export function standsAlone(text: string, start: number, end: number): boolean {
  return text.slice(0, start).trim() === '' && text.slice(end).trim() === '';
}

export function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
}
