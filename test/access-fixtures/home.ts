import type { AccessFixtures } from '../support/access-types';

/**
 * Issue 10's role home: no unit in its path; every signed-in user reads the blocks of their own
 * grants (scoping is tested in home.test.ts), anonymous callers get 401 like every route.
 */
export const accessFixtures: AccessFixtures = {
  shared: {
    'GET /api/home': { request: () => ({ url: '/api/home' }), officer: 200, admin: 200 },
    'GET /api/home/counts': { request: () => ({ url: '/api/home/counts' }), officer: 200, admin: 200 },
  },
};
