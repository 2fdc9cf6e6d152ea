// Languages of the explorer. The choice is remembered in localStorage; dates and numbers follow the language.
import { createI18n } from 'vue-i18n';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';

export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const STORAGE_KEY = 'explorer.locale';

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

export function initialLocale(): Locale {
  const stored = globalThis.localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const preferred = globalThis.navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase());
  return preferred.find(isLocale) ?? 'en';
}

const formats = {
  datetime: {
    // Calendar dates (monitoring periods, crediting periods) are days, not instants: shown as written, in UTC.
    day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
    instant: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: 'percent', maximumFractionDigits: 2 },
  },
} as const;

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, fr, es },
  datetimeFormats: { en: formats.datetime, fr: formats.datetime, es: formats.datetime },
  numberFormats: { en: formats.number, fr: formats.number, es: formats.number },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  globalThis.localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
