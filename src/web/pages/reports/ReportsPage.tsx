import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../../api/auth';
import { useUnitRoots } from '../../api/units';
import { useSearchParam } from '../../hooks/use-search-param';
import { useI18n } from '../../i18n/I18nProvider';
import { PeriodsList } from './PeriodsList';
import { ReportTypesList } from './ReportTypesList';
import { UnitReportsList } from './UnitReportsList';

const PREPARE_ROLES = new Set(['system_admin', 'dx_office', 'unit_head', 'unit_officer']);
const DEFINE_ROLES = new Set(['system_admin', 'dx_office']);

/**
 * Báo cáo (/reports): a unit's people see the periods their unit reports on and open their report;
 * the DX office also follows who has submitted each period and defines the report types.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const roots = useUnitRoots(undefined);
  const [unitParam, setUnitParam] = useSearchParam('unit');
  const [tab, setTab] = useSearchParam('tab');
  const units = roots.data ?? [];
  const unitId = unitParam ?? units[0]?.id;
  const roles = useMemo(() => new Set((me?.grants ?? []).map((grant) => grant.role)), [me]);
  const canDefine = [...roles].some((role) => DEFINE_ROLES.has(role));
  const canPrepare = [...roles].some((role) => PREPARE_ROLES.has(role));

  const items = unitId
    ? [
        {
          key: 'unit',
          label: t('reports.tab.unit'),
          children: <UnitReportsList unitId={unitId} canPrepare={canPrepare} />,
        },
        ...(canDefine
          ? [
              { key: 'periods', label: t('reports.tab.periods'), children: <PeriodsList unitId={unitId} /> },
              {
                key: 'types',
                label: t('reports.tab.types'),
                children: <ReportTypesList unitId={unitId} canDefine />,
              },
            ]
          : []),
      ]
    : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      {units.length > 1 ? (
        <Select
          style={{ width: '100%', maxWidth: 420 }}
          value={unitId}
          onChange={(value) => setUnitParam(value)}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          aria-label={t('reports.unit')}
        />
      ) : null}
      <Card size="small">
        <Tabs
          activeKey={tab ?? (canDefine ? 'periods' : 'unit')}
          onChange={(key) => setTab(key)}
          items={items}
        />
      </Card>
    </Space>
  );
}
