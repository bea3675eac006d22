import { defineStrings } from '@/lib/i18n/strings';
import type { EventType } from '@/lib/audit/events';
import type { ChainProblemReason } from '@/lib/audit/chain';

type AuditTable = Record<`type_${EventType}`, string> &
  Record<`reason_${ChainProblemReason}`, string> & {
    heading: string;
    filters: string;
    from: string;
    to: string;
    type: string;
    anyType: string;
    record: string;
    user: string;
    apply: string;
    reset: string;
    colTime: string;
    colType: string;
    colUser: string;
    colCrm: string;
    colObject: string;
    colRecord: string;
    colHost: string;
    colDetails: string;
    colSeq: string;
    rows: string;
    rowsMore: string;
    loading: string;
    empty: string;
    loadError: string;
    verify: string;
    verifying: string;
    verifyOk: string;
    verifyBroken: string;
    verifyError: string;
    exportCsv: string;
    exportNdjson: string;
    exporting: string;
    exportDone: string;
    exportError: string;
    statsLine: string;
    lastForward: string;
    neverForwarded: string;
    tableLabel: string;
    badDate: string;
  };

/** The options page's Audit view, English and German. */
export const auditStrings = defineStrings<AuditTable>({
  en: {
    heading: 'Audit log',
    filters: 'Filter',
    from: 'From',
    to: 'To',
    type: 'Event',
    anyType: 'Any event',
    record: 'Record ID',
    user: 'User',
    apply: 'Apply',
    reset: 'Reset',
    colSeq: '#',
    colTime: 'Time',
    colType: 'Event',
    colUser: 'User',
    colCrm: 'CRM',
    colObject: 'Object',
    colRecord: 'Record',
    colHost: 'Host',
    colDetails: 'Details',
    rows: '{count} entries',
    rowsMore: '{count} entries loaded, more on scrolling',
    loading: 'Loading…',
    empty: 'No entries match.',
    loadError: 'Could not load the log: {message}',
    verify: 'Verify chain',
    verifying: 'Verifying…',
    verifyOk: 'Chain intact: {count} entries checked in {ms} ms.',
    verifyBroken: 'Chain broken at entry {seq}: {reason} ({problems} problems in {count} entries).',
    verifyError: 'Verification failed: {message}',
    exportCsv: 'Export CSV',
    exportNdjson: 'Export NDJSON',
    exporting: 'Exporting…',
    exportDone: 'Export ready.',
    exportError: 'Export failed: {message}',
    statsLine: '{total} entries stored, {outbox} waiting to be forwarded.',
    lastForward: 'Last forwarding: {status} at {time}.',
    neverForwarded: 'Not forwarded yet.',
    tableLabel: 'Audit log entries',
    badDate: 'Enter a valid date and time.',
    'type_record.viewed': 'Record viewed',
    'type_fields.shown': 'Personal-data fields shown',
    'type_input.warning_shown': 'Input warning shown',
    'type_input.fixed': 'Input fixed',
    'type_input.save_blocked': 'Save blocked',
    'type_input.overridden': 'Warning overridden',
    'type_consent.checked': 'Consent checked',
    'type_outreach.decision': 'Outreach decision',
    'type_policy.loaded': 'Policy loaded',
    'type_policy.changed': 'Policy changed',
    'type_policy.error': 'Policy error',
    'type_log.exported': 'Log exported',
    'type_log.verified': 'Log verified',
    'type_log.checkpoint': 'Retention checkpoint',
    'type_extension.started': 'Extension started',
    'type_extension.updated': 'Extension updated',
    reason_malformed: 'entry is malformed',
    reason_hash_mismatch: 'entry was changed',
    reason_broken_link: 'link to the previous entry is broken',
    reason_seq_gap: 'entries are missing',
    reason_seq_order: 'entry inserted or moved',
    reason_duplicate_id: 'entry appears twice',
    reason_wrong_device: 'entry from another device',
    reason_head_mismatch: 'newest entries are missing',
    reason_checkpoint_missing: 'pruning checkpoint is missing',
    reason_witness_mismatch: 'differs from what the audit service received',
  },
  de: {
    heading: 'Zugriffsprotokoll',
    filters: 'Filter',
    from: 'Von',
    to: 'Bis',
    type: 'Ereignis',
    anyType: 'Alle Ereignisse',
    record: 'Datensatz-ID',
    user: 'Benutzer',
    apply: 'Anwenden',
    reset: 'Zurücksetzen',
    colSeq: 'Nr.',
    colTime: 'Zeit',
    colType: 'Ereignis',
    colUser: 'Benutzer',
    colCrm: 'CRM',
    colObject: 'Objekt',
    colRecord: 'Datensatz',
    colHost: 'Host',
    colDetails: 'Details',
    rows: '{count} Einträge',
    rowsMore: '{count} Einträge geladen, weitere beim Scrollen',
    loading: 'Wird geladen …',
    empty: 'Keine passenden Einträge.',
    loadError: 'Protokoll konnte nicht geladen werden: {message}',
    verify: 'Kette prüfen',
    verifying: 'Wird geprüft …',
    verifyOk: 'Kette unversehrt: {count} Einträge in {ms} ms geprüft.',
    verifyBroken: 'Kette unterbrochen bei Eintrag {seq}: {reason} ({problems} Probleme in {count} Einträgen).',
    verifyError: 'Prüfung fehlgeschlagen: {message}',
    exportCsv: 'Als CSV exportieren',
    exportNdjson: 'Als NDJSON exportieren',
    exporting: 'Export läuft …',
    exportDone: 'Export bereit.',
    exportError: 'Export fehlgeschlagen: {message}',
    statsLine: '{total} Einträge gespeichert, {outbox} warten auf Weiterleitung.',
    lastForward: 'Letzte Weiterleitung: {status} um {time}.',
    neverForwarded: 'Noch nicht weitergeleitet.',
    tableLabel: 'Einträge des Zugriffsprotokolls',
    badDate: 'Bitte gültiges Datum mit Uhrzeit eingeben.',
    'type_record.viewed': 'Datensatz angesehen',
    'type_fields.shown': 'Felder mit personenbezogenen Daten angezeigt',
    'type_input.warning_shown': 'Eingabewarnung angezeigt',
    'type_input.fixed': 'Eingabe korrigiert',
    'type_input.save_blocked': 'Speichern blockiert',
    'type_input.overridden': 'Warnung übergangen',
    'type_consent.checked': 'Einwilligung geprüft',
    'type_outreach.decision': 'Kontaktentscheidung',
    'type_policy.loaded': 'Richtlinie geladen',
    'type_policy.changed': 'Richtlinie geändert',
    'type_policy.error': 'Richtlinienfehler',
    'type_log.exported': 'Protokoll exportiert',
    'type_log.verified': 'Protokoll geprüft',
    'type_log.checkpoint': 'Aufbewahrungs-Prüfpunkt',
    'type_extension.started': 'Erweiterung gestartet',
    'type_extension.updated': 'Erweiterung aktualisiert',
    reason_malformed: 'Eintrag ist fehlerhaft',
    reason_hash_mismatch: 'Eintrag wurde verändert',
    reason_broken_link: 'Verknüpfung zum vorigen Eintrag ist gebrochen',
    reason_seq_gap: 'Einträge fehlen',
    reason_seq_order: 'Eintrag eingefügt oder verschoben',
    reason_duplicate_id: 'Eintrag kommt doppelt vor',
    reason_wrong_device: 'Eintrag eines anderen Geräts',
    reason_head_mismatch: 'die neuesten Einträge fehlen',
    reason_checkpoint_missing: 'Prüfpunkt der Bereinigung fehlt',
    reason_witness_mismatch: 'weicht von dem ab, was der Audit-Dienst erhalten hat',
  },
});
