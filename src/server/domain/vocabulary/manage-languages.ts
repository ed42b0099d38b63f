import type { LanguageDto, LanguageInput, LanguageUpdate } from '../../../shared/api/vocabulary';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findLanguageByCode,
  getLanguageRow,
  insertLanguage,
  updateLanguageRow,
} from '../../db/repositories/vocabulary';
import { AppError, forbidden, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { presentLanguage } from './get-vocabulary';
import { authorizeProvinceOf } from './province-settings';

/** Adds a language (BCP-47 / ISO 639-3 code) to the province of a unit. */
export async function createLanguage(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: LanguageInput;
}): Promise<LanguageDto> {
  const { db, principal, actor, input } = options;
  const { provinceId, provinceName } = await authorizeProvinceOf(db, principal, options.unitId);
  const name = normalizeText(input.name);
  if (!name) throw validationError('Nhập tên ngôn ngữ.', [{ field: 'name', message: 'Bắt buộc.' }]);
  const existing = await findLanguageByCode(db, provinceId, input.code);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `Mã ngôn ngữ "${input.code}" đã có${existing.isActive ? '' : ' (đang tắt — hãy bật lại)'}: ${existing.name}.`,
      [{ field: 'code', message: 'Đã được dùng.' }],
    );
  }
  const row = await db.transaction(async (tx) => {
    const created = await insertLanguage(tx, {
      provinceId,
      code: input.code,
      name,
      nameEn: input.nameEn ? normalizeText(input.nameEn) : null,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'language.create',
        entityType: 'language',
        entityId: created.id,
        unitId: provinceId,
        summary: `Thêm ngôn ngữ "${name}" (${input.code}) của ${provinceName}`,
        after: created,
      },
    ]);
    return created;
  });
  return presentLanguage(row);
}

/** Renames or (de)activates a province's language; national rows (Vietnamese among them) are read-only. */
export async function updateLanguage(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  languageId: string;
  update: LanguageUpdate;
}): Promise<LanguageDto> {
  const { db, principal, actor, languageId, update } = options;
  const row = await getLanguageRow(db, languageId);
  if (!row) throw notFound();
  if (!row.provinceId)
    throw forbidden('Danh mục ngôn ngữ quốc gia chỉ được đọc; tỉnh chỉ sửa các ngôn ngữ riêng của mình.');
  await authorizeUnit(db, principal, row.provinceId, 'settings.manage');
  const values = {
    ...(update.name !== undefined ? { name: normalizeText(update.name) } : {}),
    ...(update.nameEn !== undefined ? { nameEn: update.nameEn ? normalizeText(update.nameEn) : null } : {}),
    ...(update.isActive !== undefined ? { isActive: update.isActive } : {}),
  };
  if (values.name === '')
    throw validationError('Nhập tên ngôn ngữ.', [{ field: 'name', message: 'Bắt buộc.' }]);
  if (Object.keys(values).length === 0) return presentLanguage(row);
  const updated = await db.transaction(async (tx) => {
    const after = await updateLanguageRow(tx, languageId, values);
    await insertAuditEntries(tx, actor, [
      {
        action: 'language.update',
        entityType: 'language',
        entityId: languageId,
        unitId: row.provinceId,
        summary: `Sửa ngôn ngữ "${after.name}" (${after.code})${values.isActive === false ? ' (tắt)' : ''}`,
        before: Object.fromEntries(Object.keys(values).map((key) => [key, row[key as keyof typeof row]])),
        after: values,
      },
    ]);
    return after;
  });
  return presentLanguage(updated);
}
