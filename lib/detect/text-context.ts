/** Helpers that look at the words around a candidate, on a lower-cased copy of the text. */

/** Start of the look-back window: `window` characters, cut at the previous line break. */
function windowStart(lower: string, start: number, window: number): number {
  const from = Math.max(0, start - window);
  for (let k = start - 1; k >= from; k--) if (lower.charCodeAt(k) === 10) return k + 1;
  return from;
}

/** Distance from `start` back to the end of the nearest cue that lies wholly in the window (same line), or Infinity. */
export function cueDistance(lower: string, start: number, cues: readonly string[], window = 40): number {
  // Only the window is searched: cost per candidate is bounded, so a scan stays linear in the text.
  const slice = lower.slice(windowStart(lower, start, window), start);
  let best = Infinity;
  for (const c of cues) {
    const i = slice.lastIndexOf(c);
    if (i >= 0) best = Math.min(best, slice.length - i - c.length);
  }
  return best;
}

/** True when one of `cues` occurs in the `window` characters before `start` (same line only). Stops at the first cue found. */
export function cueBefore(lower: string, start: number, cues: readonly string[], window = 40): boolean {
  const slice = lower.slice(windowStart(lower, start, window), start);
  for (const c of cues) if (slice.includes(c)) return true;
  return false;
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
