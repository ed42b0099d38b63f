import type { ErrorDetail } from '../../../shared/errors';
import type { CriterionSpec } from '../../../shared/frameworks/definition';
import { validationError } from '../../errors';
import { formatNumber } from '../../scoring/explain';
import type { InputValue } from '../../scoring/types';

/** A score within 0..max of the criterion, or null (cleared); refused with a message naming the field. */
export function checkScore(
  value: number | null,
  max: number,
  field: string,
  what: string,
  code: string,
): void {
  if (value === null) return;
  if (!Number.isFinite(value) || value < 0 || value > max)
    throw validationError(`${what} của tiêu chí ${code} phải từ 0 đến ${formatNumber(max)}.`, [
      { field, message: `${what} phải từ 0 đến ${formatNumber(max)}.` },
    ]);
}

/**
 * The criterion's input values after a change: each key must be one the framework declares for the
 * criterion, each value of the declared type (a number not below 0, yes/no, one of the options);
 * null removes a value.
 */
export function mergeInputs(
  criterion: CriterionSpec,
  current: Record<string, InputValue>,
  changes: Record<string, InputValue | null>,
): Record<string, InputValue> {
  const specs = new Map((criterion.inputs ?? []).map((spec) => [spec.key, spec]));
  const merged: Record<string, InputValue> = { ...current };
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const field = `body.inputs.${key}`;
    const spec = specs.get(key);
    if (!spec) {
      const known = [...specs.keys()];
      details.push({
        field,
        message: known.length
          ? `Tiêu chí ${criterion.code} không có ô nhập "${key}" (có: ${known.join(', ')}).`
          : `Tiêu chí ${criterion.code} không có ô nhập nào.`,
      });
      continue;
    }
    if (value === null) {
      delete merged[key];
      continue;
    }
    if (spec.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      details.push({ field, message: `"${spec.label}" phải là một số không âm.` });
    else if (spec.type === 'boolean' && typeof value !== 'boolean')
      details.push({ field, message: `"${spec.label}" phải là có hoặc không (true/false).` });
    else if (spec.type === 'choice' && !(spec.options ?? []).some((option) => option.value === value))
      details.push({
        field,
        message: `"${spec.label}" phải là một trong: ${(spec.options ?? []).map((option) => `${option.value} (${option.label})`).join(', ')}.`,
      });
    else merged[key] = value;
  }
  if (details.length)
    throw validationError(
      `Giá trị nhập cho tiêu chí ${criterion.code} không hợp lệ: ${details.map((d) => d.message).join(' ')}`,
      details,
    );
  return merged;
}
