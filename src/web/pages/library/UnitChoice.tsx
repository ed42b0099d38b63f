import { Select } from 'antd';
import { useMe } from '../../api/auth';
import { UnitPicker } from '../../components/UnitPicker';
import type { GrantUnit } from '../../hooks/use-record-units';
import { useSearchParam } from '../../hooks/use-search-param';
import { useI18n } from '../../i18n/I18nProvider';

/** The units the user is granted on, once each, in the order of the grants. */
export function useGrantUnits(): GrantUnit[] {
  const grants = useMe().data?.grants ?? [];
  const units = new Map<string, string>();
  for (const grant of grants)
    if (grant.unitId && !units.has(grant.unitId)) units.set(grant.unitId, grant.unitName ?? grant.unitId);
  return [...units].map(([id, name]) => ({ id, name }));
}

/**
 * The unit a page works on, kept in the address (?unit=) so that reloads and links keep it; the
 * user's first granted unit until another is chosen. Null for someone granted on no unit (a
 * system admin) until they pick one.
 */
export function useChosenUnit(): [string | null, (unitId: string | null) => void] {
  const units = useGrantUnits();
  const [param, setParam] = useSearchParam('unit');
  return [param ?? units[0]?.id ?? null, (unitId) => setParam(unitId ?? undefined)];
}

/** Chooses among the user's granted units; someone granted on none searches the whole tree. */
export function UnitChoice(props: { value: string | null; onChange: (unitId: string | null) => void }) {
  const { t } = useI18n();
  const units = useGrantUnits();
  if (units.length === 0) return <UnitPicker value={props.value} onChange={props.onChange} allowClear />;
  return (
    <Select
      aria-label={t('record.unit')}
      value={props.value ?? undefined}
      onChange={(value: string) => props.onChange(value)}
      options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
      style={{ width: '100%' }}
    />
  );
}
