import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  dashboardExportUrl,
  type ProvinceDashboard,
  type ProvinceDashboardFilter,
} from '../../api/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPercent } from '../scores/score-format';
import { DataList } from './DataList';

type RiskRow = ProvinceDashboard['atRisk'][number];

/**
 * The commune-level units projected below the target, lowest first, each with the criteria it loses
 * points on and what the scoring engine says is still missing. A list already: no chart.
 */
export function RiskBlock(props: { board: ProvinceDashboard; filter: ProvinceDashboardFilter }) {
  const { t, language } = useI18n();
  const percent = (value: number) => formatPercent(value, language);
  const rows = props.board.atRisk;
  return (
    <Card
      size="small"
      data-testid="dashboard-risk"
      title={
        <span style={{ whiteSpace: 'normal', display: 'block', paddingBlock: 4 }}>
          {t('dashboard.risk.title', { target: percent(props.board.targetPercent) })}
        </span>
      }
    >
      <div style={{ marginBottom: 8 }}>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={dashboardExportUrl(props.filter, 'at_risk')}
          download
        >
          {t('dashboard.export')}
        </Button>
      </div>
      {rows.length === 0 ? (
        <Empty description={t('dashboard.risk.none')} />
      ) : (
        <DataList<RiskRow>
          testId="table-risk"
          rows={rows}
          pageSize={10}
          rowKey={(row) => row.unitId}
          columns={[
            {
              key: 'unit',
              title: t('scoring.unit'),
              render: (row) => (
                <Link to={`/units/${row.unitId}/dashboard?year=${props.board.year}`}>{row.name}</Link>
              ),
            },
            {
              key: 'projected',
              title: t('dashboard.risk.projected'),
              isNumber: true,
              render: (row) =>
                row.officialPercent !== null
                  ? `${percent(row.projectedPercent)} (${t('dashboard.risk.official')})`
                  : percent(row.projectedPercent),
            },
            {
              key: 'live',
              title: t('dashboard.risk.live'),
              isNumber: true,
              render: (row) => percent(row.livePercent),
            },
            {
              key: 'reasons',
              title: t('dashboard.risk.reasons'),
              render: (row) => (
                <div style={{ maxWidth: 520, textAlign: 'left' }}>
                  {row.reasons.slice(0, 3).map((reason) => (
                    <div key={reason.code}>
                      <Typography.Text strong>
                        {t('dashboard.risk.lost', { code: reason.code, lost: reason.lost, max: reason.max })}
                      </Typography.Text>
                      {reason.gaps.length > 0 ? `: ${reason.gaps.join('; ')}` : `: ${reason.explanation}`}
                    </div>
                  ))}
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
