/**
 * One shape for every CRM adapter (lib/crm/salesforce.ts, hubspot.ts, generic.ts).
 * An adapter only reads the page: it names the record a URL shows and gathers a
 * plain description of each field. Judging what a field holds happens in
 * lib/detect ("collect, then classify"); walking shadow roots and frames happens
 * in lib/scan, which calls `collectFields` once per root it reaches.
 */
import type { FieldDescriptor } from '../detect/field-descriptor';
import type { CrmId, RecordContext } from '../messages/record';
import type { ScanEnv } from '../scan/composed';

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
   * Text of a read-only displayed value, for lib/scan to search with scanText.
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

export interface CrmAdapter {
  readonly id: CrmId;
  /** Whether this URL belongs to this adapter's CRM out of the box (policy hosts are decided by the registry). */
  matches(url: URL): boolean;
  /** The record the page shows; URL first, page where the URL is not enough. */
  context(url: URL, doc: Document): RecordContext;
  /**
   * Fields whose control or value lives in `root`'s own tree (shadow roots below it
   * are separate roots); labels are found across shadow boundaries.
   */
  collectFields(root: ScanRoot, env?: ScanEnv): FieldCandidate[];
  /** The same fields one at a time, so a long first scan can pause between them. */
  iterateFields(root: ScanRoot, env?: ScanEnv): Iterable<FieldCandidate>;
  /** Controls that save the record (for the input guard). */
  saveControls(root: ScanRoot): Element[];
  /** Controls that start an email, a call or a meeting (for the consent guard). */
  outreachControls(root: ScanRoot): OutreachControl[];
  /** The signed-in user's display name where the page shows it, else null. */
  currentUser(doc: Document): string | null;
  /** Selector of the element wrapping one field; a mutation inside it rescans the whole field. */
  readonly fieldScope: string;
  /**
   * Shadow roots of these hosts never hold fields (icons, buttons, formatted
   * outputs whose text is read from the field around them): the scanner still
   * watches them but does not look for fields inside. Speeds up large pages.
   */
  inertHost?(host: Element): boolean;
}

/** Builds an adapter from its field iterator; `collectFields` is the iterator drained. */
export function defineAdapter(spec: Omit<CrmAdapter, 'collectFields'>): CrmAdapter {
  return { ...spec, collectFields: (root, env) => [...spec.iterateFields(root, env)] };
}
