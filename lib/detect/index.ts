/**
 * Public API of the detection engine. Pure TypeScript: no DOM, no browser
 * APIs; runs in the content script, in node and from the CLI.
 */
export { KINDS, KIND_CLASS, KIND_CLASSES, classOf, isKind, type Kind, type KindClass } from './kinds';
export type { FieldDescriptor } from './field-descriptor';
export { classifyField, REASON_CODES, type FieldVerdict, type ReasonCode } from './classify-field';
export { scanText, scanTextWindow } from './scan';
export { RULE_IDS, type Finding, type RuleId, type ScanOptions } from './finding';
export { maskFinding, redactText, PLACEHOLDER } from './mask';
export { registeredRegexes } from './regex-registry';
