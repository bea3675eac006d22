/**
 * Stands between the rep and the CRM's save when problems remain: the
 * adapter's save controls, Enter in a single-line field, form submit and
 * Ctrl/Cmd+S. Listens on the window in the capture phase, so it decides
 * before any page handler runs. Warn lets the save go on; block stops it
 * (preventDefault + stopImmediatePropagation); override stops it, waits for a
 * reason and then replays the same action once, so the page's own handler
 * runs exactly once. Text is searched in the background, so right after typing
 * the answer may still be on its way: then the save is held until it arrives
 * and decided on the answer (replayed at once when nothing stands in the way).
 */
import type { CrmAdapter } from '@/lib/crm/adapter';
import type { Problem } from '@/lib/guard/problems';
import { reasonProblem, saveAction } from '@/lib/guard/save';
import { closestComposed, isShadowRoot, type ScanEnv } from '@/lib/scan/composed';
import { isValueControl } from './field-text';

export interface SaveGateDeps {
  doc: Document;
  env: ScanEnv;
  adapter: CrmAdapter;
  extraSaveSelectors: readonly string[];
  signal: AbortSignal;
  isOurs(target: EventTarget | null): boolean;
  /** Unresolved problems as of the latest answers. */
  pending(): Problem[];
  /** True when no scan is due or awaiting its answer. */
  settled(): boolean;
  /** Run due scans and wait for every answer. */
  settle(): Promise<void>;
  minReasonLength(): number;
  onWarnSave(): void;
  onBlock(): void;
  onAskReason(minLength: number): void;
  onOverridden(reason: string): void;
  onCancelled(): void;
}

type Replay = () => void;

