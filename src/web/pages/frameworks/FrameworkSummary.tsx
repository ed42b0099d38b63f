import { List, Space, Table, Typography } from 'antd';
import { UNIT_KIND_LABELS } from '../../../shared/units';
import type { FrameworkHeader, FrameworkKindTotal } from '../../api/frameworks';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPoints } from './describe-rule';
import { Fact, useValidityText } from './FrameworkFacts';

/** Criteria and total points per unit kind: a table on wide screens, lines on phones. */
function KindTable({ kinds }: { kinds: FrameworkKindTotal[] }) {
  const { t, label, language } = useI18n();
  const isDesktop = useIsDesktop();
  if (!isDesktop)
    return (
      <List
        size="small"
        dataSource={kinds}
        rowKey="kind"
        renderItem={(kind) => (
          <List.Item style={{ display: 'block', paddingInline: 0, overflowWrap: 'anywhere' }}>
            <Typography.Text strong>
              {t('frameworks.kindTotal', {
                kind: label(UNIT_KIND_LABELS[kind.kind]),
                criteria: kind.criteria,
                total: formatPoints(kind.total, language),
              })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{kind.codes.join(', ')}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
    );
  return (
    <Table<FrameworkKindTotal>
      size="small"
      rowKey="kind"
      dataSource={kinds}
      pagination={false}
      columns={[
        {
          title: t('frameworks.tools.kind'),
          dataIndex: 'kind',
          render: (kind: FrameworkKindTotal['kind']) => label(UNIT_KIND_LABELS[kind]),
        },
        { title: t('frameworks.tools.criteria'), dataIndex: 'criteria', align: 'right' },
        {
          title: t('frameworks.tools.total'),
          dataIndex: 'total',
          align: 'right',
          render: (total: number) => formatPoints(total, language),
        },
        {
          title: t('frameworks.tools.codes'),
          dataIndex: 'codes',
          render: (codes: string[]) => codes.join(', '),
        },
      ]}
    />
  );
}

/** What a valid file holds: its metadata, then the criteria and totals per unit kind. */
export function FrameworkSummary({ header }: { header: FrameworkHeader }) {
  const { t } = useI18n();
  const validity = useValidityText();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
        {header.name}
      </Typography.Text>
      <Fact label={t('frameworks.code')}>
        <Typography.Text code>{header.code}</Typography.Text> ·{' '}
        {t('frameworks.versionValue', { version: header.version })}
      </Fact>
      <Fact label={t('frameworks.legalBasis')}>{header.legalBasis}</Fact>
      <Fact label={t('frameworks.issuingBody')}>{header.issuingBody}</Fact>
      <Fact label={t('frameworks.validity')}>{validity(header)}</Fact>
      <Fact label={t('frameworks.periodKind')}>{t(`frameworks.period.${header.periodKind}`)}</Fact>
      <Typography.Text type="secondary">
        {t('frameworks.tools.summary')} ({t('frameworks.criteriaCount', { count: header.criteriaCount })}):
      </Typography.Text>
      <KindTable kinds={header.kinds} />
    </Space>
  );
}
