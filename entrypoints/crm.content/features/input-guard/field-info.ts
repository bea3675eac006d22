/**
 * What a guarded control is: its label and descriptor as the CRM adapter
 * collects them. Looked up once per control, at its first scan (never on a
 * keystroke); the kind the field is for comes from the classifier in the
 * background, asked with the first text scan.
 */
import type { CrmAdapter, FieldCandidate, ScanRoot } from '@/lib/crm/adapter';
import { controlDescriptor, standardLabel } from '@/lib/crm/labels';
import type { FieldDescriptor } from '@/lib/detect/field-descriptor';
import type { RecordContext } from '@/lib/messages/record';
import { closestComposed, containsComposed, type ScanEnv } from '@/lib/scan/composed';

export interface FieldInfo {
  label: string;
  descriptor: FieldDescriptor;
}

function matchIn(root: ScanRoot, el: Element, adapter: CrmAdapter, env: ScanEnv): FieldCandidate | null {
  const candidates = adapter.collectFields(root, env).filter((c) => c.editable);
  return (
    candidates.find((c) => c.element === el) ??
    candidates.find((c) => containsComposed(el, c.element) || containsComposed(c.element, el)) ??
    null
  );
}

export function describeControl(el: Element, adapter: CrmAdapter, env: ScanEnv, context: RecordContext | null): FieldInfo {
  // Smallest subtree first: the field's own scope, the control itself, its parent; the whole
  // document (or shadow root) only as the last resort, since collecting a page costs milliseconds.
  const scope = closestComposed(el, adapter.fieldScope);
  const tries: ScanRoot[] = [...(scope ? [scope] : []), el, ...(el.parentElement ? [el.parentElement] : []), el.getRootNode() as ScanRoot];
  let candidate: FieldCandidate | null = null;
  for (const root of tries) {
    candidate = matchIn(root, el, adapter, env);
    if (candidate) break;
  }
  const label = candidate?.label || standardLabel(el, env);
  const descriptor: FieldDescriptor = candidate ? { ...candidate.descriptor } : controlDescriptor(el, label);
  if (!descriptor.objectType && context?.objectType) descriptor.objectType = context.objectType;
  return { label, descriptor };
}
