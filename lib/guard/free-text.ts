/**
 * Which fields count as free text (notes, descriptions, comments): the place
 * where policy's `neverInFreeText` applies and where reps paste whole e-mails.
 */
import type { FieldDescriptor } from '../detect/field-descriptor';

/** Whole-word note vocabulary in the languages the engine reads; single alternation, linear time. */
const NOTE_WORDS =
  /\b(?:description|notes?|comments?|remarks?|details|summary|body|message|beschreibung|notize?n?|kommentare?|bemerkunge?n?|anmerkunge?n?|nachricht|zusammenfassung|commentaires?|remarques?|notas?|comentarios?|descripci[oó]n|note|commenti|descrizione|opmerkingen|omschrijving)\b/i;

/** API-name hints: Salesforce `Description`, `Notes__c`; HubSpot `hs_note_body`, `message`. */
const NOTE_API = /(?:description|note|comment|remark|body|message|summary)/i;

export function isFreeTextField(desc: FieldDescriptor): boolean {
  const type = (desc.type ?? '').toLowerCase();
  if (type === 'textarea' || type === 'contenteditable') return true;
  if (type !== '' && type !== 'text' && type !== 'search') return false;
  if (desc.apiName && NOTE_API.test(desc.apiName)) return true;
  return [desc.label, desc.ariaLabel, desc.name, desc.placeholder].some((text) => !!text && NOTE_WORDS.test(text));
}
