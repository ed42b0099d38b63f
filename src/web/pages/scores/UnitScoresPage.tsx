import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Progress, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { headlineOf } from '../../../shared/scoring/headline';
import { buildUrl, isApiError } from '../../api/client';
import { type UnitScores, useUnitScores } from '../../api/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitKindTag } from '../../components/UnitTags';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { AssessmentEntryButton } from '../assessments/AssessmentEntryButton';
import { ScoreHistoryCard } from '../rankings/ScoreHistoryCard';
import { CountedRecordsDrawer, type OpenCriterion } from './CountedRecordsDrawer';
import { CriterionCard } from './CriterionCard';
import { LiveBeside, OfficialTag } from './OfficialScore';
import { PeriodLine } from './PeriodLine';
import { ScoreboardFilters } from './ScoreboardFilters';
import { STATUS_STROKES, StatusTag, useScoreFormat } from './score-format';
import { useScoreFilters } from './use-score-filters';

/**
 * One unit's live scores (/units/:unitId/scores?framework=&period=): a card per criterion with the
 * explanation, the projection at the current pace, what is still missing and the counted records.
 */
export function UnitScoresPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const filters = useScoreFilters();
  const filter = { framework: filters.framework, period: filters.period, view: filters.view };
  const scores = useUnitScores(filters.ready ? unitId : '', filter);
  const [openCriterion, setOpenCriterion] = useState<OpenCriterion | null>(null);
  const data = scores.data;
  const backLink = buildUrl('/scores', {
    framework: filters.framework,
    period: filters.period,
    view: filters.view,
  });

  if (scores.isError && isApiError(scores.error, 'NOT_FOUND'))
    return (
      <Result
        status="404"
        title={t('scoring.unitNotFound')}
        extra={
          <Link to={backLink}>
            <ArrowLeftOutlined /> {t('scoring.title')}
          </Link>
        }
      />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Link to={backLink}>
          <ArrowLeftOutlined /> {t('scoring.title')}
        </Link>
        <Typography.Title level={2} style={{ margin: '4px 0 0', fontSize: 20 }}>
          {data ? t('scoring.unitTitle', { unit: data.unit.name }) : t('scoring.title')}
        </Typography.Title>
        {data ? (
          <div>
            <UnitKindTag kind={data.unit.kind} />
            <Typography.Text type="secondary">{data.framework.legalBasis}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <AssessmentEntryButton
                unitId={data.unit.id}
                framework={data.framework.code}
                period={data.period.key}
              />
            </div>
          </div>
        ) : null}
      </div>
      <Card size="small">
        <ScoreboardFilters
          filters={filters}
          board={data ? { framework: data.framework, view: data.view, criteria: [] } : undefined}
          withScope={false}
        />
      </Card>
      {scores.error ? <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} /> : null}
      {scores.isLoading || !filters.ready ? <Skeleton active /> : null}
      {data ? (
        <>
          <UnitTotalCard scores={data} />
          <Row gutter={[12, 12]}>
            {data.criteria.map((criterion) => (
              <Col key={criterion.code} xs={24} lg={12}>
                <CriterionCard
                  unitId={data.unit.id}
                  criterion={criterion}
                  filter={filter}
                  isRunning={data.period.isRunning}
                  onOpenRecords={() =>
                    setOpenCriterion({
                      unitId: data.unit.id,
                      unitName: data.unit.name,
                      code: criterion.code,
                      title: criterion.title,
                      score: criterion,
                    })
                  }
                />
              </Col>
            ))}
          </Row>
          <ScoreHistoryCard
            unitId={data.unit.id}
            framework={data.framework.code}
            period={data.period.key}
            view={filters.view}
          />
          <CountedRecordsDrawer
            open={openCriterion}
            filter={filter}
            isRunning={data.period.isRunning}
            onClose={() => setOpenCriterion(null)}
          />
        </>
      ) : null}
    </Space>
  );
}

/**
 * The unit's total as a percentage (how units of different kinds compare), the projection, the days
 * counted, and whose records count: the unit's own and those of units merged into it.
 */
function UnitTotalCard({ scores }: { scores: UnitScores }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const others = scores.sourceUnits.filter((unit) => unit.id !== scores.unit.id);
  const lateStart = scores.activeFrom > scores.period.from;
  const headline = headlineOf(scores, scores.official);

  return (
    <Card size="small">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="unit-headline">
            {t(scores.official ? 'official.headline' : 'scoring.totalValue', {
              score: format.fraction(headline.score, headline.max),
              percent: format.percent(headline.percent),
            })}
          </Typography.Text>
          {scores.official ? (
            <OfficialTag official={scores.official} />
          ) : (
            <StatusTag status={scores.status} />
          )}
        </div>
        {scores.official ? <LiveBeside live={scores} /> : null}
        <Progress
          percent={headline.percent}
          strokeColor={STATUS_STROKES[scores.status]}
          format={(value) => format.percent(value ?? 0)}
          aria-label={t('scoring.percent')}
        />
        {!scores.official && scores.period.isRunning && scores.projectedScore !== null ? (
          <Typography.Text>
            {t('scoring.projectedValue', { score: format.fraction(scores.projectedScore, scores.max) })}
          </Typography.Text>
        ) : null}
        <PeriodLine period={scores.period} />
        {lateStart ? (
          <Typography.Text type="secondary">
            {t('scoring.activeFrom', { day: formatDay(scores.activeFrom) })}
          </Typography.Text>
        ) : null}
        {scores.activeUntil ? (
          <Typography.Text type="secondary">
            {t('scoring.activeUntil', { day: formatDay(scores.activeUntil) })}
          </Typography.Text>
        ) : null}
        {others.length ? (
          <Typography.Text type="secondary">
            {t('scoring.sourceUnits', {
              units: [scores.unit.name, ...others.map((unit) => unit.name)].join(', '),
            })}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
