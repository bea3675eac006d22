import { z } from 'zod';
import { KINDS } from '../detect/kinds';
import { CRM_IDS, VIEW_KINDS, PROBLEMS, SEVERITIES, type CrmId, type ViewKind } from './vocab';

export { CRM_IDS, VIEW_KINDS, PROBLEMS, SEVERITIES, type CrmId, type ViewKind };

export const crmIdSchema = z.enum(CRM_IDS);
export const viewKindSchema = z.enum(VIEW_KINDS);

const shortText = (max: number) => z.string().max(max);

/** Which record a page shows. `recordId` is null on list and new pages. */
export const recordContextSchema = z.object({
  crm: crmIdSchema,
  host: shortText(253),
  objectType: shortText(120).nullable(),
  recordId: shortText(120).nullable(),
  view: viewKindSchema,
});
export type RecordContext = z.infer<typeof recordContextSchema>;

export const kindSchema = z.enum(KINDS);

/** A detected personal-data field as the rep sees it (label as displayed, never the value). */
export const fieldReportSchema = z.object({
  label: shortText(300),
  kind: kindSchema,
  confidence: z.number().min(0).max(1),
  inShadowRoot: z.boolean(),
  reasonCode: shortText(40).optional(),
  editable: z.boolean().optional(),
});
export type FieldReport = z.infer<typeof fieldReportSchema>;

/** An active input warning; kinds and labels only, never the text that triggered it. */
export const warningReportSchema = z.object({
  fieldLabel: shortText(300),
  kind: kindSchema,
  problem: z.enum(PROBLEMS),
  severity: z.enum(SEVERITIES),
});
export type WarningReport = z.infer<typeof warningReportSchema>;
