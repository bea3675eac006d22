/**
 * Splits text-scan work into `cs:scan-text` requests within SCAN_TEXT_LIMITS and
 * puts the answers back together. A text longer than one request is sent in
 * pieces that overlap, so a finding cut by a piece boundary is still found whole
 * in the neighbouring piece; the merge keeps each finding once.
 */
import { SCAN_TEXT_LIMITS } from './vocab';

export interface TextItem {
  text: string;
  lang?: string;
}

/** One piece of one caller's text, placed in a request. */
interface Piece {
  item: number;
  offset: number;
}

export interface Batch {
  items: TextItem[];
  pieces: Piece[];
}

export interface Located {
  start: number;
  end: number;
  kind: string;
}

/** Wide enough for any single finding or sentence the engine judges as a whole. */
export const PIECE_OVERLAP = 4_000;

export function planBatches(items: readonly TextItem[], limits: { items: number; totalChars: number } = SCAN_TEXT_LIMITS): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = { items: [], pieces: [] };
  let chars = 0;
  const push = (piece: TextItem, at: Piece) => {
    if (current.items.length >= limits.items || chars + piece.text.length > limits.totalChars) {
      if (current.items.length > 0) batches.push(current);
      current = { items: [], pieces: [] };
      chars = 0;
    }
    current.items.push(piece);
    current.pieces.push(at);
    chars += piece.text.length;
  };
  const size = limits.totalChars;
  const step = Math.max(1, size - PIECE_OVERLAP);
  items.forEach((item, index) => {
    const lang = item.lang ? { lang: item.lang } : {};
    if (item.text.length <= size) {
      push({ text: item.text, ...lang }, { item: index, offset: 0 });
      return;
    }
    for (let offset = 0; offset < item.text.length; offset += step) {
      push({ text: item.text.slice(offset, offset + size), ...lang }, { item: index, offset });
      if (offset + size >= item.text.length) break;
    }
  });
  if (current.items.length > 0) batches.push(current);
  return batches;
}

/** Answers of `batches` (one list per request item, in order) → one sorted, de-duplicated list per original item. */
export function mergeAnswers<F extends Located>(count: number, batches: readonly Batch[], answers: readonly (readonly (readonly F[])[])[]): F[][] {
  const out: F[][] = Array.from({ length: count }, () => []);
  const seen: Set<string>[] = Array.from({ length: count }, () => new Set());
  batches.forEach((batch, b) => {
    batch.pieces.forEach((piece, i) => {
      for (const f of answers[b]?.[i] ?? []) {
        const placed = piece.offset === 0 ? f : { ...f, start: f.start + piece.offset, end: f.end + piece.offset };
        const key = `${placed.kind}:${placed.start}:${placed.end}`;
        if (seen[piece.item]!.has(key)) continue;
        seen[piece.item]!.add(key);
        out[piece.item]!.push(placed);
      }
    });
  });
  for (const list of out) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
