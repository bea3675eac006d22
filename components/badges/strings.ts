import { defineStrings } from '@/lib/i18n/strings';
import type { KindClass } from '@/lib/detect/kinds';
import type { ReasonCode } from '@/lib/detect/classify-field';

type ReasonKey = `reason_${ReasonCode}`;
type ShortKey = `short_${KindClass}`;
type BadgeTable = Record<ReasonKey | ShortKey, string> & {
  badgeName: string;
  badgeNameUnlabelled: string;
  reason_value: string;
  confidence: string;
  editable: string;
  readOnly: string;
  dismissHint: string;
};

/** Badge and tooltip text. Reasons are keyed by the classifier's reason code, so every language explains every verdict. */
export const badgeStrings = defineStrings<BadgeTable>({
  en: {
    short_ordinary: 'PD',
    short_sensitive_identifier: 'ID',
    short_special_category: 'Art. 9',
    short_criminal: 'Art. 10',
    badgeName: '{kinds} in “{label}”',
    badgeNameUnlabelled: '{kinds} in this field',
    reason_autocomplete: 'Recognised by the field’s autocomplete hint.',
    'reason_api-name': 'Recognised by the field’s API name.',
    reason_label: 'Recognised by the label “{label}”.',
    'reason_aria-label': 'Recognised by the field’s accessible name.',
    reason_placeholder: 'Recognised by the field’s placeholder text.',
    'reason_name-attr': 'Recognised by the field’s internal name.',
    'reason_input-type': 'Recognised by the kind of input.',
    reason_negative: 'Recognised by the field description.',
    'reason_company-context': 'Recognised by the field description.',
    reason_none: 'Recognised by the field description.',
    reason_value: 'The value shown here contains {kind}.',
    confidence: 'Confidence {percent} %',
    editable: 'Editable field',
    readOnly: 'Displayed value',
    dismissHint: 'Esc closes this note.',
  },
  de: {
    short_ordinary: 'PB',
    short_sensitive_identifier: 'ID',
    short_special_category: 'Art. 9',
    short_criminal: 'Art. 10',
    badgeName: '{kinds} in „{label}“',
    badgeNameUnlabelled: '{kinds} in diesem Feld',
    reason_autocomplete: 'Erkannt am Autovervollständigungs-Hinweis des Felds.',
    'reason_api-name': 'Erkannt am API-Namen des Felds.',
    reason_label: 'Erkannt an der Beschriftung „{label}“.',
    'reason_aria-label': 'Erkannt am zugänglichen Namen des Felds.',
    reason_placeholder: 'Erkannt am Platzhaltertext des Felds.',
    'reason_name-attr': 'Erkannt am internen Namen des Felds.',
    'reason_input-type': 'Erkannt an der Art der Eingabe.',
    reason_negative: 'Erkannt an der Feldbeschreibung.',
    'reason_company-context': 'Erkannt an der Feldbeschreibung.',
    reason_none: 'Erkannt an der Feldbeschreibung.',
    reason_value: 'Der hier angezeigte Wert enthält: {kind}.',
    confidence: 'Sicherheit {percent} %',
    editable: 'Bearbeitbares Feld',
    readOnly: 'Angezeigter Wert',
    dismissHint: 'Esc schließt diesen Hinweis.',
  },
});
