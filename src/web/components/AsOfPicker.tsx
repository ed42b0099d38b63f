import { DatePicker } from 'antd';
import { DAY_FORMAT, parseIsoDay, toIsoDay } from '../format/dates';
import { useIsDesktop } from '../hooks/use-is-desktop';
import { useI18n } from '../i18n/I18nProvider';

/** Picks the day a unit or tree is viewed as of; cleared means today. */
export function AsOfPicker(props: {
  id?: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
}) {
  const { t } = useI18n();
  // On a phone the calendar is easier than typing, and a read-only input keeps the keyboard away.
  const isDesktop = useIsDesktop();
  return (
    <DatePicker
      id={props.id}
      value={parseIsoDay(props.value)}
      format={DAY_FORMAT}
      placeholder={t('common.today')}
      allowClear
      inputReadOnly={!isDesktop}
      onChange={(day) => props.onChange(day ? toIsoDay(day) : undefined)}
      style={{ width: 150 }}
    />
  );
}
