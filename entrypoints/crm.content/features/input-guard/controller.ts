/**
 * The input guard in a page: watches typing, paste and drop in every text
 * control (light DOM, open and closed shadow roots), rescans only what changed,
 * shows the warning panel next to the field, applies the rep's fixes and gates
 * saving. DOM-only: browser APIs (messaging, shadow-root UI) come in through
 * `GuardDeps`, so it runs under happy-dom as in the browser.
 *
 * Nothing here ever changes a field on its own: the only writes are the fixes a
 * rep clicks. Typed text never leaves this module; audit events carry kinds,
 * rules and labels.
 */
import type { CrmAdapter } from '@/lib/crm/adapter';
import type { Finding } from '@/lib/detect/finding';
import type { FieldDescriptor } from '@/lib/detect/field-descriptor';
import type { Kind } from '@/lib/detect/kinds';
import { decideProblems, type Problem } from '@/lib/guard/problems';
import type { Locale } from '@/lib/i18n/strings';
import type { RecordContext, WarningReport } from '@/lib/messages/record';
import type { ContentAuditData, TextFinding } from '@/lib/messages/protocol';
import type { GuardSettings } from '@/lib/guard/policy';
import { closestComposed, type ScanEnv } from '@/lib/scan/composed';
import type { GuardPanelProps, ProblemView, Prompt } from '@/components/guard/GuardPanel';
import { guardStrings } from '@/components/guard/strings';
import { kindStrings } from '@/components/common/kind-strings';
import { describeControl, type FieldInfo } from './field-info';
import { readText, replaceText, textControlAt, type TextControl } from './field-text';
import { createSaveGate } from './save-gate';

export type GuardAuditEvent = 'input.warning_shown' | 'input.fixed' | 'input.save_blocked' | 'input.overridden';
/** Kinds, rules, labels, modes and decisions only: never a value or typed text. */
export type GuardAuditData = ContentAuditData;

/** Where the panel of one field is rendered. */
export interface PanelHost {
  render(props: GuardPanelProps): void;
  remove(): void;
  /** The element the panel lives in (events from it are ours, not the rep's typing). */
  readonly host: Element | null;
}

export interface GuardDeps {
  doc: Document;
  adapter: CrmAdapter;
  env: ScanEnv;
  policy(): GuardSettings;
  context(): RecordContext | null;
  locale(): Locale;
  audit(event: GuardAuditEvent, data: GuardAuditData): void;
  mountPanel(anchor: Element): PanelHost;
  /**
   * Search a field's text (findings with their masked forms). The engine runs in the
   * background, so this is a round trip; it rejects when the background is unreachable.
   */
  scanText(text: string, lang: string | undefined): Promise<TextFinding[]>;
  /** The kind the field is meant for (by its label, name, type), from the classifier in the background. */
  fieldKind(descriptor: FieldDescriptor): Promise<Kind | null>;
  /** Active warnings changed (feeds the page state for diagnostics). */
  onWarningsChanged?(): void;
  /** Quiet time after the last keystroke before a rescan. */
  debounceMs?: number;
  /** Save controls the adapter may not know (e.g. HubSpot's "Save note"). */
  extraSaveSelectors?: readonly string[];
  signal: AbortSignal;
}

interface FieldState {
  el: TextControl;
  info: FieldInfo | null;
  /** What the field is for; undefined until the classifier answered. */
  fieldKind: Kind | null | undefined;
  /** The text `findings` were computed for (offsets refer to it). */
  text: string;
  findings: TextFinding[];
  /** Whether `findings` belong to `text` (false until the first answer). */
  scanned: boolean;
  problems: Problem[];
  timer: ReturnType<typeof setTimeout> | null;
  /** The scan waiting for its answer; a newer scan replaces it and its answer is dropped. */
  inflight: Promise<void> | null;
  seq: number;
  /** performance.now() when the pending scan is due. */
  due: number;
  panel: PanelHost | null;
  prompt: Prompt;
  notice: string | null;
  announcement: string;
  /** kind:rule already announced and audited while it stays in the field. */
  shown: Set<string>;
  /** Problem signatures the rep overrode with a reason. */
  overridden: Set<string>;
}

/** Starts with the page model's own-tag prefix, so page scans and observers skip the panel. */
export const GUARD_HOST_TAG = 'crm-privacy-guard-input-warning';

const signature = (p: Problem, text: string) => `${p.kind}:${p.rule}:${text.slice(p.start, p.end)}`;

