import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { storeFrameworkFile } from '../../src/server/domain/frameworks/import-framework';
import type { AccessFixtures } from '../support/access-types';

/** A one-criterion framework file under a fresh code, so that every import creates a version. */
function frameworkFile(): string {
  return stringify({
    code: `truy-cap-${randomBytes(4).toString('hex')}`,
    version: '1',
    name: 'Bộ chỉ số thử quyền truy cập',
    legalBasis: 'Không có',
    issuingBody: 'Nhóm kiểm thử',
    validFrom: '2025-01-01',
    appliesTo: ['commune'],
    pillars: [
      {
        code: '1',
        title: 'Trụ cột',
        indices: [
          {
            code: '1',
            title: 'Chỉ số',
            criteria: [
              {
                code: '1.1',
                title: 'Tin bài',
                max: 10,
                rule: { type: 'count', measure: { source: 'posts' }, threshold: 2 },
              },
            ],
          },
        ],
      },
    ],
  });
}

const upload = (url: string) => ({
  url: `${url}?fileName=bo-chi-so.yaml`,
  headers: { 'content-type': 'application/octet-stream' },
  payload: Buffer.from(frameworkFile()),
});

/**
 * Scoring frameworks belong to no unit: every signed-in user reads them and may check a file, while
 * only a DX office or a system administrator imports one (an officer of a commune gets 403).
 */
export const accessFixtures: AccessFixtures = {
  params: {
    frameworkId: async (env) =>
      (
        await storeFrameworkFile({
          db: env.db,
          actor: { userId: null, label: 'test' },
          fileName: 'bo-chi-so.yaml',
          content: frameworkFile(),
          isBuiltin: false,
        })
      ).framework.id,
  },
  shared: {
    'GET /api/frameworks': { request: () => ({ url: '/api/frameworks' }), officer: 200, admin: 200 },
    'GET /api/frameworks/:frameworkId': {
      request: (_env, ids) => ({ url: `/api/frameworks/${ids.frameworkId}` }),
      officer: 200,
      admin: 200,
    },
    'POST /api/frameworks/validate': {
      request: () => upload('/api/frameworks/validate'),
      officer: 200,
      admin: 200,
    },
    'POST /api/frameworks': { request: () => upload('/api/frameworks'), officer: 403, admin: 200 },
  },
};
