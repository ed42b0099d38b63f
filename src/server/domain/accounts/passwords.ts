import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../../../shared/password-rule';
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

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against online guessing. */
const MIN_STRENGTH = 3;

/**
 * zxcvbn with its common dictionaries (passwords, names, keyboard walks), built on first use: the
 * dictionaries take a moment and some memory that a worker never needs.
 */
let strength: ZxcvbnFactory | undefined;
function strengthOf(password: string, userInputs: string[]): number {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return strength.check(password, userInputs).score;
}

/**
 * At least MIN_PASSWORD_LENGTH characters, not containing the username, and not easily guessed
 * (common passwords such as 12345678 or password123, keyboard walks, repeats, the username).
 */
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
  if (strengthOf(password, username ? [username, ...username.split(/[._-]/)] : []) < MIN_STRENGTH) {
    throw validationError(
      'Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy số, phím liền nhau hoặc lặp lại). Hãy dùng một cụm từ dài hơn, trộn chữ, số và ký hiệu.',
      [{ field, message: 'Quá dễ đoán.' }],
    );
  }
}
