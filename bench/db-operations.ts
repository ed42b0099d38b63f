import fs from 'node:fs';
import path from 'node:path';
import { findChildrenAsOf, findLineage, findSubtreeAsOf } from '../src/server/db/repositories/units';
import type { Actor } from '../src/server/domain/actor';
import { importUnits } from '../src/server/domain/units/import-units';
import { parseUnitListJson } from '../src/server/domain/units/parse-unit-list';
import { findRollupIds } from '../src/server/domain/units/unit-scope';
import { foldForSearch } from '../src/shared/text';
import { NATIONAL_LIST_FILE, type NationalDataset, REORG_DATE } from './generate-national';
import { summarize, type Timing, timePair } from './measure';
import {
  CHILDREN_SQL,
  IMPORT_SQL,
  IMPORTED_DIGEST_SQL,
  ROLLUP_SQL,
  SUBTREE_SQL,
  SUCCESSORS_SQL,
} from './raw-queries';
import type { BenchTarget } from './targets';

export interface OperationResult {
  name: string;
  product: Timing;
  raw: Timing;
  /** Rows the operation returns, and whether the raw query returned exactly the same. */
  rows: number;
  isSameAsRaw: boolean;
  mismatch?: string;
}

export interface RunSizes {
  queryWarmup: number;
  queryRuns: number;
  importRuns: number;
  maxSecondsPerOperation: number;
}

/** Compares two results as sets of keys; order is checked separately where it matters. */
function compareKeys(product: string[], raw: string[]): string | undefined {
  const rawSet = new Set(raw);
  const productSet = new Set(product);
  const missing = product.filter((key) => !rawSet.has(key));
  const extra = raw.filter((key) => !productSet.has(key));
  if (product.length === raw.length && missing.length === 0 && extra.length === 0) return undefined;
  return `product ${product.length} rows, raw ${raw.length}; only in product: ${missing.slice(0, 3).join(', ') || '-'}; only in raw: ${extra.slice(0, 3).join(', ') || '-'}`;
}

export async function queryOperation<P, R>(options: {
  name: string;
  product: () => Promise<P[]>;
  raw: () => Promise<R[]>;
  productKey: (row: P) => string;
  rawKey: (row: R) => string;
  sizes: RunSizes;
  /** Untimed work before each timed product run (see PairOptions). */
  beforeProduct?: () => Promise<void>;
}): Promise<OperationResult> {
  const productRows = await options.product();
  const rawRows = await options.raw();
  const mismatch = compareKeys(productRows.map(options.productKey), rawRows.map(options.rawKey));
  const timing = await timePair(options.product, options.raw, {
    warmup: options.sizes.queryWarmup,
    runs: options.sizes.queryRuns,
    maxSeconds: options.sizes.maxSecondsPerOperation,
    ...(options.beforeProduct ? { beforeProduct: options.beforeProduct } : {}),
  });
  return {
    name: options.name,
    ...timing,
    rows: productRows.length,
    isSameAsRaw: !mismatch,
    ...(mismatch ? { mismatch } : {}),
  };
}

interface SubtreeKeyRow {
  id: string;
  name: string;
  depth: number;
  childCount: number;
  parentName: string | null;
}
const subtreeKey = (row: SubtreeKeyRow) =>
  `${row.id}|${row.name}|${row.depth}|${row.childCount}|${row.parentName ?? ''}`;

