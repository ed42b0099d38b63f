import { Select, Spin, Typography } from 'antd';
import { type CSSProperties, useState } from 'react';
import type { Unit } from '../api/types';
import { useUnitRoots, useUnitSearch } from '../api/units';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import type { RecordScope } from '../hooks/use-record-units';
import { useI18n } from '../i18n/I18nProvider';
import { UnitKindTag, UnitLifeTag } from './UnitTags';

interface UnitOption {
  value: string;
  label: string;
  /** Known for searched units and for grant units at the top of the user's tree. */
  unit: Unit | null;
}

function optionOf(unit: Unit): UnitOption {
  return { value: unit.id, label: unit.code ? `${unit.name} (${unit.code})` : unit.name, unit };
}

interface RecordUnitFieldProps {
  /** From useRecordScope(): which choice to offer. */
  scope: RecordScope;
  /** antd form control props. */
  id?: string;
  value?: string | null;
  onChange?: (unitId: string | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
}

/**
 * The unit a record, an import or a schedule is for. Users whose grants are the units themselves pick
 * among them; users whose grant covers a subtree (a province DX office, a system admin) also search any
 * unit of their scope by name, accents and case ignored. The server still checks every unit sent.
 */
export function RecordUnitField(props: RecordUnitFieldProps) {
  if (!props.scope.coversSubtree) return <GrantUnitSelect {...props} />;
  return <ScopeUnitSearch {...props} />;
}

function GrantUnitSelect({ scope, ...props }: RecordUnitFieldProps) {
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      options={scope.grantUnits.map((unit) => ({ value: unit.id, label: unit.name }))}
      style={{ width: '100%', ...props.style }}
    />
  );
}

function ScopeUnitSearch({ scope, ...props }: RecordUnitFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<UnitOption | null>(null);
  const query = useDebouncedValue(text, 300);
  const typedEnough = query.trim().length >= 2;
  const search = useUnitSearch(query, { limit: 20, enabled: typedEnough });
  const roots = useUnitRoots(undefined);

  // Before typing: the user's own grant units (the default among them), then what was chosen.
  const rootById = new Map((roots.data ?? []).map((unit) => [unit.id, unit]));
  const grantOptions: UnitOption[] = scope.grantUnits.map((grant) => {
    const unit = rootById.get(grant.id);
    return unit ? optionOf(unit) : { value: grant.id, label: grant.name, unit: null };
  });
  const found = typedEnough ? (search.data ?? []).map(optionOf) : grantOptions;
  // The current value keeps its name while the list shows other search results.
  const current = [chosen, ...grantOptions].find((option) => option && option.value === props.value) ?? null;
  const options =
    current && !found.some((option) => option.value === current.value) ? [current, ...found] : found;

  return (
    <Select<string, UnitOption>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      placeholder={props.placeholder ?? t('unitPicker.placeholder')}
      allowClear={props.allowClear}
      showSearch={{ filterOption: false, onSearch: setText }}
      // antd empties the typed text when the list closes: start again from the grant units.
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      options={options}
      loading={search.isFetching}
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : typedEnough ? (
          t('tree.noResults')
        ) : (
          t('unitPicker.typeToSearch')
        )
      }
      optionRender={(option) => <UnitOptionLabel option={option.data} />}
      onChange={(value, option) => {
        const selected = Array.isArray(option) ? option[0] : option;
        setChosen(selected ?? null);
        props.onChange?.(value ?? null);
      }}
      style={{ width: '100%', ...props.style }}
    />
  );
}

/** A unit in the dropdown: its name wraps on a phone, with its kind, whether it is former, its parent. */
function UnitOptionLabel({ option }: { option: UnitOption }) {
  const { t } = useI18n();
  const unit = option.unit;
  return (
    <div style={{ whiteSpace: 'normal' }}>
      <div>
        <span style={{ marginInlineEnd: 6 }}>{option.label}</span>
        {unit ? <UnitKindTag kind={unit.kind} /> : null}
        {unit ? <UnitLifeTag unit={unit} /> : null}
      </div>
      {unit?.parentName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tree.under', { parent: unit.parentName })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
