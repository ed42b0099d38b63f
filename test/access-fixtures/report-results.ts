import type { AccessFixtures } from '../support/access-types';

/** Part I of a report (issue 10 item 5): a unit's results for a range of days. */
export const accessFixtures: AccessFixtures = {
  queries: {
    'GET /api/units/:unitId/report-results': 'from=2026-01-01&to=2026-06-30',
  },
};
