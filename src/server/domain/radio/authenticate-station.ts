import type { Queryable } from '../../db/client';
import { findStationByTokenHash, type RadioStationRow } from '../../db/repositories/radio-stations';
import { AppError } from '../../errors';
import { bearerToken, hashStationToken } from './station-token';

/** One answer for a missing, unknown, rotated-out and revoked token: a caller learns nothing from it. */
export const BAD_TOKEN_MESSAGE =
  'Mã truy cập của trạm không hợp lệ hoặc đã bị thu hồi (gửi Authorization: Bearer <mã truy cập>).';

/** The live station holding the token of an "Authorization: Bearer …" header. */
export async function authenticateStation(
  q: Queryable,
  authorization: string | undefined,
): Promise<RadioStationRow> {
  const token = bearerToken(authorization);
  const station = token ? await findStationByTokenHash(q, hashStationToken(token)) : undefined;
  if (!station) throw new AppError('UNAUTHENTICATED', BAD_TOKEN_MESSAGE);
  return station;
}
