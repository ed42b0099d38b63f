import {
  broadcastScheduleEntries,
  broadcastSchedules,
  channels,
} from '../../src/server/db/schema-activities';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

/**
 * The target commune's radio programme with two schedules: one (scheduleId) that the admin edits,
 * then issues, then marks as aired — the route order of routes/schedules.ts — and a second draft
 * whose entry (entryId) is edited and deleted, so that issuing the first does not lock it.
 */
interface TargetState {
  channelId: string;
  /** An entry of the scheduleId schedule, for "mark aired". */
  airableEntryId?: string;
}

const states = new Map<string, TargetState>();

async function stateOf(env: AccessEnv): Promise<TargetState> {
  const known = states.get(env.targetUnitId);
  if (known) return known;
  const [channel] = await env.db
    .insert(channels)
    .values({
      unitId: env.targetUnitId,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục Chuyển đổi số',
      stationName: 'Đài truyền thanh xã',
    })
    .returning({ id: channels.id });
  const state: TargetState = { channelId: channel!.id };
  states.set(env.targetUnitId, state);
  return state;
}

async function createSchedule(env: AccessEnv, month: string, airDate: string) {
  const state = await stateOf(env);
  const [schedule] = await env.db
    .insert(broadcastSchedules)
    .values({
      unitId: env.targetUnitId,
      channelId: state.channelId,
      month,
      signerName: 'Nguyễn Văn Ký',
      signerTitle: 'Chủ tịch',
    })
    .returning({ id: broadcastSchedules.id });
  const [entry] = await env.db
    .insert(broadcastScheduleEntries)
    .values({
      scheduleId: schedule!.id,
      airDate,
      timeSlot: '05:00',
      title: 'Tin chuyển đổi số',
      durationMinutes: 10,
    })
    .returning({ id: broadcastScheduleEntries.id });
  return { state, scheduleId: schedule!.id, entryId: entry!.id };
}

export const accessFixtures: AccessFixtures = {
  params: {
    scheduleId: async (env) => {
      const { state, scheduleId, entryId } = await createSchedule(env, '2025-09-01', '2025-09-10');
      state.airableEntryId = entryId;
      return scheduleId;
    },
    entryId: async (env) => (await createSchedule(env, '2025-10-01', '2025-10-14')).entryId,
  },
  bodies: {
    'POST /api/units/:unitId/schedules': (env) => ({
      channelId: states.get(env.targetUnitId)?.channelId,
      month: '2026-03',
    }),
    'PATCH /api/schedules/:scheduleId': () => ({
      documentNumber: '07/DM-UBND',
      note: 'Phát lại buổi chiều.',
    }),
    'POST /api/schedules/:scheduleId/entries': () => ({
      airDate: '2025-09-17',
      timeSlot: '17:00',
      title: 'Tin thêm',
      durationMinutes: 10,
    }),
    'PATCH /api/schedule-entries/:entryId': () => ({ title: 'Tin đã sửa' }),
    'POST /api/schedules/:scheduleId/issue': () => ({ acknowledgeWarnings: true }),
    // Turning an issued schedule into evidence takes no fields: the schedule is the proof.
    'POST /api/schedules/:scheduleId/evidence': () => ({}),
    'POST /api/schedules/:scheduleId/entries/mark-aired': (env) => ({
      entryIds: [states.get(env.targetUnitId)?.airableEntryId],
    }),
  },
};
