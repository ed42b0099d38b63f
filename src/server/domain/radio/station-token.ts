import { createHash, randomBytes } from 'node:crypto';
import { RADIO_TOKEN_PREFIX } from '../../../shared/api/radio';

/**
 * A station's secret: 32 random bytes (base64url) behind a recognisable prefix. Only its SHA-256 is
 * stored: a copy of the database does not let anyone push. A plain hash (not a password hash) is
 * enough for 256 random bits, and lets the token be found by an index lookup.
 */
export function generateStationToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${RADIO_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    token,
    tokenHash: hashStationToken(token),
    tokenPrefix: token.slice(0, RADIO_TOKEN_PREFIX.length + 6),
  };
}

export function hashStationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an "Authorization: Bearer …" header, or null when the header is missing or not a station token. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  return token?.startsWith(RADIO_TOKEN_PREFIX) && token.length <= 200 ? token : null;
}
