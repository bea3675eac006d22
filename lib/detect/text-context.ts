/**
 * Helpers that look at the words around a candidate, on a lower-cased copy of
 * the text. Cue positions are indexed once per text and list, so a note with
 * many candidates costs one pass per cue list, not one per candidate.
 */

interface CueIndex {
  /** cue start and end offsets, sorted by end */
  starts: number[];
  ends: number[];
}

let indexedText: string | undefined;
let indexes = new Map<readonly string[], CueIndex>();

function indexFor(lower: string, cues: readonly string[]): CueIndex {
  if (lower !== indexedText) {
    indexedText = lower;
    indexes = new Map();
  }
  let idx = indexes.get(cues);
  if (!idx) {
    const pairs: [number, number][] = [];
    for (const c of cues) {
      if (c === '') continue;
      for (let at = lower.indexOf(c); at >= 0; at = lower.indexOf(c, at + 1)) pairs.push([at, at + c.length]);
    }
    pairs.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
    idx = { starts: pairs.map((p) => p[0]), ends: pairs.map((p) => p[1]) };
    indexes.set(cues, idx);
  }
  return idx;
}

/** Start of the look-back window: `window` characters, cut at the previous line break. */
function windowStart(lower: string, start: number, window: number): number {
  const from = Math.max(0, start - window);
  for (let k = start - 1; k >= from; k--) if (lower.charCodeAt(k) === 10) return k + 1;
  return from;
}

/** Distance from `start` back to the end of the nearest cue that lies wholly in the window (same line), or Infinity. */
export function cueDistance(lower: string, start: number, cues: readonly string[], window = 40): number {
  const from = windowStart(lower, start, window);
  const { starts, ends } = indexFor(lower, cues);
  // Largest end ≤ start (binary search), then walk back while still in the window.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && ends[k]! >= from; k--) if (starts[k]! >= from) return start - ends[k]!;
  return Infinity;
}

/** True when one of `cues` occurs in the `window` characters before `start` (same line only). */
export function cueBefore(lower: string, start: number, cues: readonly string[], window = 40): boolean {
  return cueDistance(lower, start, cues, window) < Infinity;
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
