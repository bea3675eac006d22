/**
 * List views (Salesforce `lightning-datatable`, HubSpot's index table, plain
 * tables): each column is one field, labelled by its header; the shown cells are
 * its displayed values. Reporting columns rather than cells keeps a 2,000-cell
 * list at a few dozen fields.
 */
import type { FieldCandidate } from './adapter';
import { inAnyShadow } from './query';
import { cleanText, composedText, type ScanEnv } from '../scan/composed';
import type { FieldDescriptor } from '../detect/field-descriptor';

/** Cells read per column for the value scan: enough to spot an IBAN column, bounded on long lists. */
const CELLS_PER_COLUMN = 25;

function headerLabel(th: Element, env: ScanEnv): string {
  const aria = cleanText(th.getAttribute('aria-label'));
  if (aria) return aria;
  const titled = th.querySelector('[title]');
  const title = cleanText(titled?.getAttribute('title'));
  if (title) return title;
  return cleanText(composedText(th, env, 200, (el) => el.matches('.slds-assistive-text, button, [aria-hidden="true"]')));
}

/** The columns of one table with a header row; none for a table without one. */
export function tableColumns(table: Element, env: ScanEnv, base: Partial<FieldDescriptor>): FieldCandidate[] {
  const out: FieldCandidate[] = [];
  const headerRow = table.querySelector('thead tr') ?? null;
  if (!headerRow) return out;
  const headers = Array.from(headerRow.children).filter((c) => c.tagName === 'TH' || c.tagName === 'TD');
  const rows = Array.from(table.querySelectorAll('tbody tr')).slice(0, CELLS_PER_COLUMN);
  headers.forEach((th, index) => {
    const label = headerLabel(th, env);
    if (!label) return;
    const values: string[] = [];
    for (const row of rows) {
      const cell = row.children[index];
      if (cell) values.push(composedText(cell, env, 500));
    }
    const descriptor: FieldDescriptor = { ...base, label, type: 'output' };
    const dataLabel = th.getAttribute('data-col-key-value') ?? th.getAttribute('data-column-key');
    if (dataLabel) descriptor.name = dataLabel.replace(/-.*$/, '');
    out.push({
      element: th,
      scope: table,
      descriptor,
      label,
      displayedText: values.join('\n'),
      editable: false,
      inShadowRoot: inAnyShadow(th),
    });
  });
  return out;
}
