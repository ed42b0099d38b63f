import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeSnapshot } from '../../src/server/domain/monitor/snapshots/store-snapshot';
import { createLocalFileStore } from '../../src/server/storage/local-file-store';
import type { AccessFixtures } from '../support/access-types';

/** The monitor's page snapshots (issue 11 item 3): one of the target commune, by its id. */
export const accessFixtures: AccessFixtures = {
  params: {
    snapshotId: async (env) => {
      const store = createLocalFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-access-snap-')));
      const ref = await storeSnapshot(
        env.db,
        store,
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
        { unitId: env.targetUnitId, channelId: null, text: 'Chuyển đổi số' },
      );
      return ref.id;
    },
  },
};
