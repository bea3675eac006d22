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
