import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { LIBRARY_ITEM_KIND_LABELS } from '../../../shared/activities';
import { type LibraryChoice, useLibraryChoice, useLibraryChoices } from '../../api/schedules';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useI18n } from '../../i18n/I18nProvider';

interface ItemOption {
  value: string;
  label: string;
  /** Kind and owner, shown under the title in the dropdown. */
  note: string;
}

/**
 * The library material an entry airs (a script, an audio file), searched by title among what the
 * schedule's unit may use. An antd form control: value/onChange/id, null when none.
 */
export function LibraryItemSelect(props: {
  unitId: string;
  id?: string;
  value?: string | null;
  onChange?: (itemId: string | null) => void;
}) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 300);
  const choices = useLibraryChoices(props.unitId, query);
  const found = choices.data ?? [];
  const isListed = found.some((item) => item.id === props.value);
  // An entry may use an item that the first page of results does not show: name it all the same.
  const current = useLibraryChoice(props.value, !isListed);

  const optionOf = (item: Pick<LibraryChoice, 'id' | 'title' | 'kind' | 'ownerUnitName'>): ItemOption => ({
    value: item.id,
    label: item.title,
    note: `${label(LIBRARY_ITEM_KIND_LABELS[item.kind])} · ${item.ownerUnitName}`,
  });
  const options = found.map(optionOf);
  if (!isListed && current.data) options.unshift(optionOf(current.data));

  return (
    <Select<string, ItemOption>
      id={props.id}
      value={props.value ?? undefined}
      allowClear
      placeholder={t('scheduleEdit.libraryPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={choices.isFetching}
      notFoundContent={choices.isFetching ? <Spin size="small" /> : t('scheduleEdit.libraryNone')}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.note}
          </Typography.Text>
        </div>
      )}
      onChange={(value) => props.onChange?.(value ?? null)}
      style={{ width: '100%' }}
    />
  );
}
