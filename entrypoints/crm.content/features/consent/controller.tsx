/**
 * The consent feature's behaviour, separate from its wiring (index.ts) so it runs
 * under happy-dom: the panel on record pages, a chip per row on list views, and
 * the outreach guard on email / call / meeting controls.
 *
 * The guard listens to clicks in the capture phase on the window, so it sees a
 * click before the CRM's own handlers (shadow DOM included: clicks are composed).
 * A click it must judge is stopped; when it may go on (a grant arrived, or the
 * rep confirmed in warn mode) the original target is clicked again once, and that
 * second click is let through.
 */
import { render } from 'preact';
import type { CrmAdapter, RecordContext } from '@/lib/crm/adapter';
import type { ScanEnv } from '@/lib/scan/composed';
import type { Locale } from '@/lib/i18n/strings';
import type { ConsentEntry, ConsentLookupResult, LookupRef } from '@/lib/consent/result';
import { consentView } from '@/lib/consent/status';
import { decideOutreach, outreachAuditData, type AuditDecision, type GuardVerdict, type OutreachChannel } from '@/lib/consent/guard';
import { summarise, type ConsentSummary } from '@/lib/consent/summary';
import { ConsentPanel, type PanelState } from '@/components/consent/ConsentPanel';
import { ConsentChip } from '@/components/consent/ConsentChip';
import { GuardDialog, type GuardDialogState } from '@/components/consent/GuardDialog';
import { CHIP_CSS, DIALOG_CSS, PANEL_CSS } from '@/components/consent/styles';
import { OWN_TAG_PREFIX } from '../../page';
import { CHIP_TAG, plainSurface, type Surface, type SurfaceFactory } from './surface';
import { findRowRefs } from './rows';

export interface ConsentDeps {
  adapter: CrmAdapter;
  env: ScanEnv;
  /**
   * `cs:consent-lookup`; throws when the background cannot be reached. `emailSha256`
   * goes with a single record reference: the background asks by it when the service
   * knows nothing under the record id.
   */
  lookup(refs: LookupRef[], emailSha256?: string): Promise<ConsentLookupResult>;
  /** SHA-256 of the shown record's email address, once the page shows one; null when it has none. */
  recordEmailSha256?(): Promise<string | null>;
  audit(context: RecordContext | null, data: ReturnType<typeof outreachAuditData>): void;
  surface: SurfaceFactory;
  locale(): Locale;
  now?: () => number;
  /** How long after a stale answer the panel asks again (the background refreshes meanwhile). */
  recheckMs?: number;
  /** Shadow mode of list chips (default open). */
  chipShadowMode?: ShadowRootMode;
}

const PANEL_NAME = `${OWN_TAG_PREFIX.toLowerCase()}-consent-panel`;
const DIALOG_NAME = `${OWN_TAG_PREFIX.toLowerCase()}-consent-guard`;
/** Rechecks of a stale answer, as multiples of recheckMs: a slow failing refresh (timeouts, retries) still shows up. */
const RECHECK_FACTORS = [1, 3, 8, 20] as const;
/** The message protocol's limit per lookup. */
const MESSAGE_REFS = 500;

interface Known {
  result: ConsentLookupResult;
  entry: ConsentEntry;
}

function transportFailure(refs: LookupRef[]): ConsentLookupResult {
  // The background did not answer: nothing is known, so nothing may look granted, and the guard cannot know its mode.
  return { configured: true, display: null, results: refs.map((ref) => ({ ref, source: 'unavailable', fetchedAt: null, stale: false, problem: 'network', record: null })) };
}

function refOf(ctx: RecordContext): LookupRef | null {
  return ctx.recordId && ctx.objectType ? { crm: ctx.crm, objectType: ctx.objectType, recordId: ctx.recordId } : null;
}

const rowKey = (r: { crm: string; objectType: string; recordId: string }) => `${r.crm}/${r.objectType}/${r.recordId}`;

