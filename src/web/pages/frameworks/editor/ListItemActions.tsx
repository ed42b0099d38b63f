import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { type DraftPath, getIn } from './draft-paths';
import { useEditor } from './editor-context';

/** A copy of a list with one item moved by `by` places (kept inside the list). */
export function moveItem<T>(list: readonly T[], index: number, by: number): T[] {
  const target = Math.min(Math.max(index + by, 0), list.length - 1);
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

/** Adds, moves and removes items of the list at a path of the draft. */
export function useList<T>(path: DraftPath) {
  const { draft, update } = useEditor();
  const list = (getIn(draft, path) ?? []) as T[];
  return {
    list,
    add: (item: T) => update(path, [...list, item]),
    move: (index: number, by: number) => update(path, moveItem(list, index, by)),
    remove: (index: number) =>
      update(
        path,
        list.filter((_, i) => i !== index),
      ),
  };
}

/** The list editor of `useList`, whatever its items. */
export type ListEditor = Pick<ReturnType<typeof useList<unknown>>, 'list' | 'move' | 'remove'>;

/** ListItemActions for item `index` of a list edited with `useList`. */
export function ListEntryActions(props: { list: ListEditor; index: number; name: string }) {
  const { list, index, name } = props;
  return (
    <ListItemActions
      index={index}
      count={list.list.length}
      name={name}
      onMove={(by) => list.move(index, by)}
      onRemove={() => list.remove(index)}
    />
  );
}

/**
 * Up, down and remove for one item of a list. `name` says which item in the buttons' accessible
 * names ("Xóa tiêu chí 1.5"); removing a whole criterion, index or pillar asks first.
 */
export function ListItemActions(props: {
  index: number;
  count: number;
  name: string;
  onMove: (by: number) => void;
  onRemove: () => void;
  confirm?: boolean;
}) {
  const { t } = useI18n();
  const removeLabel = t('frameworkEditor.remove', { name: props.name });
  const removeButton = (
    <Button
      size="small"
      danger
      icon={<DeleteOutlined />}
      aria-label={removeLabel}
      onClick={props.confirm ? undefined : props.onRemove}
    />
  );
  return (
    <Space size={4} wrap={false}>
      <Tooltip title={t('frameworkEditor.moveUp', { name: props.name })}>
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('frameworkEditor.moveUp', { name: props.name })}
          disabled={props.index === 0}
          onClick={() => props.onMove(-1)}
        />
      </Tooltip>
      <Tooltip title={t('frameworkEditor.moveDown', { name: props.name })}>
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('frameworkEditor.moveDown', { name: props.name })}
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(1)}
        />
      </Tooltip>
      {props.confirm ? (
        <Popconfirm
          title={t('frameworkEditor.removeConfirm', { name: props.name })}
          okText={t('frameworkEditor.removeOk')}
          cancelText={t('frameworkEditor.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={props.onRemove}
        >
          {removeButton}
        </Popconfirm>
      ) : (
        <Tooltip title={removeLabel}>{removeButton}</Tooltip>
      )}
    </Space>
  );
}
