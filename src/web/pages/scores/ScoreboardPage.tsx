import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { SCOREBOARD_DEFAULT_PAGE_SIZE } from '../../../shared/api/scoring';
import { boardExportUrl } from '../../api/dashboard';
import { type ScoreboardRow, useScoreboard } from '../../api/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { CountedRecordsDrawer, type OpenCriterion } from './CountedRecordsDrawer';
import { PeriodLine } from './PeriodLine';
import { ScoreboardCards } from './ScoreboardCards';
import { ScoreboardFilters } from './ScoreboardFilters';
import { ScoreboardTable } from './ScoreboardTable';
import { StatusSummary } from './StatusSummary';
import { unitScoresLink } from './unit-scores-link';
import { type ScoreSort, useScoreFilters } from './use-score-filters';

/** Rows per page: a page a person reads, not the country's 3,000 units at once. */
const SCOREBOARD_PAGE_SIZE = SCOREBOARD_DEFAULT_PAGE_SIZE;

/**
 * The live scoreboard (/scores): every unit of a subtree × every criterion of a framework for a
 * period, computed from the records when asked. Units of different kinds and totals compare by
 * percentage. The choices live in the address, so a link shows the same board. The server filters by
 * status, sorts and sends one page at a time; the previous page stays on screen while the next loads.
 */
export function ScoreboardPage() {
  const { t, language } = useI18n();
  const isDesktop = useIsDesktop();
  const filters = useScoreFilters();
  const [openCriterion, setOpenCriterion] = useState<OpenCriterion | null>(null);
  const query = {
    framework: filters.framework,
    period: filters.period,
    unitId: filters.unitId,
    view: filters.view,
    kind: filters.kind,
  };
  const board = useScoreboard(
    {
      ...query,
      page: filters.page,
      pageSize: SCOREBOARD_PAGE_SIZE,
      sort: filters.sort === 'percent' ? 'percent' : undefined,
      status: filters.status,
    },
    { enabled: filters.ready },
  );
  const data = board.data;
  // The status counts narrow the table; the counts themselves always describe the whole board.
  const rows = data?.rows ?? [];
  const lastPage = data ? Math.max(1, Math.ceil(data.total / SCOREBOARD_PAGE_SIZE)) : 1;
  // A page past the end (an old link, a board that shrank): the last page that has rows.
  const pastTheEnd = Boolean(data && !board.isPlaceholderData && filters.page > lastPage);
  useEffect(() => {
    if (pastTheEnd) filters.update({ page: lastPage > 1 ? String(lastPage) : undefined });
  }, [pastTheEnd, lastPage, filters.update]);
  // The pages are picked under the board: the next one is read from its top.
  const boardTop = useRef<HTMLDivElement>(null);
  const paging = {
    page: filters.page,
    pageSize: SCOREBOARD_PAGE_SIZE,
    total: data?.total ?? 0,
    onPage: (page: number) => {
      filters.update({ page: page > 1 ? String(page) : undefined });
      boardTop.current?.scrollIntoView({ block: 'start' });
    },
  };
  const unitLink = (unitId: string) =>
    unitScoresLink(unitId, { framework: filters.framework, period: filters.period, view: filters.view });
  const open = (
    row: ScoreboardRow,
    column: { code: string; title: string },
    score: ScoreboardRow['criteria'][number],
  ) =>
    setOpenCriterion({
      unitId: row.unitId,
      unitName: row.name,
      code: column.code,
      title: column.title,
      score,
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {data?.root ? t('scoring.titleOf', { unit: data.root.name }) : t('scoring.title')}
        </Typography.Title>
        {/* The framework's name is in its picker; its legal basis says which decision scores. */}
        {data ? <Typography.Text type="secondary">{data.framework.legalBasis}</Typography.Text> : null}
      </div>
      <Card size="small">
        <ScoreboardFilters filters={filters} board={data} />
      </Card>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.isLoading || !filters.ready ? <Skeleton active /> : null}
      {data ? (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <PeriodLine period={data.period} />
            <div style={{ flex: 1 }} />
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={boardExportUrl('scoreboard', { ...query, lang: language })}
              download
              data-testid="scoreboard-export"
            >
              {t('dashboard.exportBoard')}
            </Button>
            {isDesktop || data.summary.units < 2 ? null : (
              <Segmented<ScoreSort>
                size="small"
                value={filters.sort}
                onChange={(sort) => filters.update({ sort: sort === 'name' ? undefined : sort })}
                options={[
                  { value: 'name', label: t('scoring.sortName') },
                  { value: 'percent', label: t('scoring.sortPercent') },
                ]}
              />
            )}
          </div>
          {data.summary.units > 1 ? (
            <StatusSummary
              summary={data.summary}
              selected={filters.status}
              onSelect={(status) => filters.update({ status })}
            />
          ) : null}
          <div ref={boardTop} style={{ scrollMarginTop: 72 }}>
            {isDesktop ? (
              <ScoreboardTable
                board={data}
                rows={rows}
                loading={board.isFetching}
                sort={filters.sort}
                paging={paging}
                onSort={(sort) => filters.update({ sort: sort === 'name' ? undefined : sort })}
                unitLink={unitLink}
                onOpenCriterion={open}
              />
            ) : (
              <ScoreboardCards
                board={data}
                rows={rows}
                loading={board.isFetching}
                paging={paging}
                unitLink={unitLink}
                onOpenCriterion={open}
              />
            )}
          </div>
          <CountedRecordsDrawer
            open={openCriterion}
            filter={{ framework: filters.framework, period: filters.period, view: filters.view }}
            isRunning={data.period.isRunning}
            onClose={() => setOpenCriterion(null)}
          />
        </>
      ) : null}
    </Space>
  );
}
