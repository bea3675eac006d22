/**
 * UI strings live next to the feature that shows them, as one table per feature with
 * an English and a German column. The German table must have every English key
 * (a compile error otherwise), so no string ships in one language only.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export type StringTable = Record<string, string>;

export interface Strings<T extends StringTable> {
  /** Translate `key`; `{name}` placeholders are replaced from `params`. */
  t(key: keyof T & string, params?: Record<string, string | number>, locale?: Locale): string;
  readonly tables: Readonly<Record<Locale, T>>;
}

let currentLocale: Locale = 'en';

/** Choose the UI language, e.g. from `browser.i18n.getUILanguage()` or a policy override. */
export function setLocale(tag: string | undefined): Locale {
  currentLocale = resolveLocale(tag);
  return currentLocale;
}

export function getLocale(): Locale {
  return currentLocale;
}

export function resolveLocale(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

export function defineStrings<T extends StringTable>(tables: { en: T; de: { [K in keyof T]: string } }): Strings<T> {
  const all = tables as unknown as Record<Locale, T>;
  return {
    tables: all,
    t(key, params, locale = currentLocale) {
      const text = all[locale][key] ?? all.en[key] ?? key;
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
  };
}