export function createConsentController(deps: ConsentDeps) {
  const now = deps.now ?? Date.now;
  const recheckMs = deps.recheckMs ?? 1500;
  let context: RecordContext | null = null;
  let paused = false;
  let generation = 0;

  // --- record panel ---
  let panel: Surface | null = null;
  let panelPending: Promise<Surface> | null = null;
  let panelState: PanelState = { kind: 'checking' };
  let collapsed = false;
  let record: Known | null = null;
  let recordPending: Promise<Known | null> | null = null;
  let recheck: ReturnType<typeof setTimeout> | null = null;

  // --- list chips ---
  const chips = new Map<Element, { surface: Surface; key: string }>();
  const rowEntries = new Map<string, Known>();
  const rowByElement = new WeakMap<Element, string>();
  const asked = new Set<string>();

  // --- guard ---
  let bypass: Element | null = null;

  async function ask(refs: LookupRef[], emailSha256?: string): Promise<ConsentLookupResult> {
    try {
      return await deps.lookup(refs, emailSha256);
    } catch {
      return transportFailure(refs);
    }
  }

  function paintPanel(): void {
    if (!panel) return;
    const locale = deps.locale();
    render(
      <ConsentPanel
        state={panelState}
        locale={locale}
        collapsed={collapsed}
        onToggle={() => {
          collapsed = !collapsed;
          paintPanel();
        }}
      />,
      panel.container,
    );
  }

  async function ensurePanel(gen: number): Promise<void> {
    panelPending ??= deps.surface(PANEL_NAME, PANEL_CSS);
    const surface = await panelPending;
    if (gen !== generation) return;
    panel = surface;
    paintPanel();
  }

  function removePanel(): void {
    if (recheck !== null) clearTimeout(recheck);
    recheck = null;
    const pending = panelPending;
    panelPending = null;
    panel = null;
    record = null;
    recordPending = null;
    void pending?.then((s) => s.remove());
  }

  function showRecord(ref: LookupRef, gen: number, attempt: number): void {
    const first = attempt === 0;
    if (first) {
      panelState = { kind: 'checking' };
      void ensurePanel(gen);
    }
    const pending = ask([ref]).then((result): Known | null => {
      if (gen !== generation) return null;
      const entry = result.results[0];
      if (!result.configured || !entry) {
        // No consent service configured: nothing to show, nothing to guard.
        removePanel();
        record = { result, entry: entry ?? transportFailure([ref]).results[0]! };
        return record;
      }
      const unknown = entry.record !== null && !entry.record.known && deps.recordEmailSha256 !== undefined;
      // A recheck that again finds nothing under the id keeps the email match on screen while it asks again.
      const keepEmailMatch = unknown && !first && record !== null && 'emailSha256' in record.entry.ref;
      if (!keepEmailMatch) {
        record = { result, entry };
        panelState = { kind: 'ready', view: consentView(entry, result.display, now()), problem: entry.problem };
        paintPanel();
      }
      if (unknown) void askByEmail(ref, gen);
      // A stale answer is being refreshed in the background: look again until it is fresh or the refresh failed.
      const wait = recheckMs * RECHECK_FACTORS[attempt]!;
      if (entry.stale && (first || entry.problem === null) && attempt < RECHECK_FACTORS.length) {
        recheck = setTimeout(() => gen === generation && showRecord(ref, gen, attempt + 1), wait);
      }
      return record;
    });
    if (first) recordPending = pending;
  }

  /** Nothing is held under the record id: ask again with the record's email digest, once the page shows the address. */
  async function askByEmail(ref: LookupRef, gen: number): Promise<void> {
    let digest: string | null = null;
    try {
      digest = (await deps.recordEmailSha256?.()) ?? null;
    } catch {
      return;
    }
    if (!digest || gen !== generation) return;
    const result = await ask([ref], digest);
    const entry = result.results[0];
    if (gen !== generation || !entry?.record?.known || !('emailSha256' in entry.ref)) return;
    record = { result, entry };
    panelState = { kind: 'ready', view: consentView(entry, result.display, now()), problem: entry.problem };
    paintPanel();
  }

  // --- chips ---
  function paintChip(el: Element): void {
    const chip = chips.get(el);
    if (!chip) return;
    const known = rowEntries.get(chip.key);
    const locale = deps.locale();
    if (!known) {
      render(<ConsentChip level="checking" ageSeconds={null} stale={false} locale={locale} />, chip.surface.container);
      return;
    }
    const view = consentView(known.entry, known.result.display, now());
    render(<ConsentChip level={view.chip} ageSeconds={view.ageSeconds} stale={view.stale} locale={locale} />, chip.surface.container);
  }

  function removeChips(): void {
    for (const { surface } of chips.values()) surface.remove();
    chips.clear();
    rowEntries.clear();
    asked.clear();
  }

  /** Finds rows, places missing chips, looks up records not asked for yet. */
  function scanList(): void {
    if (paused || !context || context.view !== 'list') return;
    const gen = generation;
    const rows = findRowRefs(deps.adapter, deps.env, context);
    const live = new Set<Element>();
    const toAsk: LookupRef[] = [];
    for (const { row, anchor, ref } of rows) {
      const key = rowKey(ref);
      rowByElement.set(row, key);
      let host = row.querySelector(CHIP_TAG);
      if (!host || !chips.has(host)) {
        host?.remove();
        host = document.createElement(CHIP_TAG);
        anchor.after(host);
        chips.set(host, { surface: plainSurface(host as HTMLElement, CHIP_CSS, deps.chipShadowMode), key });
      } else chips.get(host)!.key = key;
      live.add(host);
      paintChip(host);
      if (!asked.has(key)) {
        asked.add(key);
        toAsk.push(ref);
      }
    }
    for (const [host, chip] of chips) {
      if (!live.has(host) || !host.isConnected) {
        chip.surface.remove();
        chips.delete(host);
      }
    }
    for (let i = 0; i < toAsk.length; i += MESSAGE_REFS) {
      const chunk = toAsk.slice(i, i + MESSAGE_REFS);
      void ask(chunk).then((result) => {
        if (gen !== generation) return;
        result.results.forEach((entry, j) => {
          const ref = chunk[j];
          if (ref && 'recordId' in ref && ref.objectType && ref.recordId) rowEntries.set(rowKey({ crm: ref.crm, objectType: ref.objectType, recordId: ref.recordId }), { result, entry });
        });
        for (const host of chips.keys()) paintChip(host);
      });
    }
  }

  // --- guard ---
  let dialogPending: Promise<Surface> | null = null;
  /** Bumped on every close, so a dialog whose surface arrives after it was closed is not drawn. */
  let dialogEpoch = 0;

  function closeDialog(): void {
    dialogEpoch++;
    const pending = dialogPending;
    dialogPending = null;
    void pending?.then((s) => s.remove());
  }

  async function openDialog(state: GuardDialogState, onProceed: () => void, onCancel: () => void): Promise<void> {
    const epoch = dialogEpoch;
    dialogPending ??= deps.surface(DIALOG_NAME, DIALOG_CSS);
    const surface = await dialogPending;
    if (epoch !== dialogEpoch) return;
    render(<GuardDialog state={state} locale={deps.locale()} onProceed={onProceed} onCancel={onCancel} />, surface.container);
  }

  function controlOf(path: EventTarget[]): { control: Element; channel: OutreachChannel } | null {
    const roots = new Set<Document | ShadowRoot>();
    for (const node of path) if (node instanceof Element) roots.add(node.getRootNode() as Document | ShadowRoot);
    const controls = new Map<Element, OutreachChannel>();
    for (const root of roots) for (const c of deps.adapter.outreachControls(root)) controls.set(c.element, c.channel);
    for (const node of path) {
      if (!(node instanceof Element)) continue;
      const channel = controls.get(node);
      if (channel) return { control: node, channel };
    }
    return null;
  }

  /** The consent behind a click: the record page's, or the list row's. */
  function consentFor(path: EventTarget[]): { known: Known | null; pending: Promise<Known | null> | null; ctx: RecordContext | null } | null {
    if (!context) return null;
    if (context.recordId) return { known: record, pending: record ? null : recordPending, ctx: context };
    if (context.view !== 'list') return null;
    for (const node of path) {
      if (!(node instanceof Element)) continue;
      const key = rowByElement.get(node);
      if (key) return { known: rowEntries.get(key) ?? null, pending: null, ctx: context };
    }
    return null;
  }

  function replay(target: EventTarget | undefined, control: Element): void {
    bypass = control;
    if (target instanceof HTMLElement) target.click();
    else if (control instanceof HTMLElement) control.click();
    bypass = null;
  }

  function judge(verdict: GuardVerdict, ctx: RecordContext | null, target: EventTarget | undefined, control: Element, stopped: boolean): void {
    const audit = (decision: AuditDecision) => deps.audit(ctx, outreachAuditData(verdict, decision));
    if (verdict.action === 'allow') {
      closeDialog();
      audit('allowed');
      if (stopped) replay(target, control);
      return;
    }
    if (verdict.action === 'block') {
      audit('blocked');
      void openDialog({ kind: 'block', channel: verdict.channel, status: verdict.status }, closeDialog, closeDialog);
      return;
    }
    void openDialog(
      { kind: 'confirm', channel: verdict.channel, status: verdict.status },
      () => {
        closeDialog();
        audit('overridden');
        replay(target, control);
      },
      () => {
        closeDialog();
        audit('warned');
      },
    );
  }

  function onClick(event: MouseEvent): void {
    if (paused || !context) return;
    const path = event.composedPath();
    if (path.some((n) => n instanceof Element && n.tagName.startsWith(OWN_TAG_PREFIX))) return;
    const hit = controlOf(path);
    if (!hit) return;
    if (bypass && (bypass === hit.control || path.includes(bypass))) return;
    const consent = consentFor(path);
    if (!consent) return;
    const target = path[0];
    const decide = (known: Known | null, stopped: boolean) => {
      // No consent service configured (or the row was never looked up): the guard has nothing to judge by.
      if (!known || !known.result.configured) {
        if (stopped) {
          closeDialog();
          replay(target, hit.control);
        }
        return;
      }
      const mode = known.result.display?.outreachGuard ?? 'block';
      judge(decideOutreach(known.entry, hit.channel, mode, now()), consent.ctx, target, hit.control, stopped);
    };
    if (consent.known) {
      const mode = consent.known.result.display?.outreachGuard ?? 'block';
      if (!consent.known.result.configured || decideOutreach(consent.known.entry, hit.channel, mode, now()).action === 'allow') {
        decide(consent.known, false);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      decide(consent.known, true);
      return;
    }
    if (!consent.pending) return;
    // The answer is still on its way: hold the click until it is here.
    event.preventDefault();
    event.stopImmediatePropagation();
    let cancelled = false;
    void openDialog({ kind: 'checking', channel: hit.channel }, closeDialog, () => {
      cancelled = true;
      closeDialog();
    });
    void consent.pending.then((known) => {
      if (!cancelled) decide(known, true);
    });
  }

  return {
    onClick,
    setContext(next: RecordContext | null): void {
      const prevKey = context ? `${context.crm}/${context.objectType}/${context.recordId}/${context.view === 'list'}` : null;
      const nextKey = next ? `${next.crm}/${next.objectType}/${next.recordId}/${next.view === 'list'}` : null;
      context = next;
      if (prevKey === nextKey && !paused) {
        if (next?.view === 'list') scanList();
        return;
      }
      generation++;
      removePanel();
      removeChips();
      closeDialog();
      if (paused || !next) return;
      const ref = next.view === 'record' || next.view === 'edit' ? refOf(next) : null;
      if (ref) showRecord(ref, generation, 0);
      else if (next.view === 'list') scanList();
    },
    setPaused(value: boolean): void {
      if (value === paused) return;
      paused = value;
      const ctx = context;
      context = null;
      generation++;
      removePanel();
      removeChips();
      closeDialog();
      if (!paused) this.setContext(ctx);
      else context = ctx;
    },
    /** Call when the list's DOM changed (rows added, re-rendered). */
    rescanList: scanList,
    /** For diagnostics: what the panel shows for the current record. */
    summary(): ConsentSummary | null {
      if (!context?.recordId || !record) return null;
      return summarise(record.entry, record.result.configured, record.result.display, now());
    },
    /** Resolves when the current record's lookup has been answered (tests, benchmark). */
    settled(): Promise<unknown> {
      return recordPending ?? Promise.resolve();
    },
    dispose(): void {
      generation++;
      removePanel();
      removeChips();
      closeDialog();
    },
  };
}

export type ConsentController = ReturnType<typeof createConsentController>;
