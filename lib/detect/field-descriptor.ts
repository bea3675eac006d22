/**
 * A plain description of one CRM field, collected from the DOM by an adapter and
 * judged by the pure classifier. No DOM references: it must survive structured
 * cloning and run in node.
 */
export interface FieldDescriptor {
  label?: string;
  name?: string;
  id?: string;
  placeholder?: string;
  autocomplete?: string;
  ariaLabel?: string;
  /** input type, or 'textarea' / 'select-one' / 'contenteditable' / 'output' for displayed values */
  type?: string;
  /** heading of the surrounding section, e.g. "Contact Information" */
  section?: string;
  /** CRM field API name where known: Salesforce `Birthdate`, `Religion__c`; HubSpot `date_of_birth` */
  apiName?: string;
  /** BCP 47 language of the page or label, e.g. 'de' */
  lang?: string;
  /** CRM object type, e.g. 'Contact', 'Account', '0-1' */
  objectType?: string;
}

/** Every descriptor field, in a fixed order: a key must not depend on the order an adapter set them in. */
const KEY_FIELDS: Readonly<Record<keyof FieldDescriptor, true>> = {
  label: true,
  name: true,
  id: true,
  placeholder: true,
  autocomplete: true,
  ariaLabel: true,
  type: true,
  section: true,
  apiName: true,
  lang: true,
  objectType: true,
};
export const DESCRIPTOR_FIELDS = Object.keys(KEY_FIELDS) as (keyof FieldDescriptor)[];

/**
 * A descriptor's identity for verdict memos: each field length-prefixed (so no page
 * text can make two descriptors collide), '-' for an absent one. Cheaper than
 * JSON.stringify of a spread copy, which showed up in the scan's CPU profile.
 */
export function descriptorKey(desc: FieldDescriptor): string {
  let key = '';
  for (const field of DESCRIPTOR_FIELDS) {
    const value = desc[field];
    key += value === undefined ? '-' : `${value.length}:${value}`;
  }
  return key;
}
