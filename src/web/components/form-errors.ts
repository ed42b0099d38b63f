import type { FormInstance } from 'antd';
import type { ErrorDetail } from '../../shared/errors';
import { isApiError } from '../api/client';

/**
 * Puts the API's field errors ("body.username", "username", "grants.0.unitId") on the form's own
 * fields and returns the details that match no field, for the error banner.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): ErrorDetail[] {
  if (!isApiError(error)) return [];
  const placed: Array<{ name: string; errors: string[] }> = [];
  const rest: ErrorDetail[] = [];
  for (const detail of error.details) {
    const path = detail.field?.replace(/^(body|querystring)\./, '');
    const name = path === undefined ? undefined : (aliases[path] ?? path);
    if (name !== undefined && fields.includes(name)) {
      const existing = placed.find((entry) => entry.name === name);
      if (existing) existing.errors.push(detail.message);
      else placed.push({ name, errors: [detail.message] });
    } else {
      rest.push(detail);
    }
  }
  form.setFields(placed);
  return rest;
}
