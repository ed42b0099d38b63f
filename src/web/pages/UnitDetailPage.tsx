import { ArrowLeftOutlined, CalendarOutlined, DashboardOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { useUnit, useUnitHistory } from '../api/units';
import { AsOfPicker } from '../components/AsOfPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { UnitKindTag, UnitLifeTag } from '../components/UnitTags';
import { formatDay, parseIsoDay } from '../format/dates';
import { useSearchParam } from '../hooks/use-search-param';
import { useI18n } from '../i18n/I18nProvider';
import { ChannelsCard } from './unit/ChannelsCard';
import { UnitHistoryCard } from './unit/UnitHistoryCard';
import { UnitInfoCard } from './unit/UnitInfoCard';
import { UnitLineageCard } from './unit/UnitLineageCard';
import { UnitRollupCard } from './unit/UnitRollupCard';

/** One unit: its details as of a day, its history, its predecessors and successors, and its roll-up. */
export function UnitDetailPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const [rawDate, setDate] = useSearchParam('date');
  const date = parseIsoDay(rawDate) ? rawDate : undefined;
  const unit = useUnit(unitId, date);
  const history = useUnitHistory(unitId);

  if (unit.isError && isApiError(unit.error, 'NOT_FOUND')) {
    return (
      <Result
        status="404"
        title={t('unit.notFound')}
        extra={
          <Link to="/units">
            <ArrowLeftOutlined /> {t('unit.backToTree')}
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Link to={date ? `/?date=${date}` : '/'}>
        <ArrowLeftOutlined /> {t('unit.backToTree')}
      </Link>
      {unit.isError ? <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} /> : null}
      {unit.isPending ? <Skeleton active /> : null}
      {unit.data ? (
        <>
          <Typography.Title level={2} style={{ marginTop: 8, marginBottom: 4, fontSize: 24 }}>
            {unit.data.name}
          </Typography.Title>
          <div style={{ marginBottom: 12 }}>
            <UnitKindTag kind={unit.data.kind} />
            <UnitLifeTag unit={unit.data} />
          </div>
          <Space wrap size={8} style={{ marginBottom: 16 }}>
            <label htmlFor="unit-as-of">{t('tree.asOf')}</label>
            <AsOfPicker id="unit-as-of" value={date} onChange={setDate} />
            <Link to={`/units/${unitId}/calendar`}>
              <CalendarOutlined /> {t('calendar.link')}
            </Link>
            <Link to={`/units/${unitId}/scores`}>
              <TrophyOutlined /> {t('scoring.title')}
            </Link>
            <Link to={`/units/${unitId}/dashboard`}>
              <DashboardOutlined /> {t('dashboard.unitLink')}
            </Link>
          </Space>
          {date && !unit.data.existedOnDate ? (
            <Alert
              type="warning"
              showIcon
              title={t('unit.notExisting', { date: formatDay(date) })}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <UnitInfoCard unit={unit.data} date={date} />
                <UnitLineageCard
                  title="unit.predecessors"
                  hint="unit.predecessorsHint"
                  empty="unit.noPredecessors"
                  units={history.data?.predecessors}
                  loading={history.isPending}
                />
                <UnitLineageCard
                  title="unit.successors"
                  hint="unit.successorsHint"
                  empty="unit.noSuccessors"
                  units={history.data?.successors}
                  loading={history.isPending}
                />
              </Space>
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <UnitHistoryCard
                  unitId={unitId}
                  history={history.data}
                  error={history.error}
                  onRetry={() => void history.refetch()}
                />
                <ChannelsCard unitId={unitId} />
                <UnitRollupCard unitId={unitId} />
              </Space>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
