import type { Queryable } from '../../src/server/db/client';
import { insertActivities, type NewActivity } from '../../src/server/db/repositories/activities';
import { channels } from '../../src/server/db/schema-activities';
import type { ChannelKind } from '../../src/shared/activities';
import { addDays } from '../../src/shared/dates';
import { foldForSearch } from '../../src/shared/text';
import type { createKonTumScenario } from './scenarios';

/** Records and channels for scoring tests, written straight to the database. */

/** Every Thursday from `from` to `to`, both included (`from` must be a Thursday). */
export function thursdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 7)) days.push(day);
  return days;
}

/** The day `day` of every month of a year, for the first `months` months. */
export function monthly(year: number, day: string, months = 12): string[] {
  return Array.from({ length: months }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-${day}`);
}

/** A channel of a unit, named after its kind unless a name is given. */
export async function addDxChannel(
  q: Queryable,
  unitId: string,
  kind: ChannelKind,
  startedOn: string | null,
  name?: string,
): Promise<string> {
  const [row] = await q
    .insert(channels)
    .values({
      unitId,
      kind,
      platform: kind === 'radio_programme' ? 'radio' : kind === 'social_page' ? 'facebook' : 'website',
      name: name ?? (kind === 'radio_programme' ? 'Chương trình Chuyển đổi số' : 'Chuyên mục Chuyển đổi số'),
      startedOn,
    })
    .returning({ id: channels.id });
  return row!.id;
}

let titleCounter = 0;

/** Records of one kind on a channel, one per day listed (a day listed twice gives two records). */
export async function addDxRecords(
  q: Queryable,
  kind: 'post' | 'broadcast' | 'press_issue',
  unitId: string,
  channelId: string,
  days: readonly string[],
  extra: Partial<NewActivity> = {},
): Promise<string[]> {
  return insertActivities(
    q,
    days.map((day) => {
      titleCounter += 1;
      const title = `${kind === 'post' ? 'Tin' : 'Lượt phát'} chuyển đổi số số ${titleCounter} ngày ${day}`;
      return {
        kind,
        unitId,
        channelId,
        occurredAt: new Date(`${day}T02:00:00Z`),
        occurredOn: day,
        title,
        searchText: foldForSearch(title),
        provenance: 'form',
        ...extra,
      };
    }),
  );
}

type KonTumScenario = Awaited<ReturnType<typeof createKonTumScenario>>;

/**
 * The Kon Tum scenario's records for the incremental-score tests: a website column in each of the
 * four communes, nine posts in all for Xã Đăk Rve (its own and its predecessor's: one short of 1.4's
 * ten) and a weekly post for Kon Braih from July to September 2025. Returns the columns.
 */
export async function addKonTumPosts(q: Queryable, s: KonTumScenario) {
  const columns = {
    dakRve: await addDxChannel(q, s.dakRve, 'website_column', '2025-07-01'),
    ttDakRve: await addDxChannel(q, s.ttDakRve, 'website_column', '2024-01-01'),
    konBraih: await addDxChannel(q, s.konBraih, 'website_column', '2025-07-01'),
    tanLap: await addDxChannel(q, s.tanLap, 'website_column', '2024-01-01'),
  };
  await addDxRecords(q, 'post', s.ttDakRve, columns.ttDakRve, thursdays('2025-01-09', '2025-02-27'));
  await addDxRecords(q, 'post', s.dakRve, columns.dakRve, ['2025-08-07']);
  await addDxRecords(q, 'post', s.konBraih, columns.konBraih, thursdays('2025-07-03', '2025-09-25'));
  return columns;
}
