import { storeSnapshot } from '../../src/server/domain/monitor/snapshots/store-snapshot';
import { createLocalFileStore } from '../../src/server/storage/local-file-store';
import type { AccessFixtures } from '../support/access-types';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The monitor's page snapshots (issue 11 item 3): one of the target commune, with its body and a
 * screenshot in the app's own store, so that the admin's requests find the files.
 */
export const accessFixtures: AccessFixtures = {
  params: {
    snapshotId: async (env) => {
      const ref = await storeSnapshot(
        env.db,
        createLocalFileStore(env.dataDir),
        {
          url: 'https://xa.example.vn/cds',
          finalUrl: 'https://xa.example.vn/cds',
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          contentType: 'text/html; charset=utf-8',
          body: new TextEncoder().encode('<p>Chuyển đổi số</p>'),
          text: 'Chuyển đổi số',
          fetchedAt: new Date('2025-08-04T02:00:00Z'),
          remoteAddress: '192.0.2.1',
        },
        { unitId: env.targetUnitId, channelId: null, text: 'Chuyển đổi số', screenshot: PNG },
      );
      return ref.id;
    },
  },
};
