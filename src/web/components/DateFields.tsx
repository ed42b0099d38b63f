import { DatePicker, type DatePickerProps, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { DAY_FORMAT } from '../format/dates';
import { useIsDesktop } from '../hooks/use-is-desktop';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages-vi';

/**
 * Every way a day may be typed: dd/MM/yyyy first (how it is shown), then the short and dotted forms
 * people type and the ISO form pasted from elsewhere. antd parses a typed text with each in turn.
 */
export const DAY_INPUT_FORMATS = [DAY_FORMAT, 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];
/** Every way a month may be typed: MM/yyyy first. */
export const MONTH_INPUT_FORMATS = ['MM/YYYY', 'M/YYYY', 'MM-YYYY', 'YYYY-MM'];

type PickerProps = Omit<DatePickerProps, 'format' | 'inputReadOnly' | 'picker'>;

/**
 * A day field: typed dd/MM/yyyy on a desktop; on a phone a read-only input that opens the calendar
 * (typing a date near today on a phone keyboard is slower than two taps, and the keyboard would hide
 * the panel). `typedOnPhones` keeps typing on phones too, for days far from today such as the date of
 * a document, which would take many taps through the panel's months.
 */
export function DayPicker({ typedOnPhones, ...props }: PickerProps & { typedOnPhones?: boolean }) {
  const isDesktop = useIsDesktop();
  return <DatePicker format={DAY_INPUT_FORMATS} inputReadOnly={!isDesktop && !typedOnPhones} {...props} />;
}

/** A month field (MM/yyyy), typed on a desktop, picked in the panel on a phone. */
export function MonthPicker(props: PickerProps) {
  const isDesktop = useIsDesktop();
  return <DatePicker picker="month" format={MONTH_INPUT_FORMATS} inputReadOnly={!isDesktop} {...props} />;
}

export type DayRange = [Dayjs | null, Dayjs | null];

export interface RangePreset {
  key: 'month' | 'quarter' | 'half' | 'year';
  label: string;
  value: [Dayjs, Dayjs];
}

/** The whole month, quarter, half-year and year holding `today`: the periods units report on. */
export function rangePresets(today: Dayjs, t: (key: MessageKey) => string): RangePreset[] {
  const quarterStart = today.startOf('month').month(Math.floor(today.month() / 3) * 3);
  const halfStart = today.startOf('month').month(today.month() < 6 ? 0 : 6);
  return [
    { key: 'month', label: t('dates.thisMonth'), value: [today.startOf('month'), today.endOf('month')] },
    {
      key: 'quarter',
      label: t('dates.thisQuarter'),
      value: [quarterStart, quarterStart.add(2, 'month').endOf('month')],
    },
    {
      key: 'half',
      label: t(today.month() < 6 ? 'dates.firstHalf' : 'dates.secondHalf'),
      value: [halfStart, halfStart.add(5, 'month').endOf('month')],
    },
    { key: 'year', label: t('dates.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
  ];
}

/** antd types a picker's value as one day or several; these fields hold one. */
function singleDay(value: Dayjs | Dayjs[] | null): Dayjs | null {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function sameDay(a: Dayjs | null | undefined, b: Dayjs): boolean {
  return Boolean(a?.isSame(b, 'day'));
}

/**
 * A range of days with presets (this month, quarter, half-year, year). On a desktop: antd's
 * two-panel RangePicker, typed dd/MM/yyyy. On a phone the two panels (about 560 px) cannot fit a
 * 360 px screen: two day fields side by side, each opening a one-month panel, and the presets as
 * tags under them. An antd form control (value/onChange); `allowEmpty` lets either end stay open.
 */
export function DayRangePicker(props: {
  id?: string;
  value?: DayRange | null;
  onChange?: (value: DayRange | null) => void;
  allowClear?: boolean;
  /** Desktop: which ends may stay empty (on a phone either end may, one field at a time). */
  allowEmpty?: [boolean, boolean];
  placeholder?: [string, string];
  'aria-label'?: string;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const presets = rangePresets(dayjs(), t);
  const [from, to] = props.value ?? [null, null];
  const placeholder = props.placeholder ?? [t('records.from'), t('records.to')];
  const allowClear = props.allowClear ?? true;

  if (isDesktop) {
    return (
      <DatePicker.RangePicker
        id={props.id}
        format={DAY_INPUT_FORMATS}
        value={props.value ?? null}
        onChange={(next) => props.onChange?.(next ? [next[0] ?? null, next[1] ?? null] : null)}
        allowClear={allowClear}
        allowEmpty={props.allowEmpty}
        presets={presets.map((preset) => ({ label: preset.label, value: preset.value }))}
        placeholder={placeholder}
        aria-label={props['aria-label']}
        style={props.style}
      />
    );
  }

  const change = (next: DayRange) => {
    if (!next[0] && !next[1]) return props.onChange?.(null);
    // A start after the end swaps them, as the desktop picker does.
    if (next[0] && next[1] && next[0].isAfter(next[1], 'day')) return props.onChange?.([next[1], next[0]]);
    props.onChange?.(next);
  };
  const label = props['aria-label'];
  return (
    <fieldset
      id={props.id}
      aria-label={label}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        minWidth: 0,
        margin: 0,
        padding: 0,
        border: 0,
        ...props.style,
      }}
    >
      <div style={{ display: 'flex', gap: 8 }}>
        <DayPicker
          value={from}
          onChange={(day) => change([singleDay(day), to])}
          allowClear={allowClear}
          placeholder={placeholder[0]}
          aria-label={label ? `${label}: ${placeholder[0]}` : placeholder[0]}
          maxDate={to ?? undefined}
          style={{ flex: 1, minWidth: 0 }}
        />
        <DayPicker
          value={to}
          onChange={(day) => change([from, singleDay(day)])}
          allowClear={allowClear}
          placeholder={placeholder[1]}
          aria-label={label ? `${label}: ${placeholder[1]}` : placeholder[1]}
          minDate={from ?? undefined}
          style={{ flex: 1, minWidth: 0 }}
        />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {presets.map((preset) => (
          <Tag.CheckableTag
            key={preset.key}
            checked={sameDay(from, preset.value[0]) && sameDay(to, preset.value[1])}
            onChange={() => props.onChange?.(preset.value)}
            style={{ marginInlineEnd: 0 }}
          >
            {preset.label}
          </Tag.CheckableTag>
        ))}
      </div>
    </fieldset>
  );
}
