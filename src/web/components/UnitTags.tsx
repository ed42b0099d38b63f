import { HistoryOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { UNIT_KIND_LABELS, type UnitKind } from '../../shared/units';
import { formatDay, todayIso } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';

const KIND_COLORS: Record<UnitKind, string> = {
  province: 'geekblue',
  commune: 'green',
  ward: 'cyan',
  special_zone: 'purple',
  former_district: 'volcano',
  department: 'blue',
  press_agency: 'magenta',
  culture_centre: 'gold',
  other: 'default',
};

// Long labels wrap instead of pushing a 360 px screen sideways.
const wrapping = { whiteSpace: 'normal', marginInlineEnd: 4 } as const;

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { label } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} style={wrapping}>
      {label(UNIT_KIND_LABELS[kind])}
    </Tag>
  );
}

/** Marks a unit that is gone, will end, or does not exist yet; nothing for a unit in force. */
export function UnitLifeTag({ unit }: { unit: { validFrom: string; validTo: string | null } }) {
  const { t } = useI18n();
  const today = todayIso();
  if (unit.validTo !== null && unit.validTo <= today) {
    return (
      <Tag icon={<HistoryOutlined />} color="default" style={wrapping} data-testid="former-unit-tag">
        {t('unit.formerSince', { date: formatDay(unit.validTo) })}
      </Tag>
    );
  }
  if (unit.validTo !== null) {
    return (
      <Tag color="orange" style={wrapping}>
        {t('unit.endsOn', { date: formatDay(unit.validTo) })}
      </Tag>
    );
  }
  if (unit.validFrom > today) {
    return (
      <Tag color="blue" style={wrapping}>
        {t('unit.startsOn', { date: formatDay(unit.validFrom) })}
      </Tag>
    );
  }
  return null;
}
