import { List, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsDesktop } from '../../hooks/use-is-desktop';

export interface DataColumn<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Numbers align right in the table. */
  isNumber?: boolean;
}

/**
 * Rows of figures: a table on wide screens, a list of small cards on phones (each row's first column
 * as its title, the others as "label: value" lines), so nothing needs a sideways scroll at 360 px.
 */
export function DataList<T>(props: {
  columns: Array<DataColumn<T>>;
  rows: T[];
  rowKey: (row: T) => string;
  testId?: string;
  /** Rows per page (50 in a table, 20 in a phone's list unless given). */
  pageSize?: number;
}) {
  const isDesktop = useIsDesktop();
  const [first, ...rest] = props.columns;
  if (isDesktop || !first)
    return (
      <Table<T>
        size="small"
        data-testid={props.testId}
        rowKey={props.rowKey}
        dataSource={props.rows}
        pagination={
          props.rows.length > (props.pageSize ?? 50)
            ? { pageSize: props.pageSize ?? 50, showSizeChanger: false }
            : false
        }
        scroll={{ x: 'max-content' }}
        columns={props.columns.map((column) => ({
          key: column.key,
          title: column.title,
          align: column.isNumber ? 'right' : undefined,
          render: (_: unknown, row: T) => column.render(row),
        }))}
      />
    );
  return (
    <List<T>
      size="small"
      data-testid={props.testId}
      dataSource={props.rows}
      rowKey={props.rowKey}
      pagination={
        props.rows.length > (props.pageSize ?? 20)
          ? { pageSize: props.pageSize ?? 20, size: 'small', showSizeChanger: false }
          : false
      }
      renderItem={(row) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {first.render(row)}
          </Typography.Text>
          {rest.map((column) => (
            <div key={column.key} style={{ display: 'flex', gap: 8, justifyContent: 'space-between' }}>
              <Typography.Text type="secondary">{column.title}</Typography.Text>
              <span style={{ textAlign: 'right', overflowWrap: 'anywhere' }}>{column.render(row)}</span>
            </div>
          ))}
        </List.Item>
      )}
    />
  );
}
