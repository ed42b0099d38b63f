import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FrameworkListDto, FrameworkVersionDto } from '../../shared/api/frameworks';
import type {
  CountedRecordDto,
  RankingDto,
  RankingRowDto,
  rankingQuery,
  SCORE_SOURCES,
  SCORE_STATUSES,
  SCOREBOARD_VIEWS,
  ScoreboardDto,
  ScoreboardRowDto,
  ScoreHistoryDto,
  scoreboardQuery,
  UnitScoreDto,
} from '../../shared/api/scoring';
import { useI18n } from '../i18n/I18nProvider';
import { apiRequest } from './client';
import type { Json, Page } from './types';

export type Scoreboard = Json<ScoreboardDto>;
export type ScoreboardRow = Json<ScoreboardRowDto>;
export type CriterionColumn = Scoreboard['criteria'][number];
export type CriterionScore = ScoreboardRow['criteria'][number];
export type UnitScores = Json<UnitScoreDto>;
export type CriterionDetail = UnitScores['criteria'][number];
export type CountedRecord = Json<CountedRecordDto>;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];
export type ScoreboardView = (typeof SCOREBOARD_VIEWS)[number];
/** What the board is asked for; the page numbers are numbers here (the address carries them as text). */
export type ScoreboardFilter = Omit<z.input<typeof scoreboardQuery>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};
export type ScoreboardSummary = Scoreboard['summary'];

/** A stored framework version as GET /api/frameworks lists it (the UI groups them by code). */
export type FrameworkVersion = Json<FrameworkVersionDto>;

/** Which framework, period and view one unit's scores are asked for. */
export interface UnitScoreFilter {
  framework: string;
  period: string;
  view?: ScoreboardView;
}

const SCORES_KEY = 'scores';

/**
 * Scores are computed from the records at each request, so they are never taken from the cache
 * without asking again: a record changed a moment ago shows on the next visit.
 */
const LIVE = { staleTime: 0, refetchOnMount: 'always' } as const;

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks', 'list'],
    queryFn: ({ signal }) => apiRequest<Json<FrameworkListDto>>('/api/frameworks', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    // Without the list the pages still work on the default framework.
    retry: false,
  });
}

export function useScoreboard(filter: ScoreboardFilter, options: { enabled?: boolean } = {}) {
  // Explanations and gaps are written by the server in the language asked for.
  const { language } = useI18n();
  return useQuery({
    queryKey: [SCORES_KEY, 'board', filter, language],
    queryFn: ({ signal }) =>
      apiRequest<Scoreboard>('/api/scoreboard', { query: { ...filter, lang: language }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    ...LIVE,
  });
}

export function useUnitScores(unitId: string, filter: UnitScoreFilter) {
  const { language } = useI18n();
  return useQuery({
    queryKey: [SCORES_KEY, 'unit', unitId, filter, language],
    queryFn: ({ signal }) =>
      apiRequest<UnitScores>(`/api/units/${unitId}/scores`, {
        query: { ...filter, lang: language },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: Boolean(unitId),
    ...LIVE,
  });
}

/** One page of the records a criterion counted for a unit. */
export function useCountedRecords(
  unitId: string,
  criterionCode: string | null,
  filter: UnitScoreFilter & { limit: number; offset: number },
) {
  return useQuery({
    queryKey: [SCORES_KEY, 'records', unitId, criterionCode, filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<CountedRecord>>(
        `/api/units/${unitId}/scores/${encodeURIComponent(criterionCode ?? '')}/records`,
        { query: { ...filter }, signal },
      ),
    placeholderData: keepPreviousData,
    enabled: Boolean(unitId && criterionCode),
    ...LIVE,
  });
}

export type Ranking = Json<RankingDto>;
export type RankingRow = Json<RankingRowDto>;
export type RankingLeague = Ranking['groups'][number];
export type RankingFilter = z.input<typeof rankingQuery>;
export type ScoreSource = (typeof SCORE_SOURCES)[number];
export type ScoreHistory = Json<ScoreHistoryDto>;
export type ScoreHistoryItem = ScoreHistory['items'][number];

/**
 * The league tables of a subtree for a period. Live scores change as records arrive, so like the
 * board the ranking is asked again on every visit.
 */
export function useRanking(filter: RankingFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [SCORES_KEY, 'ranking', filter],
    queryFn: ({ signal }) => apiRequest<Ranking>('/api/rankings', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    ...LIVE,
  });
}

/** One unit's score period after period under a framework code (published where appraised). */
export function useScoreHistory(unitId: string, filter: { framework: string; view?: ScoreboardView }) {
  return useQuery({
    queryKey: [SCORES_KEY, 'history', unitId, filter],
    queryFn: ({ signal }) =>
      apiRequest<ScoreHistory>(`/api/units/${unitId}/score-history`, { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(unitId),
    ...LIVE,
  });
}
