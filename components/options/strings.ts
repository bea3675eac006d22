import { defineStrings } from '@/lib/i18n/strings';

export const optionsStrings = defineStrings({
  en: {
    title: 'CRM Privacy Guard settings',
    tabs: 'Sections',
    tabPolicy: 'Policy',
    tabSettings: 'My settings',
    tabAudit: 'Audit log',
    tabAbout: 'About',
    version: 'Version {version}',
    extensionId: 'Extension ID: {id}',
    loading: 'Loading…',
    loadError: 'Could not load: {message}',
  },
  de: {
    title: 'CRM Privacy Guard – Einstellungen',
    tabs: 'Bereiche',
    tabPolicy: 'Richtlinie',
    tabSettings: 'Meine Einstellungen',
    tabAudit: 'Zugriffsprotokoll',
    tabAbout: 'Info',
    version: 'Version {version}',
    extensionId: 'Erweiterungs-ID: {id}',
    loading: 'Wird geladen …',
    loadError: 'Konnte nicht geladen werden: {message}',
  },
});
