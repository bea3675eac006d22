/**
 * The page-level record every demo app keeps on `window.__demoCrm`, so tests can
 * see exactly when the CRM's own save and outreach handlers ran, and with what.
 * Shared by the Salesforce and HubSpot apps; nothing here touches the extension.
 */

export type DemoCrm = 'salesforce' | 'hubspot';
export type SaveTrigger = 'button' | 'enter' | 'ctrl+s';
export type OutreachAction = 'email' | 'call' | 'meeting';

export interface DemoSave {
  crm: DemoCrm;
  objectType: string;
  recordId: string;
  /** field API name (Salesforce) or internal property name (HubSpot) to the value saved */
  fields: Record<string, string>;
  trigger: SaveTrigger;
  url: string;
  at: number;
}

export interface DemoOutreach {
  crm: DemoCrm;
  action: OutreachAction;
  /** the control's own label as the rep read it, e.g. "Log a Call" */
  label: string;
  objectType: string;
  recordId: string;
  at: number;
}

export interface DemoRoute {
  /** 'view' | 'edit' | 'new' | 'list' | 'home' | 'not-found' */
  view: string;
  objectType: string | null;
  recordId: string | null;
}

export interface DemoCrmState {
  crm: DemoCrm;
  /** Salesforce: 'synthetic' | 'native'; HubSpot: 'hubspot' */
  variant: string;
  lang: 'en' | 'de';
  saves: DemoSave[];
  outreach: DemoOutreach[];
  /** the route the app last finished rendering; tests wait on this after navigation */
  rendered: DemoRoute | null;
  /** bumps on every completed render, including re-renders of the same URL */
  renderCount: number;
  /** number of SPA navigations (pushState/popstate) handled without a reload */
  navigations: number;
  /** ms since navigation start when the delayed section of the current page appeared */
  delayedSectionAt: number | null;
}

declare global {
  interface Window {
    __demoCrm?: DemoCrmState;
  }
}

export function installRecorder(crm: DemoCrm, variant: string, lang: 'en' | 'de'): DemoCrmState {
  const state: DemoCrmState = {
    crm,
    variant,
    lang,
    saves: [],
    outreach: [],
    rendered: null,
    renderCount: 0,
    navigations: 0,
    delayedSectionAt: null,
  };
  window.__demoCrm = state;
  return state;
}

function state(): DemoCrmState {
  const s = window.__demoCrm;
  if (!s) throw new Error('demo CRM recorder not installed');
  return s;
}

export function recordSave(save: Omit<DemoSave, 'at' | 'url' | 'crm'>): DemoSave {
  const s = state();
  const entry: DemoSave = { ...save, crm: s.crm, url: location.href, at: Date.now() };
  s.saves.push(entry);
  return entry;
}

export function recordOutreach(o: Omit<DemoOutreach, 'at' | 'crm'>): void {
  const s = state();
  s.outreach.push({ ...o, crm: s.crm, at: Date.now() });
}

export function markRendered(route: DemoRoute): void {
  const s = state();
  s.rendered = route;
  s.renderCount += 1;
}

export function markNavigation(): void {
  state().navigations += 1;
}

export function markDelayedSection(): void {
  state().delayedSectionAt = Math.round(performance.now());
}

/** True when the keyboard event is the platform's save shortcut (Ctrl+S, or Cmd+S on macOS). */
export function isSaveShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';
}
