import { randomBytes, randomUUID } from 'node:crypto';
import { insertImportBatch } from '../../src/server/db/repositories/activity-files';
import { insertActivityImportJob } from '../../src/server/db/repositories/activity-import-jobs';
import type { AccessFixtures } from '../support/access-types';

// The target commune exists from 2025-07-01 (see test/access.test.ts): rows are dated after it.
const hex = () => randomBytes(3).toString('hex');

/**
 * Spreadsheets of records (issue 3 item 8). No route has a path parameter: each names the unit in its
 * query (the import also in its rows, by id), and one of another commune must be "not found".
 */
export const accessFixtures: AccessFixtures = {
  params: {
    // A batch of the target commune imported just now, so it can still be undone.
    batchId: async (env) => {
      const id = randomUUID();
      await insertImportBatch(env.db, {
        id,
        kind: 'post',
        unitId: env.targetUnitId,
        fileName: 'tin-bai.xlsx',
        rowCount: 0,
      });
      return id;
    },
    // A background import the target commune's officer started (the file need not exist to read it).
    importJobId: async (env) => {
      const id = randomUUID();
      await insertActivityImportJob(env.db, {
        id,
        createdBy: env.targetUserId,
        kind: 'post',
        unitId: env.targetUnitId,
        fileName: 'tin-bai-lon.xlsx',
        fileSha256: '0'.repeat(64),
        storageKey: `00/00/${'0'.repeat(64)}`,
        status: 'done',
        result: { batchId: id, rows: 0, created: 0, skipped: [], flaggedDuplicates: [] },
      });
      return id;
    },
  },
  shared: {
    // Only whoever started an import reads it: an officer of another commune and a system
    // administrator alike are told it does not exist.
    'GET /api/activity-files/import-jobs/:importJobId': {
      request: (_env, ids) => ({ url: `/api/activity-files/import-jobs/${ids.importJobId}` }),
      officer: 404,
      admin: 404,
    },
  },
  bodies: {
    'POST /api/activity-files/batches/:batchId/undo': () => ({ reason: 'Nhập nhầm tệp' }),
  },
  plain: {
    'GET /api/activity-files/batches': (env) => ({
      url: `/api/activity-files/batches?unitId=${env.targetUnitId}`,
    }),
    'GET /api/activity-files/template.xlsx': (env) => ({
      url: `/api/activity-files/template.xlsx?kind=post&unitId=${env.targetUnitId}`,
    }),
    'POST /api/activity-files/import': (env) => ({
      url: `/api/activity-files/import?kind=post&fileName=tin-bai.csv&unitId=${env.targetUnitId}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        `Mã đơn vị,Ngày đăng (dd/MM/yyyy),Tiêu đề\n${env.targetUnitId},04/08/2025,Tin nhập từ tệp ${hex()}\n`,
      ),
    }),
    'GET /api/activity-files/export.xlsx': (env) => ({
      url: `/api/activity-files/export.xlsx?unitId=${env.targetUnitId}`,
    }),
    'GET /api/activity-files/export.csv': (env) => ({
      url: `/api/activity-files/export.csv?unitId=${env.targetUnitId}&kind=post`,
    }),
  },
};