/** Subtree, roll-up and lineage queries on the generated national tree. */
export async function benchQueries(
  target: BenchTarget,
  dataset: NationalDataset,
  sizes: RunSizes,
): Promise<OperationResult[]> {
  const { db } = target.database;
  const { raw } = target;
  const results: OperationResult[] = [];
  for (const date of ['2024-06-01', '2026-01-01']) {
    results.push(
      await queryOperation({
        name: `Subtree of Quảng Ngãi as of ${date} (findSubtreeAsOf)`,
        product: () => findSubtreeAsOf(db, dataset.quangNgaiId, date),
        raw: () => raw.query<SubtreeKeyRow>(SUBTREE_SQL, [dataset.quangNgaiId, date]),
        productKey: subtreeKey,
        rawKey: subtreeKey,
        sizes,
      }),
    );
  }
  // What the children route asks of the database after authorising.
  results.push(
    await queryOperation({
      name: 'Children of Quảng Ngãi as of 2026-01-01 (findChildrenAsOf)',
      product: () => findChildrenAsOf(db, dataset.quangNgaiId, '2026-01-01'),
      raw: () => raw.query<SubtreeKeyRow>(CHILDREN_SQL, [dataset.quangNgaiId, '2026-01-01']),
      productKey: subtreeKey,
      rawKey: subtreeKey,
      sizes,
    }),
  );
  results.push(
    await queryOperation({
      name: 'Roll-up of Quảng Ngãi: subtree at any time + predecessors (findRollupIds)',
      product: () => findRollupIds(db, [dataset.quangNgaiId]),
      raw: () => raw.query<{ id: string }>(ROLLUP_SQL, [dataset.quangNgaiId]),
      productKey: (id) => id,
      rawKey: (row) => row.id,
      sizes,
    }),
  );
  results.push(
    await queryOperation({
      name: `Successors of a former commune, ${dataset.sampleFormerCommune.name} (findLineage)`,
      product: () => findLineage(db, dataset.sampleFormerCommune.id, 'successors'),
      raw: () =>
        raw.query<{ id: string; distance: number }>(SUCCESSORS_SQL, [dataset.sampleFormerCommune.id]),
      productKey: (row) => `${row.id}|${row.distance}`,
      rawKey: (row) => `${row.id}|${row.distance}`,
      sizes,
    }),
  );
  return results;
}

const IMPORT_ACTOR: Actor = { userId: null, label: 'bench' };

/**
 * The official list into an empty, migrated database: importUnits (parse, validate, insert units and
 * versions level by level, one audit entry per unit) against one INSERT … SELECT FROM
 * json_to_recordset of the already parsed rows. Every run gets a database of its own, opened and
 * closed outside the timing; the first run of each side is a warm-up.
 */
export async function benchImport(target: BenchTarget, sizes: RunSizes): Promise<OperationResult> {
  const content = fs.readFileSync(NATIONAL_LIST_FILE);
  const fileName = path.basename(NATIONAL_LIST_FILE);
  const { rows } = parseUnitListJson(content.toString('utf8'));
  const rawRows = JSON.stringify(
    rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      parent_code: row.parentCode,
      search_text: foldForSearch(`${row.name} ${row.code}`),
    })),
  );

  // What each run left in its database, down to names, kinds, parents and versions, as one digest.
  const digests: { product: string[]; raw: string[] } = { product: [], raw: [] };
  const inEmptyDatabase = async (side: 'product' | 'raw') => {
    const empty = await target.openEmpty();
    try {
      const start = performance.now();
      if (side === 'product') {
        await importUnits({
          db: empty.database.db,
          actor: IMPORT_ACTOR,
          fileName,
          content,
          effectiveDate: REORG_DATE,
        });
      } else {
        await empty.raw.query(IMPORT_SQL, [rawRows, REORG_DATE]);
      }
      const elapsed = performance.now() - start;
      const [digest] = await empty.raw.query<{ count: number; digest: string }>(IMPORTED_DIGEST_SQL);
      digests[side].push(`${digest!.count} units, ${digest!.digest.slice(0, 8)}`);
      return elapsed;
    } finally {
      await empty.close();
    }
  };

  const samples: { product: number[]; raw: number[] } = { product: [], raw: [] };
  // Each run also opens and closes two databases, hence more time than a query gets.
  const deadline = performance.now() + sizes.maxSecondsPerOperation * 1000 * 3;
  for (let i = 0; i <= sizes.importRuns; i++) {
    if (i > 3 && performance.now() > deadline) break;
    const productMs = await inEmptyDatabase('product');
    const rawMs = await inEmptyDatabase('raw');
    if (i === 0) continue;
    samples.product.push(productMs);
    samples.raw.push(rawMs);
  }
  const all = [...digests.product, ...digests.raw];
  const isSame = all.every((digest) => digest === all[0]) && all[0]!.startsWith(`${rows.length} units`);
  return {
    name: `Import of the official list, ${rows.length} units (importUnits)`,
    product: summarize(samples.product),
    raw: summarize(samples.raw),
    rows: rows.length,
    isSameAsRaw: isSame,
    ...(isSame
      ? {}
      : {
          mismatch: `per run, product: ${digests.product.join('; ')}; raw: ${digests.raw.join('; ')}`,
        }),
  };
}
