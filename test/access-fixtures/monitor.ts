import { randomBytes } from 'node:crypto';
import { insertChannel } from '../../src/server/db/repositories/channels';
import { monitorChecks, monitorItems } from '../../src/server/db/schema-monitor';
import { hasMonitorDeps, setMonitorDeps } from '../../src/server/domain/monitor/deps';
import { FetchFailure } from '../../src/server/monitor/contract';
import type { AccessEnv, AccessFixtures } from '../support/access-types';
import { createFakeWeb } from '../support/monitor-fakes';

/**
 * The website monitor (issue 11): the target commune's website DX column (columnId), a check of it
 * (checkId) and an item found on it (monitorItemId). The monitor's parts are fakes whose every fetch fails,
 * so "check now" only queues and "test against the live page" answers the failure, never the network.
 */
const hex = () => randomBytes(3).toString('hex');
const columns = new Map<string, string>();

async function columnOf(env: AccessEnv): Promise<string> {
  const known = columns.get(env.targetUnitId);
  if (known) return known;
  if (!hasMonitorDeps()) {
    const web = createFakeWeb(new Date('2025-11-20T03:00:00Z'));
    web.deps.fetcher = {
      fetch: async () => {
        throw new FetchFailure('network_error', 'Không kết nối được (thử nghiệm).');
      },
    };
    setMonitorDeps(web.deps);
  }
  const id = await insertChannel(env.db, {
    unitId: env.targetUnitId,
    kind: 'website_column',
    platform: 'website',
    name: `Chuyên mục Chuyển đổi số ${hex()}`,
    url: `https://xa-${hex()}.example.vn/chuyen-doi-so`,
  });
  columns.set(env.targetUnitId, id);
  return id;
}

export const accessFixtures: AccessFixtures = {
  params: {
    columnId: columnOf,
    checkId: async (env) => {
      const [row] = await env.db
        .insert(monitorChecks)
        .values({
          channelId: await columnOf(env),
          unitId: env.targetUnitId,
          kind: 'column',
          trigger: 'schedule',
        })
        .returning({ id: monitorChecks.id });
      return row!.id;
    },
    monitorItemId: async (env) => {
      const slug = hex();
      const [row] = await env.db
        .insert(monitorItems)
        .values({
          channelId: await columnOf(env),
          unitId: env.targetUnitId,
          url: `https://xa.example.vn/tin/${slug}`,
          urlKey: `xa.example.vn/tin/${slug}`,
          title: 'Người dân có thể làm thủ tục trực tuyến',
          isDx: true,
          topic: 'benefits',
          confidence: 0.5,
          reasons: [],
          state: 'review',
        })
        .returning({ id: monitorItems.id });
      return row!.id;
    },
  },
  bodies: {
    'POST /api/units/:unitId/monitor/checks': () => ({ kinds: ['column'] }),
    'PUT /api/units/:unitId/monitor-settings': () => ({
      isEnabled: true,
      checkHour: 2,
      intervalDays: 1,
      bannerTargetUrl: null,
      failureAlertAfter: 3,
      staleAlertAfterDays: 30,
    }),
    'POST /api/monitor/items/:monitorItemId/decision': () => ({ isDx: false }),
    'PUT /api/monitor/columns/:columnId/overrides': () => ({ itemSelector: '.tin' }),
    'POST /api/monitor/columns/:columnId/overrides/test': () => ({ itemSelector: '.tin' }),
  },
  plain: {
    'GET /api/monitor/items': (env) => ({ url: `/api/monitor/items?unitId=${env.targetUnitId}` }),
    'GET /api/monitor/decisions.jsonl': (env) => ({
      url: `/api/monitor/decisions.jsonl?unitId=${env.targetUnitId}`,
    }),
  },
};
