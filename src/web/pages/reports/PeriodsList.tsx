import { Empty, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useReportPeriods, useReportTypes } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { DueLine } from './report-format';
import { SummaryTags } from './SummaryTags';

/** The periods of the types a unit defines, each with its completeness; a period opens its unit list. */
export function PeriodsList({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const [typeId, setTypeId] = useState<string | undefined>();
  const types = useReportTypes(unitId);
  const periods = useReportPeriods(unitId, typeId);
  const own = (types.data?.items ?? []).filter((type) => type.ownerUnitId === unitId);
  if (periods.error) return <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        style={{ width: '100%', maxWidth: 420 }}
        placeholder={t('reports.allTypes')}
        value={typeId}
        onChange={setTypeId}
        options={own.map((type) => ({ value: type.id, label: type.name }))}
        aria-label={t('reports.allTypes')}
      />
      <List
        loading={periods.isLoading}
        dataSource={periods.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('reports.periodsEmpty')} /> }}
        data-testid="report-periods"
        renderItem={(period) => (
          <List.Item data-testid="report-period-item">
            <List.Item.Meta
              title={
                <Link to={`/reports/periods/${period.id}`}>
                  {period.typeName} — {period.label}
                </Link>
              }
              description={
                <Space direction="vertical" size={4}>
                  <DueLine dueOn={period.dueOn} from={period.periodFrom} to={period.periodTo} />
                  <SummaryTags summary={period.summary} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{t('reports.onTimeRule')}</Typography.Text>
    </Space>
  );
}
