import { getHome } from '../src/server/domain/home/get-home';
import type { Principal } from '../src/server/policies/principal';
import { type OperationResult, queryOperation, type RunSizes } from './db-operations';
import { SCORING_MEASURE_SQL } from './raw-queries';
import type { BenchTarget } from './targets';

/** The home's "today": the last day of the generated records (a Tuesday). */
const TODAY = '2026-06-30';
const KINDS = '{commune,ward,special_zone}';
const YEAR_FROM = `${TODAY.slice(0, 4)}-01-01`;

/** A record of the unit this year without evidence: the officer's "records without evidence". */
const WITHOUT_EVIDENCE_SQL = `select count(*)::int as n from activities a
  where a.unit_id = $1 and a.occurred_on >= $2::date and a.deleted_at is null
    and not exists (select 1 from evidence_links l where l.target_type = 'activity' and l.target_id = a.id)`;
/** Live records per unit of a list over the period: the office's "not started". */
const RECORDS_BY_UNIT_SQL = `select a.unit_id, count(*)::int as n from activities a
  where a.unit_id = any($1::uuid[]) and a.occurred_on between $2::date and $3::date and a.deleted_at is null
  group by a.unit_id`;
/** This week's DX programmes and broadcasts of a unit: the officer's weekly gap. */
const WEEK_SQL = `select count(distinct c.id)::int as programmes, count(a.id)::int as broadcasts
  from channels c left join activities a on a.channel_id = c.id and a.kind = 'broadcast'
    and a.occurred_on between $2::date and $3::date and a.deleted_at is null
  where c.unit_id = $1 and c.kind = 'radio_programme'`;

/**
 * The role home (getHome, /api/home) of the DX office of the province nearest 130 communes and of an
 * officer of one of its communes, on the dataset's last day, against the raw SQL of its counts: the
 * scope's DX measures over this year (the scoreboard behind "behind" and the officer's gaps), the
 * records per unit ("not started"), records without evidence, this week's broadcasts. The bench
 * dataset has no report periods, returned items or self-assessments: those statements return nothing
 * on either side. Checked on a figure both compute: the office's number of scored units against
 * the province's current commune-level units, the officer's records without evidence.
 */
export async function benchHome(target: BenchTarget, sizes: RunSizes): Promise<OperationResult[]> {
  const { db } = target.database;
  const { raw } = target;
  const [province] = await raw.query<{ id: string; name: string; units: number }>(
    `select p.id, p.name, count(*)::int as units from units p
       join unit_versions v on v.parent_id = p.id and v.valid_to is null
       join units c on c.id = v.unit_id and c.kind in ('commune', 'ward', 'special_zone')
     where p.kind = 'province' and p.valid_to is null
     group by p.id, p.name order by abs(count(*) - 130), p.name limit 1`,
  );
  if (!province) throw new Error('no province in the national dataset');
  const communes = await raw.query<{ id: string; name: string }>(
    `select c.id, v.name from unit_versions v join units c on c.id = v.unit_id
      where v.parent_id = $1 and v.valid_to is null and c.kind in ('commune', 'ward', 'special_zone')
      order by (select count(*) from activities a where a.unit_id = c.id) desc, c.id limit 1`,
    [province.id],
  );
  const commune = communes[0];
  if (!commune) throw new Error(`no commune in ${province.name}`);
  const principal = (role: 'dx_office' | 'unit_officer', unitId: string): Principal => ({
    userId: '00000000-0000-0000-0000-000000000001',
    username: `bench-${role}`,
    grants: [{ id: `bench-${role}`, role, unitId }],
  });
  const office = principal('dx_office', province.id);
  const officer = principal('unit_officer', commune.id);
  const measures = async (rootId: string) => {
    for (const [kind, channelKind] of [
      ['post', 'website_column'],
      ['broadcast', 'radio_programme'],
    ])
      await raw.query(SCORING_MEASURE_SQL, [rootId, TODAY, KINDS, kind, channelKind, YEAR_FROM, TODAY]);
  };

  const officeResult = await queryOperation({
    name: `Role home of the DX office of ${province.name} (${province.units} commune-level units): behind, not started, overdue (getHome; raw: measure SQL + records per unit)`,
    product: async () => {
      const home = await getHome({ db, principal: office, query: {}, today: TODAY });
      const block = home.blocks.find((b) => b.role === 'office');
      return [block && 'unitCount' in block ? block.unitCount : -1];
    },
    raw: async () => {
      await measures(province.id);
      const units = await raw.query<{ id: string }>(
        `select c.id from unit_versions v join units c on c.id = v.unit_id
          where v.parent_id = $1 and v.valid_to is null and c.kind in ('commune', 'ward', 'special_zone')`,
        [province.id],
      );
      await raw.query(RECORDS_BY_UNIT_SQL, [`{${units.map((u) => u.id).join(',')}}`, YEAR_FROM, TODAY]);
      return [units.length];
    },
    productKey: String,
    rawKey: String,
    sizes,
  });
  const monday = '2026-06-29';
  const officerResult = await queryOperation({
    name: `Role home of an officer of ${commune.name}: due, week's gap, criterion gaps, records without evidence, returned (getHome; raw: measure SQL + counts)`,
    product: async () => {
      const home = await getHome({ db, principal: officer, query: {}, today: TODAY });
      const block = home.blocks.find((b) => b.role === 'officer');
      return [block && 'withoutEvidence' in block ? block.withoutEvidence.total : -1];
    },
    raw: async () => {
      await measures(commune.id);
      await raw.query(WEEK_SQL, [commune.id, monday, TODAY]);
      const [row] = await raw.query<{ n: number }>(WITHOUT_EVIDENCE_SQL, [commune.id, YEAR_FROM]);
      return [row?.n ?? 0];
    },
    productKey: String,
    rawKey: String,
    sizes,
  });
  return [officeResult, officerResult];
}
