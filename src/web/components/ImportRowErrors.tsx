import { Alert, List, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import { useIsDesktop } from '../hooks/use-is-desktop';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

interface BadRow {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

/** The row errors of a refused file (400 with details naming rows), or null for any other failure. */
function badRowsOf(error: unknown): BadRow[] | null {
  if (!isApiError(error, 'VALIDATION_FAILED') || !error.details.some((detail) => detail.row !== undefined))
    return null;
  return error.details.map((detail, index) => ({
    key: index,
    row: detail.row ?? null,
    column: detail.column ?? detail.field ?? '',
    message: detail.message,
  }));
}

/**
 * The failure of a file import (records spreadsheet, a station's as-run log): a file refused for its
 * rows lists every bad row with its column and message, a table on wide screens and a list on phones
 * (a three-column table does not fit 360 px); any other failure is the usual error banner.
 */
export function ImportRowErrors(props: { error: unknown; title: string }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  if (!props.error) return null;
  const badRows = badRowsOf(props.error);
  if (!badRows)
    return (
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={props.error} />
      </div>
    );
  return (
    <div style={{ marginTop: 16 }}>
      <Alert type="error" showIcon role="alert" title={props.title} />
      {isDesktop ? (
        <Table<BadRow>
          size="small"
          style={{ marginTop: 12 }}
          rowKey="key"
          dataSource={badRows}
          pagination={badRows.length > 50 ? { pageSize: 50 } : false}
          tableLayout="fixed"
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 64 },
            {
              title: t('import.column'),
              dataIndex: 'column',
              width: 120,
              // Headers are the file's own and may be long without spaces.
              render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>,
            },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      ) : (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={badRows}
          renderItem={(bad) => (
            <List.Item key={bad.key}>
              <div>
                <Typography.Text strong>
                  {t('import.row')} {bad.row} · {bad.column}
                </Typography.Text>
                <div>{bad.message}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/**
 * Rows of an accepted file worth a word (skipped as already there, stored again, suspected
 * duplicates): a heading, then "Row n: message" per row, each with an optional tag.
 */
export function ImportRowNotes(props: {
  heading: ReactNode;
  rows: Array<{ row: number; message: string }>;
  tag?: string;
}) {
  const { t } = useI18n();
  if (props.rows.length === 0) return null;
  return (
    <>
      <div>{props.heading}</div>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={props.tag}>
        {props.rows.map((note) => (
          <li key={note.row}>
            {props.tag ? <Tag>{props.tag}</Tag> : null}
            {t('import.row')} {note.row}: {note.message}
          </li>
        ))}
      </ul>
    </>
  );
}
