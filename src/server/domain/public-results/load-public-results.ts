import { sql } from 'drizzle-orm';
import type { PublicRankingDto } from '../../../shared/api/public-results';
import type { Queryable } from '../../db/client';
import { queryRows } from '../../db/sql';
import { applicableCriteria } from '../../scoring/evaluate';
import { parsePeriod } from '../../scoring/periods';
import { computePublishedRanking } from '../scoring/compute-ranking';
import { loadFrameworkForPeriod } from '../scoring/load-framework';
import { findOfficialScores } from '../scoring/official-score';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * What a province's public results page shows (issue 10 item 8): only published appraisals (the
 * official scores of official-score.ts), never live scores, and no person (no user names, no
 * e-mails: the tables read here carry none into the page). Evidence only when marked public.
 */

export interface PublicProvince {
  id: string;
  code: string;
  name: string;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export interface PublishedRankingEntry {
  frameworkCode: string;
  frameworkName: string;
  periodKey: string;
  periodLabel: string;
  units: number;
  lastPublishedAt: Date | null;
}

/** The rankings a province has published results in: each framework and period with a published appraisal. */
export async function findPublishedRankings(
  q: Queryable,
  province: PublicProvince,
): Promise<PublishedRankingEntry[]> {
  const scope = (await loadUnitGraph(q)).rollupIds([province.id]);
  const rows = await queryRows<{
    code: string;
    name: string;
    periodKind: string;
    periodKey: string;
    units: number;
    lastPublishedAt: string | null;
  }>(
    q,
    sql`select f.code, max(f.name) as name, max(f.period_kind) as "periodKind", a.period_key as "periodKey",
          count(distinct a.unit_id)::int as units, max(a.published_at) as "lastPublishedAt"
        from assessments a join frameworks f on f.id = a.framework_id
        where a.status = 'published' and a.unit_id = any(${uuidArray(scope)})
        group by f.code, a.period_key
        order by a.period_key desc, f.code`,
  );
  return rows.map((row) => ({
    frameworkCode: row.code,
    frameworkName: row.name,
    periodKey: row.periodKey,
    periodLabel: parsePeriod(row.periodKind as never, row.periodKey)?.label ?? row.periodKey,
    units: row.units,
    lastPublishedAt: row.lastPublishedAt ? new Date(row.lastPublishedAt) : null,
  }));
}

/** A published ranking of the province, or null when it has published nothing for that framework and period. */
export async function getPublicRanking(
  q: Queryable,
  province: PublicProvince,
  frameworkCode: string,
  periodKey: string,
  today: string,
): Promise<PublicRankingDto | null> {
  const published = await findPublishedRankings(q, province);
  if (!published.some((entry) => entry.frameworkCode === frameworkCode && entry.periodKey === periodKey))
    return null;
  const ranking = await computePublishedRanking(q, {
    provinceId: province.id,
    framework: frameworkCode,
    period: periodKey,
    today,
  });
  return {
    province: { code: province.code, name: province.name },
    framework: {
      code: ranking.framework.code,
      name: ranking.framework.name,
      legalBasis: ranking.framework.legalBasis,
    },
    period: { key: ranking.period.key, label: ranking.period.label },
    groups: ranking.groups
      .map((group) => ({
        key: group.key,
        label: group.label,
        // Only published appraisals are ranked here (scope "published_only"); a live row never leaves.
        rows: group.rows
          .filter((row) => row.source === 'published')
          .map((row) => ({
            unitId: row.unitId,
            name: row.name,
            rank: row.rank,
            score: row.score,
            max: row.max,
            percent: row.percent,
          })),
      }))
      .filter((group) => group.rows.length > 0),
  };
}

export interface PublicUnitResult {
  ranking: PublicRankingDto;
  unit: { unitId: string; name: string; rank: number; score: number; max: number; percent: number };
  publishedAt: Date | null;
  criteria: Array<{
    code: string;
    title: string;
    max: number;
    score: number | null;
    explanation: string | null;
    reviewerComment: string | null;
    evidence: Array<{
      id: string;
      title: string;
      url: string | null;
      fileName: string | null;
      documentNumber: string | null;
      documentDate: string | null;
    }>;
  }>;
}

/**
 * One unit of a published ranking: each criterion's official (appraised) score with the explanation
 * frozen at submission and the reviewer's comment, and the evidence items marked public.
 */
export async function getPublicUnitResult(
  q: Queryable,
  province: PublicProvince,
  frameworkCode: string,
  periodKey: string,
  unitId: string,
  today: string,
): Promise<PublicUnitResult | null> {
  const ranking = await getPublicRanking(q, province, frameworkCode, periodKey, today);
  const row = ranking?.groups.flatMap((group) => group.rows).find((candidate) => candidate.unitId === unitId);
  if (!ranking || !row) return null;
  const { framework } = await loadFrameworkForPeriod(q, frameworkCode, periodKey);
  const official = (
    await findOfficialScores(q, { frameworkId: framework.id, periodKey, asOf: today, unitIds: [unitId] })
  ).get(unitId);
  if (!official) return null;
  const graph = await loadUnitGraph(q);
  const kind = graph.unit(unitId)?.kind;
  const criteriaRows = await queryRows<{
    id: string;
    code: string;
    max: number;
    score: number | null;
    explanation: string | null;
    comment: string | null;
  }>(
    q,
    sql`select id, criterion_code as code, max, reviewer_score as score, auto_explanation as explanation,
          reviewer_comment as comment
        from assessment_criteria where assessment_id = ${official.assessmentId}`,
  );
  const evidenceRows = await queryRows<{
    criterionId: string;
    id: string;
    title: string;
    url: string | null;
    fileName: string | null;
    documentNumber: string | null;
    documentDate: string | null;
  }>(
    q,
    sql`select l.target_id as "criterionId", e.id, e.title, e.url, f.original_name as "fileName",
          e.document_number as "documentNumber", e.document_date::text as "documentDate"
        from evidence_links l
        join evidence e on e.id = l.evidence_id
        left join stored_files f on f.id = e.file_id
        where l.target_type = 'criterion' and e.is_public
          and l.target_id = any(${uuidArray(criteriaRows.map((criterion) => criterion.id))})
        order by e.title, e.id`,
  );
  const byCode = new Map(criteriaRows.map((criterion) => [criterion.code, criterion]));
  const refs = kind ? applicableCriteria(framework.definition, kind) : [];
  const codes = refs.length > 0 ? refs.map((ref) => ref.criterion.code) : criteriaRows.map((c) => c.code);
  const titles = new Map(refs.map((ref) => [ref.criterion.code, ref.criterion.title]));
  return {
    ranking,
    unit: row,
    publishedAt: official.publishedAt,
    criteria: codes.map((code) => {
      const stored = byCode.get(code);
      return {
        code,
        title: titles.get(code) ?? code,
        max: stored?.max ?? 0,
        score: stored?.score ?? null,
        explanation: stored?.explanation ?? null,
        reviewerComment: stored?.comment ?? null,
        evidence: evidenceRows
          .filter((item) => stored && item.criterionId === stored.id)
          .map(({ criterionId: _criterionId, ...item }) => item),
      };
    }),
  };
}

/** A file of a public evidence item of a province that publishes its results; null otherwise (alike). */
export async function findPublicEvidenceFile(
  q: Queryable,
  province: PublicProvince,
  evidenceId: string,
): Promise<{
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
} | null> {
  const scope = (await loadUnitGraph(q)).rollupIds([province.id]);
  const [row] = await queryRows<{
    storageKey: string;
    originalName: string;
    mimeType: string;
    sizeBytes: string;
    sha256: string;
  }>(
    q,
    sql`select f.storage_key as "storageKey", f.original_name as "originalName", f.mime_type as "mimeType",
          f.size_bytes as "sizeBytes", f.sha256
        from evidence e join stored_files f on f.id = e.file_id
        where e.id = ${evidenceId} and e.is_public and e.unit_id = any(${uuidArray(scope)})`,
  );
  return row ? { ...row, sizeBytes: Number(row.sizeBytes) } : null;
}
