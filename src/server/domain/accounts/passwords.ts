import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { validationError } from '../../errors';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so both answers take the same time. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('loa-so-dummy-password');
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 8;

export function assertPasswordAcceptable(password: string, field: string, username?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw validationError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, [
      { field, message: `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` },
    ]);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw validationError('Mật khẩu không được chứa tên đăng nhập.', [
      { field, message: 'Không được chứa tên đăng nhập.' },
    ]);
  }
}
