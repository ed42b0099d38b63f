import type { ActivityKind } from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import type { Queryable } from '../../db/client';
import { findActivityRefs, findVersionRefs } from '../../db/repositories/activities';

export interface TranslationClaim {
  kind: ActivityKind;
  language: string;
  translationOfId: string | null;
  /** The record itself when it is being edited. */
  selfId?: string | null;
}

export interface TranslationProblem extends ErrorDetail {
  /** The original already has a version in this language: a conflict, not a typing mistake. */
  isConflict: boolean;
}

/**
 * The rules of versions in other languages: the original exists, is visible to the user, is itself
 * an original, has the same kind and another language, and has at most one live version per
 * language (also among the records of the same batch). Returns the problems of each claim.
 */
export async function checkTranslations(
  q: Queryable,
  claims: TranslationClaim[],
  /** The units the user sees (null: all); asked only when some claim names an original. */
  loadVisibleUnitIds: () => Promise<ReadonlySet<string> | null>,
): Promise<TranslationProblem[][]> {
  const originalIds = [
    ...new Set(claims.map((claim) => claim.translationOfId).filter((id): id is string => Boolean(id))),
  ];
  const selfIds = claims.map((claim) => claim.selfId).filter((id): id is string => Boolean(id));
  if (originalIds.length === 0 && selfIds.length === 0) return claims.map(() => []);
  const visibleUnitIds = originalIds.length ? await loadVisibleUnitIds() : null;
  const originals = new Map((await findActivityRefs(q, originalIds)).map((ref) => [ref.id, ref]));
  const versions = await findVersionRefs(q, [...new Set([...originalIds, ...selfIds])]);
  const taken = new Set<string>();
  return claims.map((claim) => {
    const problems: TranslationProblem[] = [];
    const fail = (message: string, isConflict = false) =>
      problems.push({ field: 'translationOfId', message, isConflict });
    const ownVersions = claim.selfId
      ? versions.filter((version) => version.translationOfId === claim.selfId)
      : [];
    if (!claim.translationOfId) {
      // An original whose language is changed must not collide with one of its own versions.
      const clash = ownVersions.find((version) => version.language === claim.language);
      if (clash)
        problems.push({
          field: 'language',
          message: `Bản ghi đã có bản dịch cùng ngôn ngữ "${claim.language}": "${clash.title}".`,
          isConflict: true,
        });
      return problems;
    }
    const original = originals.get(claim.translationOfId);
    if (!original || original.deleted || (visibleUnitIds && !visibleUnitIds.has(original.unitId))) {
      fail('Không tìm thấy bản gốc.');
      return problems;
    }
    if (original.id === claim.selfId) fail('Bản ghi không thể là bản dịch của chính nó.');
    else if (original.translationOfId) fail('Bản được chọn cũng là một bản dịch; hãy chọn bản gốc của nó.');
    else if (ownVersions.length)
      fail('Bản ghi này đã có bản dịch nên không thể là bản dịch của bản ghi khác.');
    if (original.kind !== claim.kind) fail('Bản dịch phải cùng loại với bản gốc.');
    if (original.language === claim.language)
      fail(`Bản dịch phải khác ngôn ngữ với bản gốc ("${original.language}").`);
    if (problems.length) return problems;
    const key = `${original.id}|${claim.language}`;
    const existing = versions.find(
      (version) =>
        version.translationOfId === original.id &&
        version.language === claim.language &&
        version.id !== claim.selfId,
    );
    if (existing)
      fail(
        `Bản gốc "${original.title}" đã có bản dịch ngôn ngữ "${claim.language}": "${existing.title}".`,
        true,
      );
    else if (taken.has(key))
      fail(
        `Bản gốc "${original.title}" có hai bản dịch ngôn ngữ "${claim.language}" trong cùng lần gửi.`,
        true,
      );
    taken.add(key);
    return problems;
  });
}
