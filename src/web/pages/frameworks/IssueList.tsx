import { List, Table, Typography } from 'antd';
import type { FrameworkIssue } from '../../api/frameworks';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

interface IssueRow extends FrameworkIssue {
  key: number;
}

/** "dòng 14, cột 9", "dòng 3" or "cả tệp". */
function useWhere(): (issue: FrameworkIssue) => string {
  const { t } = useI18n();
  return (issue) => {
    if (issue.line === null) return t('frameworks.issue.wholeFile');
    if (issue.column === null) return t('frameworks.issue.whereLine', { line: issue.line });
    return t('frameworks.issue.where', { line: issue.line, column: issue.column });
  };
}

function IssuePath({ path }: { path: string }) {
  if (!path) return null;
  return (
    <Typography.Text code style={{ overflowWrap: 'anywhere', wordBreak: 'break-word' }}>
      {path}
    </Typography.Text>
  );
}

/**
 * Every problem of a file where the person editing it will look for it: the line and column, the
 * path in the tree, the message. A table on wide screens, a list on phones.
 */
export function IssueList(props: { issues: readonly FrameworkIssue[]; label: string }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const where = useWhere();
  const rows: IssueRow[] = props.issues.map((issue, index) => ({ ...issue, key: index }));

  if (!isDesktop)
    return (
      <List
        size="small"
        aria-label={props.label}
        dataSource={rows}
        rowKey="key"
        renderItem={(issue) => (
          <List.Item style={{ display: 'block', paddingInline: 0, overflowWrap: 'anywhere' }}>
            <Typography.Text strong>{where(issue)}</Typography.Text>
            {issue.path ? (
              <>
                {' — '}
                <IssuePath path={issue.path} />
              </>
            ) : null}
            {' — '}
            {issue.message}
          </List.Item>
        )}
      />
    );

  return (
    <Table<IssueRow>
      size="small"
      aria-label={props.label}
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      tableLayout="fixed"
      columns={[
        {
          title: t('frameworks.issue.line'),
          dataIndex: 'line',
          width: 64,
          render: (line: number | null) => line ?? '—',
        },
        {
          title: t('frameworks.issue.column'),
          dataIndex: 'column',
          width: 64,
          render: (column: number | null) => column ?? '—',
        },
        {
          title: t('frameworks.issue.path'),
          dataIndex: 'path',
          width: '32%',
          render: (path: string) => <IssuePath path={path} />,
        },
        { title: t('frameworks.issue.message'), dataIndex: 'message' },
      ]}
    />
  );
}
