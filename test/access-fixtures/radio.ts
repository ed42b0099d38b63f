import { randomBytes } from 'node:crypto';
import { channels } from '../../src/server/db/schema-activities';
import { radioStations } from '../../src/server/db/schema-monitor';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

/**
 * The target commune's radio programme and a station pushing to it (stationId). The push route
 * authenticates a station token, never a session: an officer's and an admin's cookie both get 401.
 */
const channelOf = new Map<string, string>();

async function radioChannel(env: AccessEnv): Promise<string> {
  const known = channelOf.get(env.targetUnitId);
  if (known) return known;
  const [channel] = await env.db
    .insert(channels)
    .values({ unitId: env.targetUnitId, kind: 'radio_programme', platform: 'radio', name: 'Chuyên mục CĐS' })
    .returning({ id: channels.id });
  channelOf.set(env.targetUnitId, channel!.id);
  return channel!.id;
}

const code = () => `T-${randomBytes(4).toString('hex').toUpperCase()}`;

function asRunForm(): FormData {
  const form = new FormData();
  const csv = 'Mã,Thời điểm phát,Thời lượng (giây),Tiêu đề\nA1,10/09/2025 17:00,600,Bản tin chuyển đổi số\n';
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'as-run.csv');
  return form;
}

export const accessFixtures: AccessFixtures = {
  params: {
    stationId: async (env) => {
      const [station] = await env.db
        .insert(radioStations)
        .values({
          code: code(),
          name: 'Trạm của xã khác',
          unitId: env.targetUnitId,
          channelId: await radioChannel(env),
          tokenHash: randomBytes(32).toString('hex'),
          tokenPrefix: 'ls_radio_xxxxxx',
        })
        .returning({ id: radioStations.id });
      return station!.id;
    },
  },
  bodies: {
    'POST /api/units/:unitId/radio-stations': (env) => ({
      code: code(),
      name: 'Trạm lạ',
      channelId: channelOf.get(env.targetUnitId),
    }),
    'POST /api/radio/stations/:stationId/rotate': () => ({}),
    'POST /api/radio/stations/:stationId/as-run.csv': () => asRunForm(),
  },
  shared: {
    'POST /api/radio/as-run': {
      request: () => ({ url: '/api/radio/as-run', payload: { items: [] } }),
      officer: 401,
      admin: 401,
    },
  },
};
