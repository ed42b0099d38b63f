import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { isCommonPassword } from '../src/server/domain/accounts/common-passwords';
import type { ErrorBody } from '../src/shared/errors';
import { createAppOn, createTestApp, logIn, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';

/**
 * Issue 12, security review: password policy. The lists of common passwords ship in data/ (nothing is
 * fetched at run time); international ones and Vietnamese ones ("matkhau123", "123456a@", province
 * names with a year, a person's name with a birth year) are refused with a Vietnamese message naming
 * the field, wherever a password is set: a new account, an administrator's reset, the user's change.
 */

const VIETNAMESE_COMMON = [
  'matkhau123',
  'Matkhau@123',
  'Mật khẩu 2025',
  '123456a@',
  'anhyeuem123',
  'QuangNgai2025',
  'quang-ngai@2026',
  'KonTum@2024',
  'hochiminh123',
  'ubnd-xa-2026',
  'sotttt@2026',
  'nguyenvanan1990',
  'Tran Thi Thu 88',
  'chuyendoiso2025',
];
const INTERNATIONAL_COMMON = ['password123', 'qwertyuiop', '1234567890', 'iloveyou2026', '1q2w3e4r5t'];
const ACCEPTED = [
  'mat-khau-thu-nghiem',
  'Cum-tu-moi-2026!',
  DEMO_PASSWORD,
  'Đồng lúa chín vàng 7 ngả',
  '7$9!2%4@8#1^q',
];

let ctx: TestContext;
let app: FastifyInstance;
let admin: Session;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  unitId = (await createProvinceWithCommunes(ctx.database.db)).communeA;
  app = await createAppOn(ctx.database, { loginRateLimitPerMinute: 1000 });
  admin = await logIn(
    app,
    (await createUser(ctx.database.db, [{ role: 'system_admin', unitId: null }])).username,
  );
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('the shipped lists', () => {
  it('are files of the repository, thousands of international passwords and the Vietnamese ones', () => {
    const root = path.resolve(import.meta.dirname, '..', 'data');
    const lines = (name: string) =>
      fs
        .readFileSync(path.join(root, name), 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'));
    expect(lines('common-passwords.txt').length).toBeGreaterThan(10_000);
    expect(lines('common-passwords-vi.txt')).toEqual(
      expect.arrayContaining(['matkhau123', '123456a@', '[words]']),
    );
  });

  it('refuse the common ones and let good ones through', () => {
    for (const password of [...VIETNAMESE_COMMON, ...INTERNATIONAL_COMMON])
      expect(isCommonPassword(password), password).toBe(true);
    for (const password of ACCEPTED) expect(isCommonPassword(password), password).toBe(false);
  });
});

describe('where a password is set', () => {
  it('refuses a common password for a new account, naming the field in Vietnamese', async () => {
    for (const password of ['matkhau123', 'QuangNgai2025', 'password123']) {
      const answer = await admin.post('/api/users', {
        username: `moi.${Math.random().toString(36).slice(2, 8)}`,
        fullName: 'Người Mới',
        password,
        grants: [{ role: 'unit_officer', unitId }],
      });
      expect(answer.statusCode, password).toBe(400);
      const body = answer.json<ErrorBody>();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toMatch(/^Mật khẩu .*(phổ biến|dễ đoán)/);
      expect(body.details).toEqual([{ field: 'password', message: expect.stringMatching(/dễ đoán/) }]);
    }
  });

  it('refuses a common password on an administrator reset and on the user’s own change', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const reset = await admin.patch(`/api/users/${user.id}`, { password: 'anhyeuem2026' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json<ErrorBody>().details).toMatchObject([{ field: 'password' }]);

    const session = await logIn(app, user.username);
    for (const newPassword of ['Matkhau@123', '123456a@123', 'ubnd-xa-2026', 'nguyenvanan1990']) {
      const answer = await session.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(answer.statusCode, newPassword).toBe(400);
      const body = answer.json<ErrorBody>();
      expect(body.message, newPassword).toMatch(/^Mật khẩu mới /);
      expect(body.details, newPassword).toMatchObject([{ field: 'newPassword' }]);
    }
    const good = await session.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Đồng lúa chín vàng 7 ngả',
    });
    expect(good.statusCode, good.body).toBe(200);
  });
});