export function createSaveGate(deps: SaveGateDeps) {
  const { doc, env } = deps;
  const view = doc.defaultView!;
  let replaying = false;
  let waiting: Replay | null = null;
  /** A save held for the scanner's answer; further attempts meanwhile are dropped, so it happens once. */
  let holding = false;

  /** The innermost element an event started at, also below closed shadow roots. */
  function origin(event: Event): Element | null {
    const first = event.composedPath()[0] ?? event.target;
    if (!first || (first as Node).nodeType !== 1) return null;
    let el = first as Element;
    const mouse = event as MouseEvent;
    for (let depth = 0; depth < 32; depth++) {
      const shadow = env.shadowOf(el);
      if (!shadow || el.shadowRoot === shadow) break; // open roots are already in the composed path
      const inner = (mouse.clientX || mouse.clientY ? shadow.elementFromPoint?.(mouse.clientX, mouse.clientY) : null) ?? shadow.activeElement;
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  }

  /** Elements from `el` up to the document, across shadow boundaries. */
  function ancestry(el: Element): Element[] {
    const out: Element[] = [];
    for (let cur: Element | null = el; cur; ) {
      out.push(cur);
      const parent: Node | null = cur.parentNode;
      cur = parent && parent.nodeType === 1 ? (parent as Element) : parent && isShadowRoot(parent) ? parent.host : null;
    }
    return out;
  }

  function isSaveControl(el: Element): boolean {
    const chain = ancestry(el).slice(0, 12);
    const roots = new Set(chain.map((e) => e.getRootNode() as Document | ShadowRoot));
    const extra = deps.extraSaveSelectors.join(',');
    for (const root of roots) {
      const saves = new Set(deps.adapter.saveControls(root));
      if (chain.some((e) => saves.has(e) || (extra !== '' && e.matches(extra)))) return true;
    }
    return false;
  }

  function stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** Act on the problems known now; returns true when the save must not go on by itself. */
  function act(replay: Replay): 'go' | 'stopped' {
    const action = saveAction(deps.pending());
    if (action === 'proceed') return 'go';
    if (action === 'warn') {
      deps.onWarnSave();
      return 'go';
    }
    if (action === 'block') {
      waiting = null;
      deps.onBlock();
      return 'stopped';
    }
    waiting = replay;
    deps.onAskReason(deps.minReasonLength());
    return 'stopped';
  }

  /** Decide a save attempt now, or hold it until the pending answers are in. */
  function decide(event: Event, replay: Replay): void {
    if (holding) {
      stop(event);
      return;
    }
    if (deps.settled()) {
      if (act(replay) === 'stopped') stop(event);
      return;
    }
    stop(event);
    holding = true;
    void deps.settle().then(
      () => {
        holding = false;
        if (deps.signal.aborted) return;
        if (act(replay) === 'go') run(replay);
      },
      () => {
        holding = false;
      },
    );
  }

  /** Nothing to decide: no problems known and no answer outstanding. */
  const clear = () => !holding && deps.settled() && deps.pending().length === 0;

  function run(replay: Replay): void {
    replaying = true;
    try {
      replay();
    } finally {
      replaying = false;
    }
  }

  const onClick = (event: Event) => {
    if (replaying || deps.isOurs(event.composedPath()[0] ?? null)) return;
    const el = origin(event);
    if (!el) return;
    // Cheap check first: with no open problems a click costs nothing more.
    if (clear() || !isSaveControl(el)) return;
    const m = event as MouseEvent;
    const init: MouseEventInit = { bubbles: true, cancelable: true, composed: true, clientX: m.clientX, clientY: m.clientY, button: m.button, detail: m.detail, ctrlKey: m.ctrlKey, shiftKey: m.shiftKey, altKey: m.altKey, metaKey: m.metaKey };
    decide(event, () => {
      if (el.isConnected) el.dispatchEvent(new view.MouseEvent('click', init));
    });
  };

  const onKeydown = (event: Event) => {
    if (replaying) return;
    const e = event as KeyboardEvent;
    // Every keystroke passes here: decide on the key alone before touching the DOM.
    const shortcut = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';
    const enter = e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey;
    if ((!shortcut && !enter) || e.isComposing || deps.isOurs(e.composedPath()[0] ?? null)) return;
    const el = origin(event);
    if (!el) return;
    if (enter && !(isValueControl(el) && el.tagName === 'INPUT' && isFormField(el))) return;
    if (clear()) return;
    const init: KeyboardEventInit = { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true, composed: true };
    decide(event, () => {
      if (!el.isConnected) return;
      // Page shortcuts look at what has focus; the reason field had it last.
      (el as HTMLElement).focus?.({ preventScroll: true });
      const replayed = new view.KeyboardEvent('keydown', init);
      el.dispatchEvent(replayed);
      // A synthetic Enter does not submit a form by itself; do what the browser would have done.
      const form = (el as HTMLInputElement).form;
      if (enter && form && !replayed.defaultPrevented) form.requestSubmit();
    });
  };

  const onSubmit = (event: Event) => {
    if (replaying) return;
    const form = event.target as HTMLFormElement;
    if (deps.isOurs(event.composedPath()[0] ?? form) || clear()) return;
    const submitter = (event as SubmitEvent).submitter ?? null;
    decide(event, () => {
      if (form.isConnected) form.requestSubmit(submitter && submitter.isConnected ? submitter : undefined);
    });
  };

  function isFormField(el: Element): boolean {
    return el.closest('form') !== null || closestComposed(el, deps.adapter.fieldScope) !== null;
  }

  const opts = { capture: true, signal: deps.signal };
  view.addEventListener('click', onClick, opts);
  view.addEventListener('keydown', onKeydown, opts);
  view.addEventListener('submit', onSubmit, opts);

  return {
    /** The rep gave a valid reason: record it and let the stopped save go on, once. */
    confirmOverride(reason: string): void {
      const replay = waiting;
      if (!replay || reasonProblem(reason, deps.minReasonLength()) !== null) return;
      waiting = null;
      deps.onOverridden(reason);
      run(replay);
    },
    cancelOverride(): void {
      waiting = null;
      deps.onCancelled();
    },
  };
}
