import { createHash, randomBytes } from 'node:crypto';

export interface NewSessionToken {
  /** Goes in the cookie, never stored. */
  token: string;
  /** Stored: the SHA-256 of the token. */
  id: string;
  csrfToken: string;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): NewSessionToken {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token), csrfToken: randomBytes(24).toString('base64url') };
}
