import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../../../shared/password-rule';
import { validationError } from '../../errors';
import { isCommonPassword } from './common-passwords';

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

/** The words for a password field in messages, by the field's name in the request. */
const FIELD_LABELS: Record<string, string> = {
  password: 'Mật khẩu',
  newPassword: 'Mật khẩu mới',
};

/**
 * At least MIN_PASSWORD_LENGTH characters, not containing the username, not on the shipped lists of
 * common passwords (international and Vietnamese: common-passwords.ts), and not easily guessed
 * (zxcvbn: keyboard walks, repeats, dates, the username). Each refusal names the field, in the message
 * and in its detail.
 */
export function assertPasswordAcceptable(password: string, field: string, username?: string): void {
  const label = FIELD_LABELS[field] ?? 'Mật khẩu';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw validationError(`${label} phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, [
      { field, message: `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` },
    ]);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw validationError(`${label} không được chứa tên đăng nhập.`, [
      { field, message: 'Không được chứa tên đăng nhập.' },
    ]);
  }
  if (isCommonPassword(password)) {
    throw validationError(
      `${label} nằm trong danh sách mật khẩu phổ biến (như "matkhau123", "123456a@", tên tỉnh hay tên người kèm năm sinh) nên rất dễ bị dò ra. Hãy dùng một cụm từ dài hơn, trộn chữ, số và ký hiệu.`,
      [{ field, message: 'Mật khẩu phổ biến, dễ đoán.' }],
    );
  }
  if (strengthOf(password, username ? [username, ...username.split(/[._-]/)] : []) < MIN_STRENGTH) {
    throw validationError(
      `${label} quá dễ đoán (dãy số, phím liền nhau, lặp lại hoặc ngày tháng). Hãy dùng một cụm từ dài hơn, trộn chữ, số và ký hiệu.`,
      [{ field, message: 'Quá dễ đoán.' }],
    );
  }
}
