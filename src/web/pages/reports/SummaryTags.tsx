import { Space, Tag } from 'antd';
import type { ReportPeriod } from '../../api/reports';
import { useI18n } from '../../i18n/I18nProvider';

/** Expected, submitted, on time, late, missing of a period, as tags that wrap on a phone. */
export function SummaryTags({ summary }: { summary: ReportPeriod['summary'] }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap data-testid="period-summary">
      <Tag>{t('reports.summary.expected', { count: summary.expected })}</Tag>
      <Tag color="blue" data-testid="summary-submitted">
        {t('reports.summary.submitted', { count: summary.submitted })}
      </Tag>
      <Tag color="success">{t('reports.summary.onTime', { count: summary.onTime })}</Tag>
      <Tag color="warning">{t('reports.summary.late', { count: summary.late })}</Tag>
      <Tag color={summary.missing ? 'error' : 'default'}>
        {t('reports.summary.missing', { count: summary.missing })}
      </Tag>
    </Space>
  );
}
