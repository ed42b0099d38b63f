import { Card, Descriptions, List, Space, Typography } from 'antd';
import type { ReportDetail } from '../../api/reports';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { StateTag } from './report-format';

type Totals = ReportDetail['results']['totals'];
const TOTAL_KEYS: Array<keyof Totals> = [
  'posts',
  'dxPosts',
  'broadcasts',
  'broadcastMinutes',
  'pressIssues',
  'ethnicLanguageItems',
  'schedulesIssued',
];

/**
 * Part I, read-only: the unit's totals (frozen at submission, else live) and, in a parent's report,
 * one row per expected child with its state, its totals and its score, and the sum of the children.
 */
export function ReportPartOne({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const { results } = report;
  const children = results.children ?? [];
  const sum = Object.fromEntries(
    TOTAL_KEYS.map((key) => [key, children.reduce((total, child) => total + (child.totals?.[key] ?? 0), 0)]),
  ) as Totals;
  return (
    <Card size="small" title={t('reports.page.part1')} data-testid="report-part1">
      <Typography.Paragraph type="secondary">
        {report.isResultsFrozen
          ? t('reports.page.part1Frozen', { time: formatDateTime(results.computedAt) })
          : t('reports.page.part1Live')}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        {TOTAL_KEYS.map((key) => (
          <Descriptions.Item key={key} label={t(`reports.total.${key}`)}>
            {results.totals[key]}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {children.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('reports.page.children')}
          </Typography.Title>
          <List
            size="small"
            dataSource={children}
            data-testid="report-children"
            renderItem={(child) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space size={[6, 4]} wrap>
                    <Typography.Text strong>{child.unitName}</Typography.Text>
                    <StateTag state={child.state} />
                    {child.score ? (
                      <Typography.Text type="secondary">
                        {t('reports.page.score', { score: child.score.score, max: child.score.max })}
                        {child.score.official ? ` (${t('reports.page.scoreOfficial')})` : ''}
                      </Typography.Text>
                    ) : null}
                  </Space>
                  {child.totals ? (
                    <Typography.Text type="secondary">
                      {t('reports.total.posts')} {child.totals.posts} · {t('reports.total.broadcasts')}{' '}
                      {child.totals.broadcasts} · {t('reports.total.broadcastMinutes')}{' '}
                      {child.totals.broadcastMinutes}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
            footer={
              <Typography.Text strong>
                {t('reports.page.childrenTotal')}: {t('reports.total.posts')} {sum.posts} ·{' '}
                {t('reports.total.broadcasts')} {sum.broadcasts} · {t('reports.total.broadcastMinutes')}{' '}
                {sum.broadcastMinutes}
              </Typography.Text>
            }
          />
        </>
      ) : null}
    </Card>
  );
}
