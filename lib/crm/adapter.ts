/**
 * One shape for every CRM adapter (lib/crm/salesforce.ts, hubspot.ts, generic.ts).
 * An adapter only reads the page: it names the record a URL shows and gathers a
 * plain description of each field. Judging what a field holds happens in
 * lib/detect ("collect, then classify"); walking shadow roots and frames happens
 * in lib/scan (one walk per page, the adapter's `walk` recognising fields on the way).
 */
import type { FieldDescriptor } from '../detect/field-descriptor';
import type { CrmId, RecordContext } from '../messages/record';
import { OPEN_ONLY, type ScanEnv } from '../scan/composed';
import { walkFields } from '../scan/walk';

export type { CrmId, RecordContext };

/** Where `collectFields` looks: a document, a shadow root, or a subtree that changed. */
export type ScanRoot = Document | ShadowRoot | Element;

export interface FieldCandidate {
  /** The element the field is tracked by and a badge is anchored to. */
  element: Element;
  /**
   * The element that wraps label and control (a Salesforce layout item, a HubSpot
   * property row); a change anywhere inside it rescans the field. Equals `element`
   * when the field has no wrapper.
   */
  scope: Element;
  descriptor: FieldDescriptor;
  /** The label as the rep reads it (also in `descriptor.label`), or '' when none is shown. */
  label: string;
  /**
   * Text of a read-only displayed value, for lib/scan to send to the detector's text search (`scanTexts`).
   * Never reported or logged; null for editable controls (the input guard reads those).
   */
  displayedText: string | null;
  editable: boolean;
  inShadowRoot: boolean;
  /**
   * The displayed value links to a person's record (a Salesforce lookup to a
   * Contact, Lead or User): whatever the field's API name says, the page shows
   * that person's name.
   */
  personLink?: boolean;
}

export const OUTREACH_CHANNELS = ['email', 'phone', 'meeting'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export interface OutreachControl {
  element: Element;
  channel: OutreachChannel;
}

/**
 * How an adapter recognises fields while the scanner walks a page once
 * (lib/scan/walk.ts). The walk visits every element of every root it reaches,
 * but hands the adapter only elements matching `selector` (pre-selected with one
 * native query per tree), so the per-element cost stays that of a bare
 * enumeration. A selected element outside any field scope goes to `enter`, which
 * either opens a scope there (then every selected element of its composed
 * subtree goes to `part`, and `finish` emits its candidates when the subtree is
 * done) or emits candidates of its own (a loose control, a table's columns).
 */
export interface FieldWalk<S> {
  /** Every element `enter` or `part` reacts to, as one selector list. */
  readonly selector: string;
  /**
   * What `part` reacts to, for the shadow trees inside a field scope (defaults to
   * `selector`). Every element of a searched tree is matched against each entry,
   * and a page of components has many small trees inside its fields: a shorter
   * list there is measurably cheaper.
   */
  readonly partSelector?: string;
  /** A selected element outside any open scope: a scope state, or null after emitting (or not) into `out`. */
  enter(el: Element, out: FieldCandidate[], env: ScanEnv): S | null;
  /** A selected element inside the composed subtree of an open scope (the scope element itself excluded). */
  part(state: S, el: Element, out: FieldCandidate[], env: ScanEnv): void;
  /** The scope's composed subtree has been walked: emit its candidates. */
  finish(state: S, out: FieldCandidate[], env: ScanEnv): void;
  /**
   * Shadow roots of these hosts hold no fields, no part of one, no frames and
   * nothing below them worth watching (icons, buttons, formatted outputs whose
   * text is read from the field around them): the walk reports such a root (it is
   * watched: a formatted output's text is a displayed value) but does not enter it.
   */
  inertHost?(host: Element): boolean;
}

export interface CrmAdapter {
  readonly id: CrmId;
  /** Whether this URL belongs to this adapter's CRM out of the box (policy hosts are decided by the registry). */
  matches(url: URL): boolean;
  /** The record the page shows; URL first, page where the URL is not enough. */
  context(url: URL, doc: Document): RecordContext;
  /** How the scanner's single walk recognises this CRM's fields. */
  readonly walk: FieldWalk<unknown>;
  /**
   * Every field in `root` and below it (shadow roots and same-origin frames
   * included): the walk run to the end. `root` counts as the top: a control inside
   * a field scope is reported on its own when the walk starts below that scope.
   */
  collectFields(root: ScanRoot, env?: ScanEnv): FieldCandidate[];
  /** Controls that save the record (for the input guard). */
  saveControls(root: ScanRoot): Element[];
  /** Controls that start an email, a call or a meeting (for the consent guard). */
  outreachControls(root: ScanRoot): OutreachControl[];
  /** The signed-in user's display name where the page shows it, else null. */
  currentUser(doc: Document): string | null;
  /** Selector of the element wrapping one field; a mutation inside it rescans the whole field. */
  readonly fieldScope: string;
}

/** Builds an adapter from its field walk; `collectFields` runs that walk to the end. */
export function defineAdapter<S>(spec: Omit<CrmAdapter, 'collectFields' | 'walk'> & { walk: FieldWalk<S> }): CrmAdapter {
  const walk = spec.walk as FieldWalk<unknown>;
  return { ...spec, walk, collectFields: (root, env = OPEN_ONLY) => walkFields(root, { walk, env }).candidates };
}
