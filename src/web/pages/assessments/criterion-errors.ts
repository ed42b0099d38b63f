import type { FormInstance } from 'antd';
import type { ErrorDetail } from '../../../shared/errors';
import { isApiError } from '../../api/client';

/**
 * Puts the server's field errors of a criterion write ("body.selfScore", "body.inputs.chu_tri") on
 * the card's own fields, nested names included, and returns the details that match no field.
 */
export function applyCriterionErrors(
  form: FormInstance,
  error: unknown,
  fields: ReadonlyArray<string | readonly string[]>,
): ErrorDetail[] {
  if (!isApiError(error)) return [];
  const known = new Map(fields.map((name) => [typeof name === 'string' ? name : name.join('.'), name]));
  const placed = new Map<string, { name: string | readonly string[]; errors: string[] }>();
  const rest: ErrorDetail[] = [];
  for (const detail of error.details) {
    const path = detail.field?.replace(/^body\./, '');
    const name = path === undefined ? undefined : known.get(path);
    if (path !== undefined && name !== undefined) {
      const entry = placed.get(path) ?? { name, errors: [] };
      entry.errors.push(detail.message);
      placed.set(path, entry);
    } else rest.push(detail);
  }
  form.setFields(
    [...placed.values()].map((entry) => ({
      name: typeof entry.name === 'string' ? entry.name : [...entry.name],
      errors: entry.errors,
    })),
  );
  return rest;
}

/**
 * What a refused transition says about each criterion: submit and appraise list what is missing as
 * "criteria.<code>.<field>" details, which the cards show beside the criterion concerned.
 */
export function problemsByCriterion(error: unknown): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  if (!isApiError(error)) return problems;
  for (const detail of error.details) {
    // Codes hold dots ("1.1"); the field after the last dot is what is missing.
    const match = /^criteria\.(.+)\.[A-Za-z]+$/.exec(detail.field ?? '');
    if (!match?.[1]) continue;
    problems.set(match[1], [...(problems.get(match[1]) ?? []), detail.message]);
  }
  return problems;
}
