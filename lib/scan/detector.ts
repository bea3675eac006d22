/**
 * The part of lib/detect the scanner calls, as structural types so the scanner can
 * be tested with an injected classifier and wired to lib/detect in the content
 * script (which fails to compile if the engine's signatures drift from these).
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

export interface Detector {
  classifyField(desc: FieldDescriptor): FieldVerdict;
  scanText(text: string, opts?: { lang?: string }): readonly TextHit[];
}
