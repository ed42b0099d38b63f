import type { ErrorDetail } from '../../../shared/errors';
import type { Db, Queryable } from '../../db/client';
import { analyzeDatabase } from '../../db/maintenance';
import { type AuditEntryInput, insertAuditEntries } from '../../db/repositories/audit';
import {
  findAllCurrentUnitsWithCode,
  insertEvent,
  insertUnits,
  startNewVersion,
  today,
  updateUnitFields,
} from '../../db/repositories/units';
import { validationError } from '../../errors';
import type { Actor } from '../actor';
import { parseUnitListJson, parseUnitListTable, type UnitListRow } from './parse-unit-list';

export interface ImportUnitsResult {
  total: number;
  created: number;
  renamed: number;
  reparented: number;
  kindChanged: number;
  unchanged: number;
}

export async function parseUnitFile(fileName: string, content: Buffer) {
  const isJson =
    /\.json$/i.test(fileName) ||
    /^\s*[[{]/.test(
      content
        .subarray(0, 64)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  return isJson ? parseUnitListJson(content.toString('utf8')) : parseUnitListTable(fileName, content);
}

/**
 * Imports an official list of units, all or nothing. Units are matched by code among current units:
 * a new code creates a unit, a changed name is a rename event and a changed parent a re-parent
 * event, both dated `effectiveDate`; a file imported twice changes nothing the second time.
 */
export async function importUnits(options: {
  db: Db;
  actor: Actor;
  fileName: string;
  content: Buffer;
  effectiveDate?: string;
}): Promise<ImportUnitsResult> {
  const { rows, errors } = await parseUnitFile(options.fileName, options.content);
  const result = await applyUnitList({
    db: options.db,
    actor: options.actor,
    rows,
    parseErrors: errors,
    effectiveDate: options.effectiveDate ?? today(),
    sourceName: options.fileName,
  });
  if (result.created + result.renamed + result.reparented > 100) await analyzeDatabase(options.db);
  return result;
}

export async function applyUnitList(options: {
  db: Db;
  actor: Actor;
  rows: UnitListRow[];
  parseErrors?: ErrorDetail[];
  effectiveDate: string;
  sourceName: string;
}): Promise<ImportUnitsResult> {
  const { db, actor, rows, effectiveDate } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
    throw validationError('Ngày hiệu lực không hợp lệ.', [
      { field: 'effectiveDate', message: 'Dạng yyyy-MM-dd.' },
    ]);
  }
  const errors = [...(options.parseErrors ?? [])];
  if (rows.length === 0 && errors.length === 0)
    errors.push({ field: 'file', message: 'Tệp không có đơn vị nào.' });

  return db.transaction(async (tx) => {
    const existing = new Map((await findAllCurrentUnitsWithCode(tx)).map((unit) => [unit.code!, unit]));
    const fileCodes = new Map<string, UnitListRow>();
    for (const row of rows) {
      if (!row.code) continue;
      const first = fileCodes.get(row.code);
      if (first)
        errors.push({ row: row.row, column: 'code', message: `Mã ${row.code} trùng với dòng ${first.row}.` });
      else fileCodes.set(row.code, row);
    }
    for (const row of rows) {
      if (!row.parentCode) continue;
      if (row.parentCode === row.code)
        errors.push({
          row: row.row,
          column: 'parent_code',
          message: 'Đơn vị không thể trực thuộc chính nó.',
        });
      else if (!fileCodes.has(row.parentCode) && !existing.has(row.parentCode)) {
        errors.push({
          row: row.row,
          column: 'parent_code',
          message: `Không có đơn vị cấp trên mã ${row.parentCode}.`,
        });
      }
    }
    for (const row of rows) {
      const current = existing.get(row.code);
      if (current && current.validFrom > effectiveDate && current.name !== row.name) {
        errors.push({
          row: row.row,
          column: 'name',
          message: `Đơn vị ${row.code} bắt đầu từ ${current.validFrom}, sau ngày hiệu lực ${effectiveDate}.`,
        });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      throw validationError(`Tệp có ${errors.length} lỗi; không có đơn vị nào được nhập.`, errors);
    }
    return applyValidRows(tx, actor, rows, existing, effectiveDate, options.sourceName);
  });
}

type ExistingUnit = Awaited<ReturnType<typeof findAllCurrentUnitsWithCode>>[number];

async function applyValidRows(
  tx: Queryable,
  actor: Actor,
  rows: UnitListRow[],
  existing: Map<string, ExistingUnit>,
  effectiveDate: string,
  sourceName: string,
): Promise<ImportUnitsResult> {
  const result: ImportUnitsResult = {
    total: rows.length,
    created: 0,
    renamed: 0,
    reparented: 0,
    kindChanged: 0,
    unchanged: 0,
  };
  const audit: AuditEntryInput[] = [];
  const idByCode = new Map([...existing].map(([code, unit]) => [code, unit.id]));

  // Parents before children: insert level by level so every parent id is known.
  let pending = rows.filter((row) => !existing.has(row.code));
  while (pending.length) {
    const ready = pending.filter((row) => !row.parentCode || idByCode.has(row.parentCode));
    if (ready.length === 0)
      throw validationError(
        'Quan hệ cấp trên trong tệp bị vòng lặp.',
        pending.map((row) => ({ row: row.row, column: 'parent_code', message: 'Vòng lặp cấp trên.' })),
      );
    const created = await insertUnits(
      tx,
      ready.map((row) => ({
        kind: row.kind,
        code: row.code,
        name: row.name,
        parentId: row.parentCode ? idByCode.get(row.parentCode)! : null,
        validFrom: effectiveDate,
      })),
    );
    ready.forEach((row, i) => {
      const id = created[i]!.id;
      idByCode.set(row.code, id);
      audit.push({
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        summary: `Nhập đơn vị ${row.name}`,
        after: row,
      });
    });
    result.created += ready.length;
    const readyCodes = new Set(ready.map((row) => row.code));
    pending = pending.filter((row) => !readyCodes.has(row.code));
  }

  for (const row of rows) {
    const current = existing.get(row.code);
    if (!current) continue;
    const parentId = row.parentCode ? idByCode.get(row.parentCode)! : null;
    const isRenamed = current.name !== row.name;
    const isReparented = row.parentCode !== null && current.parentId !== parentId;
    const isKindChanged = current.kind !== row.kind;
    if (!isRenamed && !isReparented && !isKindChanged) {
      result.unchanged++;
      continue;
    }
    if (isRenamed || isReparented) {
      await startNewVersion(tx, current.id, effectiveDate, {
        name: row.name,
        ...(isReparented ? { parentId } : {}),
      });
    }
    if (isRenamed) {
      result.renamed++;
      await insertEvent(tx, {
        kind: 'rename',
        effectiveDate,
        note: `Theo danh mục ${sourceName}`,
        details: { fromName: current.name, toName: row.name },
        units: [{ unitId: current.id, role: 'subject' }],
      });
    }
    if (isReparented) {
      result.reparented++;
      await insertEvent(tx, {
        kind: 'reparent',
        effectiveDate,
        note: `Theo danh mục ${sourceName}`,
        details: { fromParentId: current.parentId, toParentId: parentId },
        units: [{ unitId: current.id, role: 'subject' }],
      });
    }
    if (isKindChanged) {
      result.kindChanged++;
      await updateUnitFields(tx, current.id, { kind: row.kind });
    }
    audit.push({
      action: 'unit.update',
      entityType: 'unit',
      entityId: current.id,
      unitId: current.id,
      summary: `Cập nhật theo danh mục: ${[isRenamed && 'đổi tên', isReparented && 'đổi cấp trên', isKindChanged && 'đổi loại'].filter(Boolean).join(', ')}`,
      before: { name: current.name, parentId: current.parentId, kind: current.kind },
      after: { name: row.name, parentId, kind: row.kind },
    });
  }
  audit.push({
    action: 'unit.import',
    entityType: 'unit_list',
    entityId: sourceName,
    summary: `Nhập danh mục ${sourceName}`,
    after: result,
  });
  await insertAuditEntries(tx, actor, audit);
  return result;
}
