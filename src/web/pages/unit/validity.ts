import { formatDay, lastDayBefore } from '../../format/dates';
import type { I18n } from '../../i18n/I18nProvider';

/** "From 01/01/2020 to 30/06/2025" or "From 01/07/2025 until now". */
export function validityText(t: I18n['t'], period: { validFrom: string; validTo: string | null }): string {
  return period.validTo
    ? t('unit.validFromTo', {
        from: formatDay(period.validFrom),
        to: formatDay(lastDayBefore(period.validTo)),
      })
    : t('unit.validFrom', { from: formatDay(period.validFrom) });
}
