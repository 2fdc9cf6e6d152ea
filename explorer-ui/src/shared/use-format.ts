// Dates and quantities in the reader's language.
import { useI18n } from 'vue-i18n';

export function useFormat() {
  const { d, n, locale } = useI18n();
  return {
    /** A moment on the ledger (ISO timestamp), in the reader's time zone. */
    instant: (iso: string | null | undefined): string => (iso ? d(new Date(iso), 'instant') : '—'),
    /** A calendar day (YYYY-MM-DD). */
    day: (iso: string | null | undefined): string => (iso ? d(new Date(iso), 'day') : '—'),
    count: (value: number | null | undefined): string =>
      value === null || value === undefined ? '—' : n(value, 'integer'),
    percent: (fraction: number): string => n(fraction, 'percent'),
    country: (code: string): string => new Intl.DisplayNames([locale.value], { type: 'region' }).of(code) ?? code,
  };
}
