import type { TopicDto, TopicInput, TopicUpdate } from '../../../shared/api/vocabulary';
import { foldForSearch, normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findTopicByCode, getTopicRow, insertTopic, updateTopicRow } from '../../db/repositories/vocabulary';
import { AppError, forbidden, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { presentTopic } from './get-vocabulary';
import { authorizeProvinceOf } from './province-settings';

function codeFromName(name: string): string {
  const code = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return code.length >= 2 ? code : 'chu_de';
}

/** Adds a topic to the province of a unit (the D11 list is national; a province extends it). */
export async function createTopic(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: TopicInput;
}): Promise<TopicDto> {
  const { db, principal, actor, input } = options;
  const { provinceId, provinceName } = await authorizeProvinceOf(db, principal, options.unitId);
  const name = normalizeText(input.name);
  if (!name) throw validationError('Nhập tên chủ đề.', [{ field: 'name', message: 'Bắt buộc.' }]);
  let code = input.code;
  if (code) {
    const existing = await findTopicByCode(db, provinceId, code);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Mã chủ đề "${code}" đã có${existing.isActive ? '' : ' (đang tắt — hãy bật lại)'}: ${existing.name}.`,
        [{ field: 'code', message: 'Đã được dùng.' }],
      );
    }
  } else {
    const base = codeFromName(name);
    code = base;
    for (let n = 2; await findTopicByCode(db, provinceId, code); n += 1) code = `${base}_${n}`;
  }
  const row = await db.transaction(async (tx) => {
    const created = await insertTopic(tx, {
      provinceId,
      code,
      name,
      nameEn: input.nameEn ? normalizeText(input.nameEn) : null,
      sortOrder: input.sortOrder ?? 100,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'topic.create',
        entityType: 'topic',
        entityId: created.id,
        unitId: provinceId,
        summary: `Thêm chủ đề "${name}" của ${provinceName}`,
        after: created,
      },
    ]);
    return created;
  });
  return presentTopic(row);
}

/** Renames, reorders or (de)activates a province's topic; records keep its code. National rows are read-only. */
export async function updateTopic(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  topicId: string;
  update: TopicUpdate;
}): Promise<TopicDto> {
  const { db, principal, actor, topicId, update } = options;
  const row = await getTopicRow(db, topicId);
  if (!row) throw notFound();
  if (!row.provinceId)
    throw forbidden('Danh mục chủ đề quốc gia chỉ được đọc; tỉnh chỉ sửa các chủ đề riêng của mình.');
  await authorizeUnit(db, principal, row.provinceId, 'settings.manage');
  const values = {
    ...(update.name !== undefined ? { name: normalizeText(update.name) } : {}),
    ...(update.nameEn !== undefined ? { nameEn: update.nameEn ? normalizeText(update.nameEn) : null } : {}),
    ...(update.isActive !== undefined ? { isActive: update.isActive } : {}),
    ...(update.sortOrder !== undefined ? { sortOrder: update.sortOrder } : {}),
  };
  if (values.name === '')
    throw validationError('Nhập tên chủ đề.', [{ field: 'name', message: 'Bắt buộc.' }]);
  if (Object.keys(values).length === 0) return presentTopic(row);
  const updated = await db.transaction(async (tx) => {
    const after = await updateTopicRow(tx, topicId, values);
    await insertAuditEntries(tx, actor, [
      {
        action: 'topic.update',
        entityType: 'topic',
        entityId: topicId,
        unitId: row.provinceId,
        summary: `Sửa chủ đề "${after.name}"${values.isActive === false ? ' (tắt)' : ''}`,
        before: Object.fromEntries(Object.keys(values).map((key) => [key, row[key as keyof typeof row]])),
        after: values,
      },
    ]);
    return after;
  });
  return presentTopic(updated);
}
