import { Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../../api/auth';
import { useUnitMonitor } from '../../api/monitor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { UnitPicker } from '../../components/UnitPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { MonitorSettingsForm } from './MonitorSettingsForm';
import { MonitorStatus } from './MonitorStatus';
import { OverridesEditor } from './OverridesEditor';
import { ReviewQueue } from './ReviewQueue';

/**
 * "Giám sát trang tin": for one unit (chosen, or the first the user is granted on), the status of its
 * website DX columns and banner with "Kiểm tra ngay", the review queue of its roll-up, and for the
 * DX office the province's settings and each column's reading rules. Phone-first.
 */
export function MonitorPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams<{ unitId?: string }>();
  const me = useMe().data;
  const unitId = params.unitId ?? me?.grants.find((grant) => grant.unitId)?.unitId ?? undefined;
  const monitor = useUnitMonitor(unitId);

  return (
    <div style={{ maxWidth: 900 }}>
      <Typography.Title level={3}>{t('monitor.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('monitor.intro')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {/* The picker knows a unit's name only once chosen in it: the current unit is named above it instead of as an id. */}
        {monitor.data && (
          <Typography.Title level={4} style={{ margin: 0 }}>
            {monitor.data.unitName}
          </Typography.Title>
        )}
        <UnitPicker
          id="monitor-unit"
          value={null}
          onChange={(next) => next && navigate(`/monitor/units/${next}`)}
        />
      </Space>
      {monitor.error && <ErrorAlert error={monitor.error} />}
      {unitId && monitor.isLoading && <PageSpinner />}
      {monitor.data && (
        <Tabs
          items={[
            {
              key: 'status',
              label: t('monitor.tab.status'),
              children: <MonitorStatus data={monitor.data} />,
            },
            {
              key: 'review',
              label: t('monitor.tab.review'),
              children: (
                <ReviewQueue
                  unitId={monitor.data.unitId}
                  canExport={monitor.data.canManage}
                  classifier={monitor.data.classifier}
                />
              ),
            },
            ...(monitor.data.canManage
              ? [
                  {
                    key: 'settings',
                    label: t('monitor.tab.settings'),
                    children: (
                      <>
                        <MonitorSettingsForm unitId={monitor.data.unitId} />
                        <OverridesEditor data={monitor.data} />
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}
