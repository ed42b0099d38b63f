import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type ScoreboardView, type ScoreHistoryItem, useScoreHistory } from '../../api/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { LiveBeside } from '../scores/OfficialScore';
import { periodName } from '../scores/periods';
import { useScoreFormat } from '../scores/score-format';
import { unitScoresLink } from '../scores/unit-scores-link';
import { SourceTag } from './ranking-parts';

/**
 * A unit's score period after period under one framework, each period by the version in force then
 * and from its published appraisal where there is one. A period opens the unit's scores for it; the
 * one shown on the page stands out. Phones get three columns (the version under the period, the
 * percentage under the points) so nothing scrolls sideways.
 */
export function ScoreHistoryCard(props: {
  unitId: string;
  framework: string;
  period: string;
  view: ScoreboardView | undefined;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const isDesktop = useIsDesktop();
  const history = useScoreHistory(props.unitId, { framework: props.framework, view: props.view });
  const items = history.data ? [...history.data.items].reverse() : [];
  const yearly = items.every((item) => !item.periodKey.includes('-'));
  const periodLink = (item: ScoreHistoryItem) => (
    <Link
      to={unitScoresLink(props.unitId, {
        framework: props.framework,
        period: item.periodKey,
        view: props.view,
      })}
      style={{ fontWeight: item.periodKey === props.period ? 600 : undefined, whiteSpace: 'nowrap' }}
    >
      {periodName(item.periodKey, t)}
    </Link>
  );

  const columns: TableColumnsType<ScoreHistoryItem> = isDesktop
    ? [
        { key: 'period', title: t('scoring.ranking.history.period'), render: (_, item) => periodLink(item) },
        {
          key: 'version',
          title: t('scoring.ranking.history.version'),
          dataIndex: 'frameworkVersion',
        },
        {
          key: 'score',
          title: t('scoring.ranking.score'),
          align: 'right',
          render: (_, item) => (
            <div style={{ whiteSpace: 'nowrap' }}>
              {format.fraction(item.score, item.max)}
              {item.official ? (
                <div>
                  <LiveBeside live={item.live} withPercent={false} />
                </div>
              ) : null}
            </div>
          ),
        },
        {
          key: 'percent',
          title: t('scoring.ranking.percent'),
          align: 'right',
          render: (_, item) => <Typography.Text strong>{format.percent(item.percent)}</Typography.Text>,
        },
        {
          key: 'source',
          title: t('scoring.ranking.source'),
          render: (_, item) => <SourceTag source={item.source} />,
        },
      ]
    : [
        {
          key: 'period',
          title: t('scoring.ranking.history.period'),
          render: (_, item) => (
            <div>
              {periodLink(item)}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('scoring.ranking.history.versionValue', { version: item.frameworkVersion })}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        {
          key: 'score',
          title: t('scoring.ranking.score'),
          align: 'right',
          render: (_, item) => (
            <div style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text strong>{format.percent(item.percent)}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.fraction(item.score, item.max)}
                </Typography.Text>
              </div>
              {item.official ? (
                <div>
                  <LiveBeside live={item.live} withPercent={false} />
                </div>
              ) : null}
            </div>
          ),
        },
        {
          key: 'source',
          title: t('scoring.ranking.source'),
          render: (_, item) => <SourceTag source={item.source} />,
        },
      ];

  return (
    <Card
      size="small"
      title={t(yearly ? 'scoring.ranking.history.title' : 'scoring.ranking.history.titlePeriods')}
      data-testid="score-history"
    >
      {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      <Table<ScoreHistoryItem>
        size="small"
        rowKey="periodKey"
        columns={columns}
        dataSource={items}
        loading={history.isFetching}
        pagination={false}
        locale={{ emptyText: t('scoring.ranking.history.empty') }}
        scroll={isDesktop ? undefined : { x: 'max-content' }}
      />
    </Card>
  );
}
