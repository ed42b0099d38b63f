import { ensureBuiltinFrameworks } from '../../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { AccessFixtures } from '../support/access-types';

// The target commune exists from 2025-07-01 (see test/access.test.ts); Kon Tum QĐ 780 scores communes.
const SCORES = 'framework=kontum-780&period=2026';

/**
 * Live scores (issue 4 items 4, 5 and 7). The unit routes need a framework and a period in their
 * query; the board and ranking name the unit in theirs. The built-in frameworks are stored first, so
 * an administrator's request succeeds and an officer's refusal is about access.
 */
export const accessFixtures: AccessFixtures = {
  params: {
    criterion: async (env) => {
      await ensureBuiltinFrameworks(env.db);
      return '1.4';
    },
  },
  queries: {
    'GET /api/units/:unitId/scores': SCORES,
    'GET /api/units/:unitId/scores/:criterion/records': SCORES,
    'GET /api/units/:unitId/score-history': 'framework=kontum-780',
  },
  plain: {
    'GET /api/scoreboard': (env) => ({ url: `/api/scoreboard?${SCORES}&unitId=${env.targetUnitId}` }),
    'GET /api/rankings': (env) => ({ url: `/api/rankings?${SCORES}&unitId=${env.targetUnitId}` }),
  },
};
