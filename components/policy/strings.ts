import { defineStrings } from '@/lib/i18n/strings';
import type { PolicyGroup, PolicyKey } from '@/lib/policy/keys';
import type { AdapterId, Mode } from '@/lib/policy/schema';

type PolicyTable = Record<`key_${PolicyKey}`, string> &
  Record<`group_${PolicyGroup}`, string> &
  Record<`mode_${Mode}`, string> &
  Record<`adapter_${AdapterId}`, string> &
  Record<
    | 'heading'
    | 'intro'
    | 'locked'
    | 'lockedHint'
    | 'notAllowedHint'
    | 'fromLocal'
    | 'yes'
    | 'no'
    | 'notSet'
    | 'secretSet'
    | 'all'
    | 'none'
    | 'characters'
    | 'seconds'
    | 'days'
    | 'events'
    | 'badge_always'
    | 'badge_hover'
    | 'badge_off'
    | 'guard_off'
    | 'guard_warn'
    | 'guard_block'
    | 'format_reference'
    | 'format_otlp'
    | 'language_auto'
    | 'language_en'
    | 'language_de'
    | 'lang_fr'
    | 'lang_es'
    | 'lang_it'
    | 'lang_nl'
    | 'rulesFields'
    | 'rulesNeverInFreeText'
    | 'noObjectRules'
    | 'problemsHeading'
    | 'problemsIntro'
    | 'problemSourceManaged'
    | 'problemSourceLocal'
    | 'bannerTitle'
    | 'bannerMore'
    | 'bannerOpen'
    | 'settingsHeading'
    | 'settingsIntro'
    | 'pause'
    | 'pauseHint'
    | 'pauseNotAllowed'
    | 'save'
    | 'saving'
    | 'saved'
    | 'saveFailed'
    | 'resetMine'
    | 'nothingToChange'
    | 'languagesRequired'
    | 'connectionsHeading'
    | 'connectionsIntro'
    | 'urlHint'
    | 'urlIssue_invalid'
    | 'urlIssue_credentials'
    | 'urlIssue_insecure'
    | 'tokenIsSet'
    | 'tokenNotSet'
    | 'tokenReplaceHint'
    | 'tokenRemove'
    | 'tokenWillBeRemoved'
    | 'tokenKeep'
    | 'fixErrors'
    | 'loading'
    | 'loadFailed',
    string
  >;

