/**
 * The part of lib/detect the scanner calls, as structural types so the scanner can
 * be tested with an injected classifier and wired to lib/detect in the content
 * script (which fails to compile if the engine's signatures drift from these).
 * A detector classifies in process (`classifyField`, synchronous: tests, tools)
 * or out of process (`classifyFields`, asynchronous: the content script asks the
 * background, so the engine stays out of the injected script); the text search is
 * always asynchronous.
 */
import type { FieldDescriptor } from '../detect/field-descriptor';
import type { Kind } from '../detect/kinds';

export interface FieldVerdict {
  kind: Kind | null;
  confidence: number;
  reasonCode: string;
  reason: string;
  evidence?: string;
}

export interface TextHit {
  kind: Kind;
  start: number;
  end: number;
  confidence: number;
  rule: string;
}

export interface TextItem {
  text: string;
  lang?: string;
}

interface TextSearch {
  /** Displayed values of read-only fields, searched as text; answers in the same order. May be slow (a message round trip). */
  scanTexts(items: readonly TextItem[]): Promise<(readonly TextHit[])[]>;
}

/** Classifies in process: fields are judged during the walk. */
export interface LocalDetector extends TextSearch {
  classifyField(desc: FieldDescriptor): FieldVerdict;
  classifyFields?: never;
}

/** Classifies out of process: verdicts come back later, remembered per descriptor so rescans are immediate. */
export interface RemoteDetector extends TextSearch {
  classifyField?: never;
  /** Verdicts in request order; may be slow (a message round trip) or reject (background unreachable). */
  classifyFields(descs: readonly FieldDescriptor[]): Promise<readonly FieldVerdict[]>;
}

export type Detector = LocalDetector | RemoteDetector;
