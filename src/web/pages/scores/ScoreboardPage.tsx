import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { compareVietnamese } from '../../../shared/text';
import { boardExportUrl } from '../../api/dashboard';
import { type ScoreboardRow, useScoreboard } from '../../api/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { CountedRecordsDrawer, type OpenCriterion } from './CountedRecordsDrawer';
import { rowsOfStatus } from './headline-status';
import { headlineOf } from './OfficialScore';
import { PeriodLine } from './PeriodLine';
import { ScoreboardCards } from './ScoreboardCards';
import { ScoreboardFilters } from './ScoreboardFilters';
import { ScoreboardTable } from './ScoreboardTable';
import { StatusSummary } from './StatusSummary';
import { unitScoresLink } from './unit-scores-link';
import { type ScoreSort, useScoreFilters } from './use-score-filters';

const byVietnameseName = compareVietnamese;

/** The server orders by kind and name; "by percentage" puts the best first, ties by name. */
function sortRows(rows: ScoreboardRow[], sort: ScoreSort): ScoreboardRow[] {
  if (sort === 'name') return rows;
  const percent = (row: ScoreboardRow) => headlineOf(row, row.official).percent;
  return [...rows].sort((a, b) => percent(b) - percent(a) || byVietnameseName(a.name, b.name));
}

/**
 * The live scoreboard (/scores): every unit of a subtree × every criterion of a framework for a
 * period, computed from the records when asked. Units of different kinds and totals compare by
 * percentage. The choices live in the address, so a link shows the same board.
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
  const board = useScoreboard(query, { enabled: filters.ready });
  const data = board.data;
  // The status counts narrow the table; the counts themselves always describe the whole board.
  const rows = data ? sortRows(rowsOfStatus(data.rows, filters.status), filters.sort) : [];
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
            {isDesktop || data.rows.length < 2 ? null : (
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
          {data.rows.length > 1 ? (
            <StatusSummary
              rows={data.rows}
              selected={filters.status}
              onSelect={(status) => filters.update({ status })}
            />
          ) : null}
          {isDesktop ? (
            <ScoreboardTable
              board={data}
              rows={rows}
              loading={board.isFetching}
              sort={filters.sort}
              onSort={(sort) => filters.update({ sort: sort === 'name' ? undefined : sort })}
              unitLink={unitLink}
              onOpenCriterion={open}
            />
          ) : (
            <ScoreboardCards
              board={data}
              rows={rows}
              loading={board.isFetching}
              unitLink={unitLink}
              onOpenCriterion={open}
            />
          )}
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
