import type { AccessFixtures } from '../support/access-types';

// The target commune exists from 2025-07-01 (see test/access.test.ts); Kon Tum QĐ 780 scores communes.
const SCORES = 'framework=kontum-780&period=2026';

/**
 * Dashboards and XLSX exports (issue 10 item 7): the province board and its tables name the unit in
 * their query, a unit's board in its path; the scoreboard and ranking exports take the board's query.
 */
export const accessFixtures: AccessFixtures = {
  queries: {
    'GET /api/units/:unitId/dashboard': 'year=2026',
  },
  plain: {
    'GET /api/dashboard/province': (env) => ({
      url: `/api/dashboard/province?unitId=${env.targetUnitId}&year=2026`,
    }),
    'GET /api/dashboard/province/export.xlsx': (env) => ({
      url: `/api/dashboard/province/export.xlsx?unitId=${env.targetUnitId}&year=2026&table=heatmap`,
    }),
    'GET /api/scoreboard/export.xlsx': (env) => ({
      url: `/api/scoreboard/export.xlsx?${SCORES}&unitId=${env.targetUnitId}`,
    }),
    'GET /api/rankings/export.xlsx': (env) => ({
      url: `/api/rankings/export.xlsx?${SCORES}&unitId=${env.targetUnitId}`,
    }),
  },
};