export function createInputGuard(deps: GuardDeps) {
  const { doc, env, signal } = deps;
  const debounceMs = deps.debounceMs ?? 250;
  const fields = new Map<TextControl, FieldState>();
  const byEl = new WeakMap<Element, FieldState>();
  const view = doc.defaultView!;

  const isOurs = (node: EventTarget | null): boolean => {
    if (!node || (node as Node).nodeType !== 1) return false;
    return closestComposed(node as Element, GUARD_HOST_TAG) !== null;
  };

  /** Controls already seen, with whether they are ours; asked on every keystroke, so answered from memory. */
  const ownership = new WeakMap<Element, boolean>();
  /** Event targets already resolved to the control typed into (an editor host for its own input events). */
  const controls = new WeakMap<Element, TextControl>();

  /** The control an event is about, also inside closed shadow roots (where the event is retargeted to the host). */
  function controlOf(event: Event): TextControl | null {
    // event.target, not composedPath(): the path costs a wrapper per ancestor in the isolated world, on
    // every keystroke. At the window the target is the outermost shadow host; activeElement leads inside.
    const first = event.target as Element | null;
    if (!first || first.nodeType !== 1) return null;
    const known = controls.get(first);
    if (known && (known as HTMLInputElement).readOnly !== true) return known;
    let ours = ownership.get(first);
    if (ours === undefined) {
      ours = isOurs(first);
      ownership.set(first, ours);
    }
    if (ours) return null;
    let el = first as Element;
    for (let depth = 0; depth < 32; depth++) {
      const shadow = env.shadowOf(el);
      const inner = shadow?.activeElement;
      if (!inner || inner === el) break;
      el = inner;
    }
    const control = textControlAt(el);
    if (control && el === first) controls.set(first, control);
    return control;
  }

  function stateFor(el: TextControl): FieldState {
    let state = byEl.get(el);
    if (!state) {
      state = { el, info: null, fieldKind: undefined, text: '', findings: [], scanned: false, problems: [], timer: null, inflight: null, seq: 0, due: 0, panel: null, prompt: null, notice: null, announcement: '', shown: new Set(), overridden: new Set() };
      byEl.set(el, state);
      fields.set(el, state);
    }
    return state;
  }

  /**
   * Scan after `delay` ms without input. A keystroke only moves the due time; the one
   * timer re-arms itself when it fires early, so typing costs no timer churn.
   */
  function schedule(state: FieldState, delay: number): void {
    const due = performance.now() + delay;
    if (state.timer !== null && due >= state.due) {
      state.due = due;
      return;
    }
    if (state.timer !== null) clearTimeout(state.timer);
    state.due = due;
    const arm = (ms: number) => {
      state.timer = setTimeout(() => {
        const left = state.due - performance.now();
        if (left > 1) {
          arm(left);
          return;
        }
        state.timer = null;
        void scan(state);
      }, ms);
    };
    arm(delay);
  }

  const done = Promise.resolve();

  /** Search the field's current text and judge it; resolves once the answer is applied (or dropped as stale). */
  function scan(state: FieldState): Promise<void> {
    if (signal.aborted) return done;
    if (!state.el.isConnected) {
      drop(state);
      return done;
    }
    state.info ??= describeControl(state.el, deps.adapter, env, deps.context());
    const text = readText(state.el);
    if (state.scanned && text === state.text && state.inflight === null) {
      judge(state);
      return done;
    }
    const seq = ++state.seq;
    const kind = state.fieldKind !== undefined ? Promise.resolve(state.fieldKind) : deps.fieldKind(state.info.descriptor);
    const job = Promise.all([deps.scanText(text, state.info.descriptor.lang), kind]).then(
      ([findings, fieldKind]) => {
        state.fieldKind = fieldKind;
        if (seq !== state.seq || signal.aborted) return;
        state.findings = findings;
        state.text = text;
        state.scanned = true;
        if (state.notice === unavailable()) state.notice = null;
        judge(state);
      },
      () => {
        if (seq !== state.seq || signal.aborted) return;
        // Keep what was known; say so instead of pretending the text is clean.
        state.notice = unavailable();
        render(state);
      },
    );
    const tracked = job.finally(() => {
      if (state.inflight === tracked) state.inflight = null;
    });
    state.inflight = tracked;
    return tracked;
  }

  const unavailable = () => guardStrings.t('check_unavailable', undefined, deps.locale());

  function judge(state: FieldState): void {
    if (!state.info || state.fieldKind === undefined) return;
    const problems = decideProblems(state.findings as readonly Finding[], { descriptor: state.info.descriptor, fieldKind: state.fieldKind }, deps.context(), deps.policy());
    setProblems(state, problems);
  }

  function setProblems(state: FieldState, problems: Problem[]): void {
    const before = state.problems;
    state.problems = problems;
    const present = new Set(problems.map((p) => `${p.kind}:${p.rule}`));
    const fresh = problems.filter((p) => !state.shown.has(`${p.kind}:${p.rule}`));
    for (const key of [...state.shown]) if (!present.has(key)) state.shown.delete(key);
    for (const p of fresh) {
      const key = `${p.kind}:${p.rule}`;
      if (state.shown.has(key)) continue;
      state.shown.add(key);
      deps.audit('input.warning_shown', { ...about(state, p), mode: p.severity, decision: 'warned' });
    }
    if (fresh.length > 0) {
      const locale = deps.locale();
      const first = fresh[0]!;
      const summary = guardStrings.t('found_in', { kind: kindStrings.t(first.kind, undefined, locale), field: label(state) }, locale);
      const severity = guardStrings.t(first.severity === 'warn' ? 'severity_warn' : first.severity === 'block' ? 'severity_block' : 'severity_override', undefined, locale);
      state.announcement = guardStrings.t('announce', { summary, severity }, locale);
    }
    if (problems.length === 0) state.prompt = null;
    render(state);
    if (before.length !== problems.length || fresh.length > 0 || before.some((p, i) => p.kind !== problems[i]?.kind || p.severity !== problems[i]?.severity)) deps.onWarningsChanged?.();
  }

  const label = (state: FieldState) => state.info?.label ?? '';
  const FIELD_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
  const about = (state: FieldState, p: Problem): GuardAuditData => {
    const apiName = state.info?.descriptor.apiName;
    return { kind: p.kind, rule: p.rule, fieldLabel: label(state).slice(0, 200), ...(apiName && FIELD_ID.test(apiName) ? { field: apiName } : {}) };
  };

  function views(state: FieldState): ProblemView[] {
    return state.problems.map((p, i) => ({
      id: `${i}:${p.start}:${p.end}:${p.kind}`,
      kind: p.kind,
      problem: p.problem,
      reason: p.reason,
      severity: p.severity,
      masked: maskedOf(state, p),
    }));
  }

  /** The background's masked form of a problem's span. */
  function maskedOf(state: FieldState, p: { kind: string; start: number; end: number }): string {
    return state.findings.find((f) => f.start === p.start && f.end === p.end && f.kind === p.kind)?.masked ?? '••••';
  }

  function render(state: FieldState): void {
    if (state.problems.length === 0 && !state.notice) {
      if (state.panel) {
        // Keep the live region long enough to announce a fix, then go away without moving anything.
        state.panel.render(panelProps(state));
      }
      return;
    }
    state.panel ??= deps.mountPanel(state.el);
    state.panel.render(panelProps(state));
  }

  function panelProps(state: FieldState): GuardPanelProps {
    return {
      fieldLabel: label(state),
      problems: views(state),
      prompt: state.prompt,
      announcement: state.announcement,
      notice: state.notice,
      locale: deps.locale(),
      onFix: (id, how) => void fix(state, id, how),
      onOverride: (reason) => gate.confirmOverride(reason),
      onCancel: () => gate.cancelOverride(),
    };
  }

  async function fix(state: FieldState, id: string, how: 'mask' | 'remove'): Promise<void> {
    const index = views(state).findIndex((v) => v.id === id);
    const p = state.problems[index];
    if (!p) return;
    // The text may have changed since the last scan: fix against what the field holds now.
    if (state.timer !== null) {
      clearTimeout(state.timer);
      state.timer = null;
      await scan(state);
    } else if (state.inflight) await state.inflight;
    if (signal.aborted) return;
    if (readText(state.el) !== state.text) await scan(state);
    const locale = deps.locale();
    const current = state.problems.find((q) => q.kind === p.kind && q.rule === p.rule && q.start === p.start) ?? state.problems.find((q) => q.kind === p.kind && q.rule === p.rule);
    const expected = current ? state.text.slice(current.start, current.end) : '';
    const replacement = current ? (how === 'mask' ? maskedOf(state, current) : '') : '';
    const ok = current ? replaceText(state.el, current.start, current.end, replacement, expected) : false;
    if (!ok || !current) {
      state.notice = guardStrings.t('fix_failed', undefined, locale);
      state.announcement = state.notice;
      render(state);
      return;
    }
    deps.audit('input.fixed', { ...about(state, current), mode: current.severity, decision: how === 'mask' ? 'masked' : 'removed' });
    state.notice = null;
    state.announcement = guardStrings.t('fixed', { kind: kindStrings.t(current.kind, undefined, locale), action: guardStrings.t(how === 'mask' ? 'action_masked' : 'action_removed', undefined, locale) }, locale);
    await scan(state);
  }

  function drop(state: FieldState): void {
    if (state.timer !== null) clearTimeout(state.timer);
    state.panel?.remove();
    fields.delete(state.el);
    byEl.delete(state.el);
    if (state.problems.length > 0) deps.onWarningsChanged?.();
  }

  /** Run pending scans now and wait for every answer (before a save, before a state report). */
  async function flush(): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const state of [...fields.values()]) {
      if (state.timer !== null) {
        clearTimeout(state.timer);
        state.timer = null;
        jobs.push(scan(state));
      } else if (state.inflight) jobs.push(state.inflight);
    }
    await Promise.all(jobs);
  }

  /** No scan is due or waiting for its answer: the problems describe what the fields hold. */
  function settled(): boolean {
    for (const state of fields.values()) if (state.timer !== null || state.inflight !== null) return false;
    return true;
  }

  /** Problems a save would store: connected fields, minus what the rep already overrode. */
  function openProblems(): { state: FieldState; problem: Problem }[] {
    const out: { state: FieldState; problem: Problem }[] = [];
    for (const state of [...fields.values()]) {
      if (!state.el.isConnected) {
        drop(state);
        continue;
      }
      for (const problem of state.problems) if (!state.overridden.has(signature(problem, state.text))) out.push({ state, problem });
    }
    return out;
  }

  const gate = createSaveGate({
    doc,
    env,
    adapter: deps.adapter,
    extraSaveSelectors: deps.extraSaveSelectors ?? [],
    signal,
    isOurs,
    pending: () => openProblems().map(({ problem }) => problem),
    settled,
    settle: flush,
    minReasonLength: () => deps.policy().override.minReasonLength,
    onWarnSave: () => {
      for (const { state, problem } of openProblems()) deps.audit('input.warning_shown', { ...about(state, problem), mode: problem.severity, decision: 'allowed' });
    },
    onBlock: () => {
      const open = openProblems();
      for (const { state, problem } of open) if (problem.severity === 'block') deps.audit('input.save_blocked', { ...about(state, problem), mode: 'block', decision: 'blocked' });
      showPrompt(open, { type: 'blocked' });
    },
    onAskReason: (minLength) => showPrompt(openProblems(), { type: 'override', minLength }),
    onOverridden: (reason) => {
      for (const { state, problem } of openProblems()) {
        deps.audit('input.overridden', { ...about(state, problem), mode: problem.severity, decision: 'overridden', reason });
        state.overridden.add(signature(problem, state.text));
      }
      clearPrompts();
    },
    onCancelled: () => clearPrompts(),
  });

  function showPrompt(open: { state: FieldState }[], prompt: Prompt): void {
    clearPrompts();
    const target = open[0]?.state;
    if (!target) return;
    target.prompt = prompt;
    if (prompt?.type === 'blocked') target.announcement = guardStrings.t('blocked', undefined, deps.locale());
    render(target);
  }

  function clearPrompts(): void {
    for (const state of fields.values()) {
      if (state.prompt === null) continue;
      state.prompt = null;
      render(state);
    }
  }

  const onInput = (event: Event) => {
    const el = controlOf(event);
    if (!el) return;
    const state = stateFor(el);
    const type = (event as InputEvent).inputType ?? '';
    // Pasted and dropped text is checked at once; typing waits for a pause.
    schedule(state, type === 'insertFromPaste' || type === 'insertFromDrop' ? 0 : debounceMs);
  };
  const onPasteOrDrop = (event: Event) => {
    const el = controlOf(event);
    if (!el) return;
    // The text lands after this event; the input event that follows (or this fallback) scans it.
    schedule(stateFor(el), 0);
  };
  const opts = { capture: true, passive: true, signal };
  view.addEventListener('input', onInput, opts);
  view.addEventListener('paste', onPasteOrDrop, opts);
  view.addEventListener('drop', onPasteOrDrop, opts);

  signal.addEventListener('abort', () => {
    for (const state of [...fields.values()]) drop(state);
  });

  return {
    /** Active warnings for the page state (labels and kinds only). */
    warnings(): WarningReport[] {
      const out: WarningReport[] = [];
      const seen = new Set<string>();
      for (const state of fields.values()) {
        if (!state.el.isConnected) continue;
        for (const p of state.problems) {
          const key = `${label(state)}\u0000${p.kind}\u0000${p.problem}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ fieldLabel: label(state).slice(0, 300), kind: p.kind, problem: p.problem, severity: p.severity });
        }
      }
      return out;
    },
    /** Re-judge every watched field, e.g. after the policy changed. */
    refresh(): void {
      for (const state of [...fields.values()]) void scan(state);
    },
    flush,
    settled,
  };
}

export type InputGuard = ReturnType<typeof createInputGuard>;
