import { App, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useOpenReport, useUnitReports } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { DueLine, StateTag, StatusTag } from './report-format';

/** The periods a unit reports on, latest due first, with its report (open it, or start it). */
export function UnitReportsList({ unitId, canPrepare }: { unitId: string; canPrepare: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const items = useUnitReports(unitId);
  const open = useOpenReport();

  const handleOpen = (periodId: string) =>
    open.mutate(
      { periodId, unitId },
      {
        onSuccess: (report) => navigate(`/reports/${report.id}`),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  if (items.error) return <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />;
  return (
    <List
      loading={items.isLoading}
      dataSource={items.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('reports.unitEmpty')} /> }}
      data-testid="unit-reports"
      renderItem={(item) => (
        <List.Item
          data-testid="unit-report-item"
          actions={[
            item.reportId ? (
              <Link key="view" to={`/reports/${item.reportId}`}>
                {t('reports.view')}
              </Link>
            ) : canPrepare ? (
              <Button
                key="open"
                type="primary"
                size="small"
                loading={open.isPending}
                onClick={() => handleOpen(item.period.id)}
              >
                {t('reports.open')}
              </Button>
            ) : null,
          ]}
        >
          <List.Item.Meta
            title={
              <Space size={[6, 4]} wrap>
                <Typography.Text strong>{item.period.typeName}</Typography.Text>
                <Typography.Text>{item.period.label}</Typography.Text>
              </Space>
            }
            description={
              <Space direction="vertical" size={2}>
                <DueLine dueOn={item.period.dueOn} from={item.period.periodFrom} to={item.period.periodTo} />
                <Space size={[4, 4]} wrap>
                  <StateTag state={item.state} isOverdue={item.isOverdue} />
                  <StatusTag status={item.reportStatus} />
                  {item.isExpected ? null : <Tag>{t('reports.parent')}</Tag>}
                </Space>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
