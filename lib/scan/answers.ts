/**
 * Requests on their way to the detector and back, asked in batches: the
 * displayed texts of read-only fields (values.ts) and, where the detector runs
 * out of process, the field descriptions themselves. Everything one scan
 * operation gathered goes out together (one call per slice or change batch,
 * split at `maxItems` requests or `maxSize` units); each request carries the
 * generation of its field scope and the record it was read on, so an answer for
 * a scope rescanned or removed meanwhile, or for a record the page has left, is
 * dropped. When the detector cannot be reached (the promise rejects), the
 * requests whose scope is still current are kept and sent with the next batch.
 */

export interface ScopedRequest {
  scope: Element;
  /** Generation of `scope` when the request was made. */
  gen: number;
  /** The record the page showed when the request was made. */
  record: string;
}

export interface AnswerQueueOptions<R extends ScopedRequest, A> {
  /** Ask the detector about a batch; answers in request order. */
  ask(batch: readonly R[]): Promise<readonly unknown[]>;
  /** The answer for one request, checked (it crossed a message boundary); null when unusable. */
  read(raw: unknown): A | null;
  /** Whether the request's scope is unchanged (same generation, still on the page). */
  current(request: R): boolean;
  /** The record the page shows now (compared with each request's `record`). */
  record(): string;
  /** Answers for current requests, in request order, one call per answered batch. */
  onAnswer(answers: { request: R; answer: A }[]): void;
  /** Every answer, current or not (what does not depend on the page, e.g. a verdict memo). */
  onAnyAnswer?(request: R, answer: A): void;
  maxItems: number;
  maxSize: number;
  size(request: R): number;
}

/** Requests kept for a retry after the detector failed; the oldest go first. */
const MAX_RETRY = 2000;

export function createAnswerQueue<R extends ScopedRequest, A>(options: AnswerQueueOptions<R, A>) {
  let queued: R[] = [];
  let retry: R[] = [];
  let inFlight = 0;
  let waiting: (() => void)[] = [];

  const settleIfIdle = () => {
    if (inFlight > 0 || queued.length > 0) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };

  const send = (batch: R[]) => {
    inFlight += batch.length;
    let answer: Promise<readonly unknown[]>;
    try {
      answer = options.ask(batch);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (results) => {
        inFlight -= batch.length;
        const answers: { request: R; answer: A }[] = [];
        const record = options.record();
        batch.forEach((request, i) => {
          const read = options.read(Array.isArray(results) ? results[i] : undefined);
          if (read === null) return;
          options.onAnyAnswer?.(request, read);
          if (request.record !== record || !options.current(request)) return;
          answers.push({ request, answer: read });
        });
        try {
          if (answers.length > 0) options.onAnswer(answers);
        } finally {
          settleIfIdle();
        }
      },
      () => {
        inFlight -= batch.length;
        // Unreachable detector: nothing for now; still-current requests go out again with the next batch.
        const record = options.record();
        for (const request of batch) if (request.record === record && options.current(request)) retry.push(request);
        if (retry.length > MAX_RETRY) retry = retry.slice(retry.length - MAX_RETRY);
        settleIfIdle();
      },
    );
  };

  return {
    add(request: R): void {
      queued.push(request);
    },

    /** Send everything queued (and what failed before), in capped batches; stale requests are dropped unsent. */
    flush(): void {
      const pending = retry.length > 0 ? [...retry, ...queued] : queued;
      retry = [];
      queued = [];
      let batch: R[] = [];
      let size = 0;
      const record = pending.length > 0 ? options.record() : '';
      for (const request of pending) {
        if (request.record !== record || !options.current(request)) continue;
        const s = options.size(request);
        if (batch.length > 0 && (batch.length >= options.maxItems || size + s > options.maxSize)) {
          send(batch);
          batch = [];
          size = 0;
        }
        batch.push(request);
        size += s;
      }
      if (batch.length > 0) send(batch);
      settleIfIdle();
    },

    /** Requests queued or awaiting an answer. */
    pending(): number {
      return queued.length + inFlight;
    },

    /** Resolves once nothing is queued or awaiting an answer (answers merged). */
    settled(): Promise<void> {
      if (inFlight === 0 && queued.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}