export const policyStrings = defineStrings<PolicyTable>({
  en: {
    heading: 'Policy in effect',
    intro: 'What CRM Privacy Guard runs with: your organisation’s policy, your own settings where allowed, and safe defaults for the rest.',
    locked: 'Set by your organisation',
    lockedHint: 'Set by your organisation’s policy; it cannot be changed here.',
    notAllowedHint: 'Your organisation does not let reps change this.',
    fromLocal: 'Your setting',
    yes: 'Yes',
    no: 'No',
    notSet: 'Not set',
    secretSet: 'Set (hidden)',
    all: 'All',
    none: 'None',
    characters: '{n} characters',
    seconds: '{n} seconds',
    days: '{n} days',
    events: '{n} events',
    group_crm: 'CRM hosts',
    group_detection: 'Detection',
    group_rules: 'Data minimisation rules',
    group_modes: 'What happens on save',
    group_override: 'Override',
    group_badges: 'Badges',
    group_consent: 'Consent',
    group_audit: 'Audit log',
    group_ui: 'What reps may change',
    key_policyVersion: 'Policy version',
    'key_crm.extraHosts': 'Additional CRM hosts',
    'key_detection.enabled': 'Detect personal data',
    'key_detection.languages': 'Detection languages',
    'key_rules.neverInFreeText': 'Never in free text',
    'key_rules.salesforce': 'Salesforce objects',
    'key_rules.hubspot': 'HubSpot objects',
    'key_rules.generic': 'Other CRM objects',
    'key_modes.ordinary': 'Personal data',
    'key_modes.sensitive_identifier': 'Sensitive identifiers',
    'key_modes.special_category': 'Special categories (Art. 9)',
    'key_modes.criminal': 'Criminal data (Art. 10)',
    'key_override.minReasonLength': 'Minimum length of an override reason',
    key_badges: 'Badges at personal-data fields',
    'key_consent.url': 'Consent service',
    'key_consent.token': 'Consent service token',
    'key_consent.cacheSeconds': 'Consent answers kept for',
    'key_consent.purposes': 'Purposes shown',
    'key_consent.channels': 'Channels shown',
    'key_consent.outreachGuard': 'Outreach without consent',
    'key_audit.retentionDays': 'Audit entries kept for',
    'key_audit.endpoint': 'Audit log forwarded to',
    'key_audit.token': 'Forwarding token',
    'key_audit.format': 'Forwarding format',
    'key_audit.batchSize': 'Events per forwarding request',
    'key_audit.repMayView': 'Reps may view the audit log',
    'key_audit.userPseudonym': 'User name in the audit log',
    'key_ui.repMayChange': 'Settings reps may change',
    'key_ui.repMayPause': 'Reps may pause the extension',
    'key_ui.language': 'Interface language',
    mode_off: 'Off',
    mode_warn: 'Warn',
    mode_override: 'Save only with a reason',
    mode_block: 'Block saving',
    adapter_salesforce: 'Salesforce',
    adapter_hubspot: 'HubSpot',
    adapter_generic: 'Generic',
    badge_always: 'Always',
    badge_hover: 'On hover',
    badge_off: 'Off',
    guard_off: 'Off',
    guard_warn: 'Warn',
    guard_block: 'Block',
    format_reference: 'Reference service',
    format_otlp: 'OpenTelemetry (OTLP/HTTP JSON)',
    language_auto: 'Browser language',
    language_en: 'English',
    language_de: 'German',
    lang_fr: 'French',
    lang_es: 'Spanish',
    lang_it: 'Italian',
    lang_nl: 'Dutch',
    rulesFields: 'Allowed per field',
    rulesNeverInFreeText: 'Never in free text',
    noObjectRules: 'No object rules',
    problemsHeading: 'Problems in the policy',
    problemsIntro: 'These settings could not be used as written. Safe defaults apply instead.',
    problemSourceManaged: 'Organisation policy',
    problemSourceLocal: 'Your settings',
    bannerTitle: 'The policy has {count} problem(s); safe defaults are used for those settings.',
    bannerMore: 'and {count} more',
    bannerOpen: 'Show details',
    settingsHeading: 'My settings',
    settingsIntro: 'Settings you can change yourself. Settings your organisation has fixed are shown but cannot be changed.',
    pause: 'Pause CRM Privacy Guard',
    pauseHint: 'While paused nothing is checked. Pausing is recorded in the audit log.',
    pauseNotAllowed: 'Your organisation does not allow pausing.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    saveFailed: 'Not saved: {message}',
    resetMine: 'Reset my settings',
    nothingToChange: 'Your organisation has fixed every setting; there is nothing to change here.',
    languagesRequired: 'Choose at least one language.',
    connectionsHeading: 'Connections',
    connectionsIntro: 'Where CRM Privacy Guard looks up consent and sends its audit log. Tokens are stored in this browser and never shown again.',
    urlHint: 'https://… (plain http only for localhost / 127.0.0.1 / [::1]). Leave empty to turn the connection off.',
    urlIssue_invalid: 'This is not a valid address.',
    urlIssue_credentials: 'The address must not contain a user name or password; use the token setting.',
    urlIssue_insecure: 'The address must start with https:// (plain http only for localhost / 127.0.0.1 / [::1]).',
    tokenIsSet: 'A token is set. Type a new one to replace it.',
    tokenNotSet: 'No token set.',
    tokenReplaceHint: 'The saved token is never shown.',
    tokenRemove: 'Remove token',
    tokenWillBeRemoved: 'The token will be removed when you save.',
    tokenKeep: 'Keep token',
    fixErrors: 'Correct the marked settings before saving.',
    loading: 'Loading the policy…',
    loadFailed: 'The policy could not be loaded: {message}',
  },
  de: {
    heading: 'Geltende Richtlinie',
    intro: 'Womit CRM Privacy Guard arbeitet: die Richtlinie Ihrer Organisation, Ihre eigenen Einstellungen, wo erlaubt, und sichere Standardwerte für den Rest.',
    locked: 'Von Ihrer Organisation festgelegt',
    lockedHint: 'Von der Richtlinie Ihrer Organisation festgelegt; hier nicht änderbar.',
    notAllowedHint: 'Ihre Organisation erlaubt nicht, dies zu ändern.',
    fromLocal: 'Ihre Einstellung',
    yes: 'Ja',
    no: 'Nein',
    notSet: 'Nicht festgelegt',
    secretSet: 'Festgelegt (verborgen)',
    all: 'Alle',
    none: 'Keine',
    characters: '{n} Zeichen',
    seconds: '{n} Sekunden',
    days: '{n} Tage',
    events: '{n} Ereignisse',
    group_crm: 'CRM-Hosts',
    group_detection: 'Erkennung',
    group_rules: 'Regeln zur Datenminimierung',
    group_modes: 'Was beim Speichern passiert',
    group_override: 'Übergehen',
    group_badges: 'Markierungen',
    group_consent: 'Einwilligung',
    group_audit: 'Zugriffsprotokoll',
    group_ui: 'Was Mitarbeitende ändern dürfen',
    key_policyVersion: 'Richtlinienversion',
    'key_crm.extraHosts': 'Weitere CRM-Hosts',
    'key_detection.enabled': 'Personenbezogene Daten erkennen',
    'key_detection.languages': 'Erkennungssprachen',
    'key_rules.neverInFreeText': 'Nie in Freitext',
    'key_rules.salesforce': 'Salesforce-Objekte',
    'key_rules.hubspot': 'HubSpot-Objekte',
    'key_rules.generic': 'Andere CRM-Objekte',
    'key_modes.ordinary': 'Personenbezogene Daten',
    'key_modes.sensitive_identifier': 'Sensible Kennungen',
    'key_modes.special_category': 'Besondere Kategorien (Art. 9)',
    'key_modes.criminal': 'Strafrechtliche Daten (Art. 10)',
    'key_override.minReasonLength': 'Mindestlänge einer Begründung',
    key_badges: 'Markierungen an Feldern mit personenbezogenen Daten',
    'key_consent.url': 'Einwilligungsdienst',
    'key_consent.token': 'Token für den Einwilligungsdienst',
    'key_consent.cacheSeconds': 'Einwilligungsauskünfte aufbewahrt für',
    'key_consent.purposes': 'Angezeigte Zwecke',
    'key_consent.channels': 'Angezeigte Kanäle',
    'key_consent.outreachGuard': 'Kontaktaufnahme ohne Einwilligung',
    'key_audit.retentionDays': 'Protokolleinträge aufbewahrt für',
    'key_audit.endpoint': 'Protokoll weitergeleitet an',
    'key_audit.token': 'Token für die Weiterleitung',
    'key_audit.format': 'Weiterleitungsformat',
    'key_audit.batchSize': 'Ereignisse pro Weiterleitung',
    'key_audit.repMayView': 'Mitarbeitende dürfen das Protokoll sehen',
    'key_audit.userPseudonym': 'Benutzername im Protokoll',
    'key_ui.repMayChange': 'Von Mitarbeitenden änderbare Einstellungen',
    'key_ui.repMayPause': 'Mitarbeitende dürfen die Erweiterung pausieren',
    'key_ui.language': 'Sprache der Oberfläche',
    mode_off: 'Aus',
    mode_warn: 'Warnen',
    mode_override: 'Speichern nur mit Begründung',
    mode_block: 'Speichern verhindern',
    adapter_salesforce: 'Salesforce',
    adapter_hubspot: 'HubSpot',
    adapter_generic: 'Allgemein',
    badge_always: 'Immer',
    badge_hover: 'Beim Überfahren',
    badge_off: 'Aus',
    guard_off: 'Aus',
    guard_warn: 'Warnen',
    guard_block: 'Verhindern',
    format_reference: 'Referenzdienst',
    format_otlp: 'OpenTelemetry (OTLP/HTTP JSON)',
    language_auto: 'Browsersprache',
    language_en: 'Englisch',
    language_de: 'Deutsch',
    lang_fr: 'Französisch',
    lang_es: 'Spanisch',
    lang_it: 'Italienisch',
    lang_nl: 'Niederländisch',
    rulesFields: 'Erlaubt pro Feld',
    rulesNeverInFreeText: 'Nie in Freitext',
    noObjectRules: 'Keine Objektregeln',
    problemsHeading: 'Probleme in der Richtlinie',
    problemsIntro: 'Diese Einstellungen konnten nicht wie angegeben übernommen werden. Stattdessen gelten sichere Standardwerte.',
    problemSourceManaged: 'Richtlinie der Organisation',
    problemSourceLocal: 'Ihre Einstellungen',
    bannerTitle: 'Die Richtlinie hat {count} Problem(e); für diese Einstellungen gelten sichere Standardwerte.',
    bannerMore: 'und {count} weitere',
    bannerOpen: 'Details anzeigen',
    settingsHeading: 'Meine Einstellungen',
    settingsIntro: 'Einstellungen, die Sie selbst ändern können. Von Ihrer Organisation festgelegte Einstellungen werden angezeigt, sind aber nicht änderbar.',
    pause: 'CRM Privacy Guard pausieren',
    pauseHint: 'Während der Pause wird nichts geprüft. Das Pausieren wird protokolliert.',
    pauseNotAllowed: 'Ihre Organisation erlaubt kein Pausieren.',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    saved: 'Gespeichert.',
    saveFailed: 'Nicht gespeichert: {message}',
    resetMine: 'Meine Einstellungen zurücksetzen',
    nothingToChange: 'Ihre Organisation hat alle Einstellungen festgelegt; hier gibt es nichts zu ändern.',
    languagesRequired: 'Wählen Sie mindestens eine Sprache.',
    connectionsHeading: 'Verbindungen',
    connectionsIntro: 'Wo CRM Privacy Guard Einwilligungen abfragt und sein Prüfprotokoll hinschickt. Tokens werden in diesem Browser gespeichert und nie wieder angezeigt.',
    urlHint: 'https://… (einfaches http nur für localhost / 127.0.0.1 / [::1]). Leer lassen, um die Verbindung auszuschalten.',
    urlIssue_invalid: 'Das ist keine gültige Adresse.',
    urlIssue_credentials: 'Die Adresse darf keinen Benutzernamen und kein Passwort enthalten; verwenden Sie die Token-Einstellung.',
    urlIssue_insecure: 'Die Adresse muss mit https:// beginnen (einfaches http nur für localhost / 127.0.0.1 / [::1]).',
    tokenIsSet: 'Ein Token ist hinterlegt. Geben Sie ein neues ein, um es zu ersetzen.',
    tokenNotSet: 'Kein Token hinterlegt.',
    tokenReplaceHint: 'Das gespeicherte Token wird nie angezeigt.',
    tokenRemove: 'Token entfernen',
    tokenWillBeRemoved: 'Das Token wird beim Speichern entfernt.',
    tokenKeep: 'Token behalten',
    fixErrors: 'Korrigieren Sie die markierten Einstellungen vor dem Speichern.',
    loading: 'Richtlinie wird geladen …',
    loadFailed: 'Die Richtlinie konnte nicht geladen werden: {message}',
  },
});
