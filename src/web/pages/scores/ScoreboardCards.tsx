import { RightOutlined } from '@ant-design/icons';
import { Card, List, Pagination, Progress, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { headlineOf, headlineStatus } from '../../../shared/scoring/headline';
import type { CriterionColumn, CriterionScore, Scoreboard, ScoreboardRow } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { CriterionExplanation } from './CriterionExplanation';
import { LiveBeside, LiveStatusBeside, OfficialTag } from './OfficialScore';
import type { BoardPaging } from './ScoreboardTable';
import { ScoreCell } from './ScoreCell';
import { ScoredUnitMeta } from './ScoredUnitMeta';
import { STATUS_STROKES, STATUS_STYLES, StatusTag, useScoreFormat } from './score-format';

/**
 * The phone board: a card per unit with its percentage and status; a tap opens the unit's scores.
 * A board of one unit (a commune officer's own) shows every criterion with its explanation at once.
 * A longer board comes a page at a time, its pages under the cards.
 */
export function ScoreboardCards(props: {
  board: Scoreboard;
  rows: ScoreboardRow[];
  loading: boolean;
  paging: BoardPaging;
  unitLink: (unitId: string) => string;
  onOpenCriterion: (row: ScoreboardRow, column: CriterionColumn, score: CriterionScore) => void;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const navigate = useNavigate();
  const { board } = props;
  const { paging } = props;
  // One unit on the whole (filtered) board, not the one left on a last page.
  const expanded = paging.total === 1;
  const columnOf = new Map(board.criteria.map((column) => [column.key, column]));

  return (
    <>
      <List<ScoreboardRow>
        loading={props.loading}
        dataSource={props.rows}
        rowKey="unitId"
        locale={{ emptyText: t('scoring.noRows') }}
        renderItem={(row) => (
          <List.Item style={{ paddingInline: 0, borderBlockEnd: 'none', paddingBlock: 4 }}>
            <Card
              size="small"
              style={{ width: '100%', minWidth: 0 }}
              hoverable={!expanded}
              onClick={expanded ? undefined : () => navigate(props.unitLink(row.unitId))}
            >
              <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Link
                    to={props.unitLink(row.unitId)}
                    onClick={(event) => event.stopPropagation()}
                    style={{ fontWeight: 600, overflowWrap: 'anywhere' }}
                  >
                    {row.name}
                  </Link>
                  <ScoredUnitMeta row={row} board={board} />
                </div>
                <Space orientation="vertical" size={0} align="end">
                  <StatusTag status={headlineStatus(row)} />
                  {row.official ? <LiveStatusBeside status={row.status} /> : null}
                </Space>
              </div>
              <Progress
                percent={headlineOf(row, row.official).percent}
                strokeColor={STATUS_STROKES[headlineStatus(row)]}
                format={(value) => format.percent(value ?? 0)}
                aria-label={t('scoring.percent')}
              />
              <Space wrap size={[12, 0]}>
                <Typography.Text strong={Boolean(row.official)}>
                  {t('scoring.pointsValue', {
                    score: format.fraction(headlineOf(row, row.official).score, row.max),
                  })}
                </Typography.Text>
                {row.official ? <OfficialTag official={row.official} /> : null}
                {row.official ? <LiveBeside live={row} /> : null}
                {!row.official &&
                board.period.isRunning &&
                row.projectedScore !== null &&
                row.projectedScore !== row.score ? (
                  <Typography.Text type="secondary">
                    {t('scoring.projectedValue', { score: format.fraction(row.projectedScore, row.max) })}
                  </Typography.Text>
                ) : null}
              </Space>
              {expanded ? (
                <List
                  size="small"
                  style={{ marginTop: 8 }}
                  dataSource={row.criteria}
                  rowKey="code"
                  renderItem={(score) => {
                    const column = columnOf.get(score.key);
                    return (
                      <List.Item style={{ paddingInline: 0, display: 'block' }}>
                        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                          <Typography.Text strong style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                            {score.code} · {column?.title}
                          </Typography.Text>
                          {column ? (
                            <div style={{ flex: 'none' }}>
                              <ScoreCell
                                column={column}
                                score={score}
                                isRunning={board.period.isRunning}
                                onOpen={() => props.onOpenCriterion(row, column, score)}
                              />
                            </div>
                          ) : null}
                        </div>
                        <CriterionExplanation score={score} isRunning={board.period.isRunning} compact />
                      </List.Item>
                    );
                  }}
                />
              ) : (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 6 }}>
                  {row.criteria.map((score) => (
                    <CriterionChip key={score.code} score={score} />
                  ))}
                  <RightOutlined
                    style={{ marginInlineStart: 'auto', alignSelf: 'center', color: '#8c8c8c' }}
                  />
                </div>
              )}
            </Card>
          </List.Item>
        )}
      />
      {paging.total > paging.pageSize ? (
        <Pagination
          simple
          align="center"
          current={paging.page}
          pageSize={paging.pageSize}
          total={paging.total}
          showSizeChanger={false}
          onChange={paging.onPage}
          style={{ marginTop: 8 }}
          data-testid="scoreboard-pages"
        />
      ) : null}
    </>
  );
}

/** A criterion's code and points on its status colour, small enough for a row of them on a phone. */
function CriterionChip({ score }: { score: CriterionScore }) {
  const format = useScoreFormat();
  return (
    <span
      title={`${format.status(score.status)}: ${score.explanation}`}
      style={{
        fontSize: 12,
        padding: '0 6px',
        borderRadius: 4,
        border: `1px solid ${STATUS_STYLES[score.status].border}`,
        background: STATUS_STYLES[score.status].background,
        color: STATUS_STYLES[score.status].text,
        whiteSpace: 'nowrap',
      }}
    >
      {score.code}: {format.fraction(score.official ? score.official.score : score.score, score.max)}
    </span>
  );
}
