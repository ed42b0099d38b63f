import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { Unit } from '../api/types';
import { useUnitSearch } from '../api/units';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useI18n } from '../i18n/I18nProvider';
import { UnitKindTag, UnitLifeTag } from './UnitTags';

interface UnitOption {
  value: string;
  label: string;
  unit: Unit;
}

function optionOf(unit: Unit): UnitOption {
  return { value: unit.id, label: unit.code ? `${unit.name} (${unit.code})` : unit.name, unit };
}

/**
 * Chooses a unit by typing part of its name (any accents or case): the server searches the
 * user's scope. Works as an antd form control (value/onChange/id).
 */
export function UnitPicker(props: {
  id?: string;
  value?: string | null;
  onChange?: (unitId: string | null) => void;
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Unit | null>(null);
  const query = useDebouncedValue(text, 300);
  const typedEnough = query.trim().length >= 2;
  const search = useUnitSearch(query, { limit: 20, enabled: typedEnough });
  const found = typedEnough ? (search.data ?? []) : [];
  const units = chosen && !found.some((unit) => unit.id === chosen.id) ? [chosen, ...found] : found;

  return (
    <Select<string, UnitOption>
      id={props.id}
      value={props.value ?? undefined}
      placeholder={t('unitPicker.placeholder')}
      allowClear={props.allowClear}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={units.map(optionOf)}
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
      optionRender={(option) => {
        const unit = option.data.unit;
        return (
          <div style={{ whiteSpace: 'normal' }}>
            <div>
              <span style={{ marginInlineEnd: 6 }}>{option.data.label}</span>
              <UnitKindTag kind={unit.kind} />
              <UnitLifeTag unit={unit} />
            </div>
            {unit.parentName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tree.under', { parent: unit.parentName })}
              </Typography.Text>
            ) : null}
          </div>
        );
      }}
      onChange={(value, option) => {
        const selected = Array.isArray(option) ? option[0] : option;
        setChosen(selected?.unit ?? null);
        props.onChange?.(value ?? null);
      }}
      style={{ width: '100%' }}
    />
  );
}
