import { Progress, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { headlineOf, headlineStatus } from '../../../shared/scoring/headline';
import { compareVietnamese } from '../../../shared/text';
import type { CriterionColumn, CriterionScore, Scoreboard, ScoreboardRow } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { LiveBeside, LiveStatusBeside, OfficialTag } from './OfficialScore';
import { ScoreCell } from './ScoreCell';
import { ScoredUnitMeta } from './ScoredUnitMeta';
import { STATUS_STROKES, StatusTag, useScoreFormat } from './score-format';
import type { ScoreSort } from './use-score-filters';

const byCode = compareVietnamese;

/** The page of the board shown, out of how many rows; the server sends one page at a time. */
export interface BoardPaging {
  page: number;
  pageSize: number;
  /** The rows of every page (after the status filter). */
  total: number;
  onPage: (page: number) => void;
}

/**
 * The criteria some unit on the whole board is scored on, in code order: a framework for districts
 * and communes has district-only criteria that a board of today's communes would show empty. The
 * server says which (`usedCriteria`), so every page shows the same columns.
 */
function shownColumns(board: Scoreboard): CriterionColumn[] {
  const used = new Set(board.usedCriteria);
  const columns = used.size ? board.criteria.filter((column) => used.has(column.key)) : board.criteria;
  return [...columns].sort((a, b) => byCode(a.code, b.code));
}

/**
 * The desktop board: a row per unit, a column per criterion coloured by status, then the total, the
 * percentage (what compares units of different kinds) and the unit's status. The table scrolls
 * inside its own box when the criteria do not fit.
 */
export function ScoreboardTable(props: {
  board: Scoreboard;
  rows: ScoreboardRow[];
  loading: boolean;
  sort: ScoreSort;
  paging: BoardPaging;
  onSort: (sort: ScoreSort) => void;
  unitLink: (unitId: string) => string;
  onOpenCriterion: (row: ScoreboardRow, column: CriterionColumn, score: CriterionScore) => void;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { board, paging } = props;
  const isRunning = board.period.isRunning;

  const criterionColumns: TableColumnsType<ScoreboardRow> = shownColumns(board).map((column) => ({
    key: column.key,
    title: (
      <Tooltip title={`${column.title} (${t('scoring.maxPoints', { max: format.points(column.max) })})`}>
        <span style={{ whiteSpace: 'nowrap' }}>{column.code}</span>
      </Tooltip>
    ),
    width: 92,
    align: 'center',
    render: (_: unknown, row: ScoreboardRow) => {
      const score = row.criteria.find((criterion) => criterion.key === column.key);
      if (!score)
        return (
          <Tooltip title={t('scoring.notApplicable')}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        );
      return (
        <ScoreCell
          column={column}
          score={score}
          isRunning={isRunning}
          onOpen={() => props.onOpenCriterion(row, column, score)}
        />
      );
    },
  }));

  const columns: TableColumnsType<ScoreboardRow> = [
    {
      key: 'unit',
      title: t('scoring.unit'),
      fixed: 'left',
      width: 240,
      render: (_, row) => (
        <div style={{ minWidth: 0 }}>
          <Link to={props.unitLink(row.unitId)}>{row.name}</Link>
          <ScoredUnitMeta row={row} board={board} />
        </div>
      ),
    },
    ...criterionColumns,
    {
      key: 'total',
      title: t('scoring.total'),
      width: 150,
      align: 'right',
      render: (_, row) => {
        const headline = headlineOf(row, row.official);
        return (
          <div style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong>{format.fraction(headline.score, headline.max)}</Typography.Text>
            {row.official ? (
              <div>
                <OfficialTag official={row.official} />
                <div>
                  <LiveBeside live={row} withPercent={false} />
                </div>
              </div>
            ) : isRunning && row.projectedScore !== null && row.projectedScore !== row.score ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('scoring.projectedShort', { score: format.points(row.projectedScore) })}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      key: 'percent',
      title: t('scoring.percent'),
      width: 150,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: props.sort === 'percent' ? 'descend' : null,
      render: (_, row) => (
        <Progress
          percent={headlineOf(row, row.official).percent}
          size="small"
          strokeColor={STATUS_STROKES[headlineStatus(row)]}
          format={(value) => format.percent(value ?? 0)}
        />
      ),
    },
    {
      key: 'status',
      title: t('scoring.statusColumn'),
      width: 130,
      render: (_, row) => (
        <div>
          <StatusTag status={headlineStatus(row)} />
          {row.official ? (
            <div>
              <LiveStatusBeside status={row.status} />
            </div>
          ) : null}
          {row.pendingInputs > 0 ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('scoring.pendingInputs', { count: row.pendingInputs })}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <Table<ScoreboardRow>
      size="small"
      rowKey="unitId"
      bordered
      loading={props.loading}
      columns={columns}
      dataSource={props.rows}
      scroll={{ x: 'max-content' }}
      onChange={(pagination, _filters, sorter, { action }) => {
        if (action === 'paginate') {
          props.paging.onPage(pagination.current ?? 1);
          return;
        }
        const single = Array.isArray(sorter) ? sorter[0] : sorter;
        props.onSort(single?.order === 'descend' ? 'percent' : 'name');
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total, [from, to]) => t('scoring.pageRange', { from, to, total }),
      }}
      locale={{ emptyText: t('scoring.noRows') }}
    />
  );
}
