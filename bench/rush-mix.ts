import type { RushRole, RushUser } from './rush-setup';

/**
 * What each signed-in user of the deadline rush asks for, by weight per role, and the state a user
 * carries between requests (its report in the draft → approved → submitted → new version loop).
 */

export const RUSH_KINDS = [
  'home',
  'scoreboard-national',
  'scoreboard-province',
  'unit-scores',
  'records-list',
  'record-entry',
  'report-write',
  'report-read',
] as const;
export type RushKind = (typeof RUSH_KINDS)[number];

export const KIND_LABELS: Record<RushKind, string> = {
  home: 'GET /api/home (role home)',
  'scoreboard-national': 'GET /api/scoreboard?page=1&pageSize=50 (whole country, admins)',
  'scoreboard-province': 'GET /api/scoreboard?unitId=<province>&page=1&pageSize=50',
  'unit-scores': 'GET /api/units/:id/scores',
  'records-list': 'GET /api/activities with filters',
  'record-entry': 'POST /api/activities (unique title)',
  'report-write': 'POST report: open / approve / submit / new version',
  'report-read': 'GET unit reports, a report, periods',
};

const MIX: Record<RushRole, Array<[RushKind, number]>> = {
  system_admin: [
    ['scoreboard-national', 30],
    ['scoreboard-province', 40],
    ['home', 30],
  ],
  dx_office: [
    ['home', 30],
    ['scoreboard-province', 25],
    ['records-list', 20],
    ['report-read', 15],
    ['unit-scores', 10],
  ],
  unit_head: [
    ['home', 20],
    ['unit-scores', 15],
    ['records-list', 20],
    ['record-entry', 15],
    ['report-write', 20],
    ['report-read', 10],
  ],
  unit_officer: [
    ['home', 25],
    ['unit-scores', 15],
    ['records-list', 25],
    ['record-entry', 25],
    ['report-read', 10],
  ],
};

export interface RushRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** One connection's user: its session and what it is in the middle of. */
export interface UserState {
  user: RushUser;
  cookie: string;
  csrfToken: string;
  sent: number;
  /** The kind of the request in flight and when it was written. */
  kind: RushKind;
  sentAt: number;
  /** The method and path of the request in flight (for the list of the slowest answers). */
  sentPath: string;
  /** The annual report's period, then the current version and its status. */
  periodId: string | null;
  reportId: string | null;
  reportStatus: string | null;
  /** Set when the report step in flight is a submission (its 2xx is an acknowledged submission). */
  isSubmitting: boolean;
}

export const FRAMEWORK = 'kontum-780';

function pick(random: () => number, role: RushRole): RushKind {
  const mix = MIX[role];
  let roll = random() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of mix) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return mix[0]![0];
}

/**
 * The first page of a board as the scoreboard page asks for it: 50 rows, a third of the time sorted
 * by percentage (the column header's sort).
 */
function boardPage(random: () => number): string {
  return random() < 1 / 3 ? 'page=1&pageSize=50&sort=percent' : 'page=1&pageSize=50';
}

/** The next request of a user: a kind drawn from the role's mix, with filters that vary a little. */
export function nextRequest(
  state: UserState,
  random: () => number,
  options: { year: string; today: string; tag: string },
): RushRequest {
  const { user } = state;
  const kind = pick(random, user.role);
  state.kind = kind;
  state.isSubmitting = false;
  const { year, today } = options;
  const unit = user.unitId ?? user.provinceId;
  switch (kind) {
    case 'home':
      return { method: 'GET', path: '/api/home' };
    case 'scoreboard-national':
      return {
        method: 'GET',
        path: `/api/scoreboard?framework=${FRAMEWORK}&period=${year}&${boardPage(random)}`,
      };
    case 'scoreboard-province':
      return {
        method: 'GET',
        path: `/api/scoreboard?framework=${FRAMEWORK}&period=${year}&unitId=${user.provinceId}&${boardPage(random)}`,
      };
    case 'unit-scores':
      return {
        method: 'GET',
        path: `/api/units/${user.communeId}/scores?framework=${FRAMEWORK}&period=${year}`,
      };
    case 'records-list': {
      const filters = [
        `from=${year}-01-01&to=${today}`,
        `kind=post&from=${year}-01-01&to=${today}`,
        `kind=broadcast&from=${year}-06-01&to=${year}-06-30`,
        `hasEvidence=false&from=${year}-01-01&to=${today}`,
        `q=${encodeURIComponent('chuyển đổi số')}`,
      ];
      const filter = filters[Math.floor(random() * filters.length)]!;
      return { method: 'GET', path: `/api/activities?unitId=${unit}&${filter}&limit=50` };
    }
    case 'record-entry':
      state.sent++;
      return {
        method: 'POST',
        path: '/api/activities',
        body: {
          kind: 'post',
          unitId: unit,
          channelId: user.channelId,
          occurredOn: today,
          title: `Tin chuyển đổi số cao điểm ${options.tag} ${user.username} số ${state.sent}`,
          url: `https://cong-thong-tin.example.vn/tin/cao-diem-${options.tag}-${user.username}-${state.sent}`,
          topics: [],
          language: 'vi',
        },
      };
    case 'report-write': {
      if (!state.periodId) {
        // The head first finds the period to report on: a read that the loop needs.
        state.kind = 'report-read';
        return { method: 'GET', path: `/api/units/${unit}/reports?year=${year}` };
      }
      if (!state.reportId)
        return {
          method: 'POST',
          path: `/api/report-periods/${state.periodId}/units/${unit}/report`,
          body: {},
        };
      if (state.reportStatus === 'draft')
        return { method: 'POST', path: `/api/reports/${state.reportId}/approve`, body: {} };
      if (state.reportStatus === 'approved') {
        state.isSubmitting = true;
        return { method: 'POST', path: `/api/reports/${state.reportId}/submit`, body: {} };
      }
      return {
        method: 'POST',
        path: `/api/reports/${state.reportId}/versions`,
        body: { reason: 'Bổ sung số liệu trước hạn' },
      };
    }
    case 'report-read':
      if (user.role === 'dx_office')
        return { method: 'GET', path: `/api/units/${unit}/report-periods?year=${year}` };
      if (state.reportId && random() < 0.5) return { method: 'GET', path: `/api/reports/${state.reportId}` };
      return { method: 'GET', path: `/api/units/${unit}/reports?year=${year}` };
  }
}
