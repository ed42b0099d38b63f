import { getProvinceDashboard } from '../src/server/domain/dashboard/get-province-dashboard';
import type { Principal } from '../src/server/policies/principal';
import { type OperationResult, queryOperation, type RunSizes } from './db-operations';
import { SCORING_MEASURE_SQL } from './raw-queries';
import { SCORING_YEAR } from './scoring-operations';
import type { BenchTarget } from './targets';

const ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'bench',
  grants: [{ id: 'bench', role: 'system_admin', unitId: null }],
};
const TODAY = '2026-06-30';
const KINDS = '{commune,ward,special_zone}';

/**
 * The raw heat-map: the scoreboard's unit resolution (units of the scope and the units merged into
 * them), DX broadcasts grouped by unit and ISO week of the year. $1–$3 as SCORING_MEASURE_SQL,
 * $4 the Monday of week 1, $5 the Sunday of the last week.
 */
const HEATMAP_SQL = SCORING_MEASURE_SQL.replace(
  /select s\.target_id as "unitId"[\s\S]*$/,
  `select s.target_id as "unitId", ((a.occurred_on - $4::date) / 7)::int as week, count(*)::int as n
from (select distinct target_id, source_id from sources) s
  join activities a on a.unit_id = s.source_id
  join channels c on c.id = a.channel_id
where a.kind = 'broadcast' and c.kind = 'radio_programme' and a.occurred_on between $4::date and $5::date
  and a.deleted_at is null and a.duplicate_of_id is null and a.review_status <> 'rejected'
group by 1, 2`,
);

/**
 * The province dashboard (getProvinceDashboard, /api/dashboard/province) of the province whose
 * commune count is nearest 130, for the scoring year, against its raw SQL: the scoreboard's measure
 * statements (one per DX source) and the heat-map statement. Checked on the heat-map: DX broadcasts
 * per unit over the year's ISO weeks, product and raw alike. The product's extra work is the
 * scoreboard engine, the report completeness, the trends across years and the JSON-ready blocks.
 * The board needs a root unit: the dataset has no country unit, so there is no country-wide board.
 */
export async function benchDashboard(target: BenchTarget, sizes: RunSizes): Promise<OperationResult[]> {
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
  const year = Number(SCORING_YEAR);
  let weeks: { monday: string; sunday: string }[] = [];
  const result = await queryOperation({
    name: `Province dashboard of ${province.name} (${province.units} commune-level units), ${SCORING_YEAR}: scoreboard, completeness, risks, heat-map, trends (getProvinceDashboard; raw: measure SQL + heat-map SQL)`,
    product: async () => {
      const board = await getProvinceDashboard(db, ADMIN, { unitId: province.id, year }, TODAY);
      weeks = board.heatmap.weeks;
      return board.heatmap.units.filter((u) => u.total > 0).map((u) => `${u.unitId}|${u.total}`);
    },
    raw: async () => {
      for (const [kind, channelKind] of [
        ['post', 'website_column'],
        ['broadcast', 'radio_programme'],
      ])
        await raw.query(SCORING_MEASURE_SQL, [
          province.id,
          TODAY,
          KINDS,
          kind,
          channelKind,
          `${SCORING_YEAR}-01-01`,
          `${SCORING_YEAR}-12-31`,
        ]);
      const rows = await raw.query<{ unitId: string; week: number; n: number }>(HEATMAP_SQL, [
        province.id,
        TODAY,
        KINDS,
        weeks[0]!.monday,
        weeks.at(-1)!.sunday,
      ]);
      const totals = new Map<string, number>();
      for (const row of rows) totals.set(row.unitId, (totals.get(row.unitId) ?? 0) + row.n);
      return [...totals].map(([unitId, total]) => `${unitId}|${total}`);
    },
    productKey: (key) => key,
    rawKey: (key) => key,
    sizes,
  });
  return [result];
}
