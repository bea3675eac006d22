/**
 * Streamed audit exports. One runtime message carries at most 64 MiB in Chrome and
 * an export of 100,000 entries is ~40 MB, so the options page pulls the file in
 * pieces of at most `maxChunkBytes` (UTF-8) instead: `start` opens the log's export
 * generator under a random id, each `next` returns the next piece. The generator
 * logs `log.exported` when it finishes, and also when an export it has begun is
 * cancelled, left idle or pushed out by newer ones (then with `completed: false`).
 */

export const MAX_CHUNK_BYTES = 1_000_000;
/** An export not pulled for this long is abandoned (the options page was closed). */
export const EXPORT_IDLE_MS = 60_000;
/** Exports open at once; starting one more abandons the oldest. */
export const MAX_OPEN_EXPORTS = 4;

export interface ExportChunk {
  chunk: string;
  done: boolean;
}

export class ExportNotFound extends Error {
  override name = 'ExportNotFound';
}

/**
 * Index at which to cut `text` so the head is at most `maxBytes` of UTF-8 and no
 * surrogate pair is split. Returns 0 only when the first character alone is larger.
 */
export function utf8Cut(text: string, maxBytes: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) return i;
    bytes += size;
    if (pair) i++;
  }
  return text.length;
}

interface Session {
  source: AsyncGenerator<string, void, undefined>;
  buffer: string;
  ended: boolean;
  /** pulls of one export run one after another */
  queue: Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface ExportSessionOptions {
  maxChunkBytes?: number;
  idleMs?: number;
  maxOpen?: number;
  newId?: () => string;
}

export function createExportSessions(options: ExportSessionOptions = {}) {
  const maxBytes = options.maxChunkBytes ?? MAX_CHUNK_BYTES;
  const idleMs = options.idleMs ?? EXPORT_IDLE_MS;
  const maxOpen = options.maxOpen ?? MAX_OPEN_EXPORTS;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const sessions = new Map<string, Session>();

  const close = async (id: string) => {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    clearTimeout(s.timer);
    // Runs the generator's `finally`, which records the unfinished export.
    if (!s.ended) await s.source.return(undefined).catch(() => undefined);
  };
  const touch = (id: string, s: Session) => {
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void close(id), idleMs);
  };

  const pull = async (id: string, s: Session): Promise<ExportChunk> => {
    // Small pieces of the source are merged, large ones cut, so each answer is close to the limit.
    // One character more than a chunk can hold tells whether this chunk is the last.
    while (!s.ended && s.buffer.length <= maxBytes) {
      const next = await s.source.next();
      if (next.done) s.ended = true;
      else s.buffer += next.value;
    }
    let cut = utf8Cut(s.buffer, maxBytes);
    // A single character never exceeds 4 bytes; only a limit below that could stall.
    if (cut === 0 && s.buffer.length > 0) cut = s.buffer.charCodeAt(0) >= 0xd800 && s.buffer.charCodeAt(0) <= 0xdbff ? 2 : 1;
    const chunk = s.buffer.slice(0, cut);
    s.buffer = s.buffer.slice(cut);
    const done = s.ended && s.buffer.length === 0;
    if (done) {
      sessions.delete(id);
      clearTimeout(s.timer);
    } else touch(id, s);
    return { chunk, done };
  };

  return {
    /** Opens an export; the source is not read until the first pull. */
    start(source: AsyncGenerator<string, void, undefined>): string {
      while (sessions.size >= maxOpen) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        void close(oldest);
      }
      const id = newId();
      const s: Session = { source, buffer: '', ended: false, queue: Promise.resolve(), timer: undefined };
      sessions.set(id, s);
      touch(id, s);
      return id;
    },
    /** The next piece; `done` on the last one, after which the id is gone. */
    next(id: string): Promise<ExportChunk> {
      const s = sessions.get(id);
      if (!s) return Promise.reject(new ExportNotFound('export not found: it finished, was cancelled, or was idle for too long'));
      const result = s.queue.then(() => pull(id, s));
      s.queue = result.catch(() => undefined);
      // A failing source ends the export; the page gets the error.
      result.catch(() => void close(id));
      return result;
    },
    cancel: (id: string) => close(id),
    open: () => sessions.size,
  };
}

export type ExportSessions = ReturnType<typeof createExportSessions>;
