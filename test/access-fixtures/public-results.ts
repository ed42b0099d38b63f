import type { AccessFixtures } from '../support/access-types';

/** The public results switch (issue 10 item 8): the unit's province; evidence made public. */
export const accessFixtures: AccessFixtures = {
  bodies: {
    'PUT /api/units/:unitId/public-results': () => ({ isEnabled: true }),
    'PATCH /api/evidence/:evidenceId/public': () => ({ isPublic: true }),
  },
};
