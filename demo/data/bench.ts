/**
 * The benchmark record: one Salesforce record view with 2,000 fields, half
 * rendered by shadow-DOM LWC components and half as Aura-era light-DOM markup,
 * so a scan must walk both (issue 4, item 8).
 */
import type { Kind } from '../../lib/detect/kinds';
import { SF_IDS, type SfField, type SfObject, type SfRecord, type SfSection, type FieldValue } from './salesforce';

export const BENCH_FIELD_COUNT = 2000;
export const BENCH_SECTION_SIZE = 50;

interface Template {
  label: string;
  type: SfField['type'];
  kind: Kind | null;
  value: (i: number) => string;
}

const TEMPLATES: readonly Template[] = [
  { label: 'Email', type: 'email', kind: 'email', value: (i) => `person${i}@example-mail.de` },
  { label: 'Phone', type: 'phone', kind: 'phone', value: (i) => `+49 30 ${String(1000000 + i * 37).slice(0, 7)}` },
  { label: 'Order Number', type: 'text', kind: null, value: (i) => `ORD-${String(100000 + i)}` },
  // Rendered as text rather than lightning-formatted-date-time: 250 Intl formatters would dominate page load, not the scan being measured.
  { label: 'Birthdate', type: 'text', kind: 'birthdate', value: (i) => `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}` },
  { label: 'Status', type: 'text', kind: null, value: (i) => ['Open', 'Pending', 'Closed'][i % 3] ?? 'Open' },
  { label: 'Contact Name', type: 'text', kind: 'name', value: (i) => `Anna Schulz ${i}` },
  { label: 'Amount', type: 'text', kind: null, value: (i) => `EUR ${100 + i * 3}` },
  { label: 'Notes', type: 'textarea', kind: null, value: (i) => `Call back about shipment ${i} next week.` },
];

function benchField(i: number): SfField & { value: string } {
  const tpl = TEMPLATES[i % TEMPLATES.length] ?? TEMPLATES[0]!;
  return {
    api: `Field_${String(i + 1).padStart(4, '0')}__c`,
    label: { en: `${tpl.label} ${i + 1}`, de: `${tpl.label} ${i + 1}` },
    type: tpl.type,
    kind: tpl.kind,
    value: tpl.value(i),
  };
}

const FIELDS = Array.from({ length: BENCH_FIELD_COUNT }, (_, i) => benchField(i));

const SECTIONS: SfSection[] = [];
for (let s = 0; s * BENCH_SECTION_SIZE < BENCH_FIELD_COUNT; s++) {
  SECTIONS.push({
    id: `bench-${s + 1}`,
    title: { en: `Section ${s + 1}`, de: `Abschnitt ${s + 1}` },
    fields: FIELDS.slice(s * BENCH_SECTION_SIZE, (s + 1) * BENCH_SECTION_SIZE).map((f) => f.api),
    reveal: { kind: 'load' },
    lightDom: s % 2 === 1,
  });
}

export const benchObject: SfObject = {
  api: 'Bench_Record__c',
  label: { en: 'Bench Record', de: 'Benchmark-Datensatz' },
  plural: { en: 'Bench Records', de: 'Benchmark-Datensätze' },
  icon: 'custom',
  keyPrefix: 'a0C',
  nameField: 'Name',
  fields: [
    { api: 'Name', label: { en: 'Bench Record Name', de: 'Benchmark-Datensatzname' }, type: 'text', kind: null },
    ...FIELDS.map(({ value: _v, ...f }) => f),
  ],
  sections: SECTIONS,
  listColumns: ['Name'],
};

export function benchRecord(): SfRecord {
  const values: Record<string, FieldValue> = { Name: 'BR-2000 (2,000 fields)' };
  for (const f of FIELDS) values[f.api] = f.value;
  return { id: SF_IDS.bench, objectType: benchObject.api, values };
}
