/**
 * Incremental rescans: after an edit, the findings outside the changed window
 * are kept (shifted by the edit's length change) and only the window is scanned
 * again, so a keystroke in a 10,000-character note costs a few hundred characters
 * of scanning.
 */
import type { Finding, ScanOptions } from '../detect/finding';
import { scanText, scanTextWindow } from '../detect/index';
import { widen } from '../detect/scan';

export interface Edit {
  /** First changed offset, in both texts. */
  start: number;
  /** End of the replaced part in the old text. */
  oldEnd: number;
  /** End of the inserted part in the new text. */
  newEnd: number;
}

/** The one contiguous edit that turns `before` into `after` (common prefix and suffix), or null when equal. */
export function diffText(before: string, after: string): Edit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** Texts up to this length are simply scanned whole. */
export const WHOLE_SCAN_LIMIT = 600;

/**
 * Findings for `after`, given the findings for `before`. Equal to
 * `scanText(after)` for every edit (the window is widened to whole sentences
 * and lines by the engine), at the cost of scanning the window only.
 */
export function rescan(before: string, previous: readonly Finding[], after: string, opts: ScanOptions = {}): Finding[] {
  const edit = diffText(before, after);
  if (!edit) return [...previous];
  if (after.length <= WHOLE_SCAN_LIMIT) return scanText(after, opts);
  const from = edit.start;
  const to = edit.newEnd;
  const [winStart, winEnd] = widen(after, from, Math.max(from, to));
  const delta = edit.newEnd - edit.oldEnd;
  const kept: Finding[] = [];
  for (const f of previous) {
    let shifted: Finding;
    if (f.end <= edit.start) shifted = f;
    else if (f.start >= edit.oldEnd) shifted = { ...f, start: f.start + delta, end: f.end + delta };
    else continue;
    if (shifted.start < winEnd && shifted.end > winStart) continue;
    kept.push(shifted);
  }
  const fresh = scanTextWindow(after, from, Math.max(from, to), opts);
  return [...kept, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
}
