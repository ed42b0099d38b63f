import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createSignedInUser } from './support/scenarios';

describe('one error body for every failure', () => {
  let ctx: TestContext;
  let admin: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
      .session;
  });
  afterAll(() => ctx.close());

  it('answers an invalid body with 400 VALIDATION_FAILED, a Vietnamese message naming the fields, and details per field', async () => {
    const response = await admin.post('/api/users', { username: 'ab', password: 'ngan' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^Dữ liệu không hợp lệ/);
    expect(body.message).toContain('body.username');
    expect(body.message).toContain('body.fullName');
    expect(body.details.map((detail) => detail.field).sort()).toEqual([
      'body.fullName',
      'body.password',
      'body.username',
    ]);
    expect(body.details.find((detail) => detail.field === 'body.username')?.message).toBe('Ít nhất 3 ký tự.');
    // Messages without a custom text come from the Vietnamese locale, not English.
    for (const detail of body.details) expect(detail.message).not.toMatch(/\b(Invalid|expected|required)\b/i);
  });

  it('answers a value of the wrong type the same way', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: '' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(body.details.map((detail) => detail.field).sort()).toEqual(['body.password', 'body.username']);
    expect(body.details.find((detail) => detail.field === 'body.password')?.message).toBe('Nhập mật khẩu.');
  });

  it('answers malformed JSON with 400 in the same shape', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), details: [] });
  });

  it('answers an unsupported content type with 415 and a Vietnamese message', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<login/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
      details: [],
    });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', {
      fullName: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown /api route with a JSON 404, signed in or not', async () => {
    for (const request of [
      () => ctx.app.inject({ method: 'GET', url: '/api/khong-co' }),
      () => ctx.app.inject({ method: 'POST', url: '/api/khong-co', payload: {} }),
      () => admin.get('/api/units/khong-co/them'),
    ]) {
      const response = await request();
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: [] });
    }
  });

  it('answers an unknown or malformed id like any unknown object: 404', async () => {
    for (const url of [
      '/api/units/khong-phai-uuid',
      '/api/units/00000000-0000-4000-8000-000000000000',
      '/api/users/123',
    ]) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('answers anonymous requests with 401 UNAUTHENTICATED', async () => {
    for (const url of ['/api/units', '/api/auth/me', '/api/users', '/api/audit']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json(), url).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Bạn cần đăng nhập.',
        details: [],
      });
    }
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'loaso_session=gia-mao' },
    });
    expect(forged.statusCode).toBe(401);
  });
});

describe('an unexpected failure', () => {
  it('answers 500 INTERNAL without internals', async () => {
    const ctx = await createTestApp();
    await ctx.database.close();
    try {
      const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        code: 'INTERNAL',
        message: 'Lỗi hệ thống. Vui lòng thử lại sau.',
        details: [],
      });
      expect(response.body).not.toMatch(/stack|closed|pglite|pool|Error:/i);
    } finally {
      await ctx.app.close();
    }
  });
});
