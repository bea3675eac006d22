/**
 * The part of lib/detect the scanner calls, as structural types so the scanner can
 * be tested with an injected classifier and wired to lib/detect in the content
 * script (which fails to compile if the engine's signatures drift from these).
 * Classification is synchronous (a badge from a label appears at once); the text
 * search is asynchronous, so the engine behind it can live outside the content
 * script (the background answers it by message).
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

export interface Detector {
  classifyField(desc: FieldDescriptor): FieldVerdict;
  /** Displayed values of read-only fields, searched as text; answers in the same order. May be slow (a message round trip). */
  scanTexts(items: readonly TextItem[]): Promise<(readonly TextHit[])[]>;
}
