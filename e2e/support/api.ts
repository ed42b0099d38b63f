import type { Page } from 'playwright-core';

/** Calls the API with the page's session (cookie and CSRF token), for test setup and checks. */
export async function apiAs<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: {
      'x-csrf-token': csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok())
    throw new Error(`${method} ${path}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface ChannelRow {
  id: string;
  name: string;
  kind: string;
}

/** The channel of the unit with this name, created when the demo data has none. */
export async function ensureChannel(
  page: Page,
  unitId: string,
  channel: { kind: string; platform: string; name: string; url?: string },
): Promise<string> {
  const list = await apiAs<{ items: ChannelRow[] }>(page, 'GET', `/api/units/${unitId}/channels`);
  const found = list.items.find((item) => item.name === channel.name);
  if (found) return found.id;
  const created = await apiAs<ChannelRow>(page, 'POST', `/api/units/${unitId}/channels`, {
    ...channel,
    startedOn: '2025-07-01',
  });
  return created.id;
}

/** How many records of a unit the list shows. */
export async function countActivities(page: Page, unitId: string): Promise<number> {
  const list = await apiAs<{ total: number }>(page, 'GET', `/api/activities?unitId=${unitId}&limit=1`);
  return list.total;
}

/** The unit of the signed-in user's first grant. */
export async function ownUnitId(page: Page): Promise<string> {
  const me = await apiAs<{ grants: Array<{ unitId: string | null }> }>(page, 'GET', '/api/auth/me');
  const unitId = me.grants.find((grant) => grant.unitId)?.unitId;
  if (!unitId) throw new Error('The user has no unit grant');
  return unitId;
}
