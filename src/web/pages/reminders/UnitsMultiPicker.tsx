import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useUnitSearch } from '../../api/units';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useI18n } from '../../i18n/I18nProvider';

export interface PickedUnit {
  id: string;
  name: string;
}

/**
 * Several units chosen by typing part of a name (the server searches the user's scope); the names of
 * units chosen earlier (or added as "not submitted") are kept so the tags stay readable.
 */
export function UnitsMultiPicker(props: {
  id?: string;
  value?: PickedUnit[];
  onChange?: (units: PickedUnit[]) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 300);
  const typedEnough = query.trim().length >= 2;
  const search = useUnitSearch(query, { limit: 20, enabled: typedEnough });
  const chosen = props.value ?? [];
  const known = new Map(chosen.map((unit) => [unit.id, unit.name]));
  for (const unit of typedEnough ? (search.data ?? []) : [])
    if (!known.has(unit.id)) known.set(unit.id, unit.name);

  return (
    <Select<string[]>
      id={props.id}
      mode="multiple"
      value={chosen.map((unit) => unit.id)}
      placeholder={t('unitPicker.placeholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={[...known].map(([value, label]) => ({ value, label }))}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? <Spin size="small" /> : null}
      maxTagCount="responsive"
      onChange={(ids) => {
        props.onChange?.(ids.map((id) => ({ id, name: known.get(id) ?? id })));
        setText('');
      }}
      style={{ width: '100%' }}
    />
  );
}
