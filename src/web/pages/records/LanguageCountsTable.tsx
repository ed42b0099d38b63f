import { List, Table, Typography } from 'antd';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '../../../shared/activities';
import type { LanguageCounts } from '../../api/activities';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';

type CountsRow = LanguageCounts['totals'][number] & { unitId?: string; unitName?: string };

const keyOf = (row: CountsRow) => `${row.unitId ?? ''}|${row.language}`;

/**
 * Counts of one language (optionally of one unit) by record kind: a table on wide screens, a list
 * with the non-zero kinds on a line on phones.
 */
export function LanguageCountsTable(props: {
  rows: CountsRow[];
  loading: boolean;
  isDesktop: boolean;
  showUnit?: boolean;
  /** The unit counted: its province's vocabulary names the languages in the UI's language. */
  unitId: string;
}) {
  const { t, label } = useI18n();
  const { languageName } = useVocabularyNames(props.unitId);
  const nameOf = (row: CountsRow) => languageName(row.language, row.languageName);
  const empty = t('recordActions.noLanguageCounts');

  if (!props.isDesktop)
    return (
      <List<CountsRow>
        size="small"
        loading={props.loading}
        dataSource={props.rows}
        rowKey={keyOf}
        locale={{ emptyText: empty }}
        renderItem={(row) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong style={{ minWidth: 0 }}>
                {props.showUnit ? `${row.unitName} · ${nameOf(row)}` : nameOf(row)}
              </Typography.Text>
              <Typography.Text strong>{row.total}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {ACTIVITY_KINDS.filter((kind) => row.counts[kind] > 0)
                .map((kind) => `${label(ACTIVITY_KIND_LABELS[kind])}: ${row.counts[kind]}`)
                .join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
    );

  return (
    <Table<CountsRow>
      size="small"
      rowKey={keyOf}
      loading={props.loading}
      dataSource={props.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      columns={[
        ...(props.showUnit
          ? [{ title: t('record.unit'), key: 'unit', render: (_: unknown, row: CountsRow) => row.unitName }]
          : []),
        { title: t('record.language'), key: 'language', render: (_, row) => nameOf(row) },
        ...ACTIVITY_KINDS.map((kind) => ({
          title: label(ACTIVITY_KIND_LABELS[kind]),
          key: kind,
          align: 'right' as const,
          width: 120,
          render: (_: unknown, row: CountsRow) => row.counts[kind],
        })),
        {
          title: t('recordActions.total'),
          key: 'total',
          align: 'right',
          width: 90,
          render: (_, row) => <Typography.Text strong>{row.total}</Typography.Text>,
        },
      ]}
    />
  );
}
