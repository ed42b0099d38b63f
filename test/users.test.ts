import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleGrants, sessions, users } from '../src/server/db/schema';
import type { UserDto } from '../src/shared/api/accounts';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, logIn, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';
import { createSignedInUser } from './support/scenarios';

type Tree = Awaited<ReturnType<typeof createProvinceWithCommunes>>;

const NEW_PASSWORD = 'mat-khau-ban-dau-2026';

describe('users and grants', () => {
  let ctx: TestContext;
  let a: Tree;
  let b: Tree;
  let admin: Session;
  let officeA: Session;
  let officeAId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    a = await createProvinceWithCommunes(ctx.database.db);
    b = await createProvinceWithCommunes(ctx.database.db);
    admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
      .session;
    const office = await createSignedInUser(ctx.app, ctx.database.db, [
      { role: 'dx_office', unitId: a.provinceId },
    ]);
    officeA = office.session;
    officeAId = office.userId;
  });
  afterAll(() => ctx.close());

  const userCount = async () => {
    const [row] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return row!.n;
  };
  const auditOf = (entityId: string) =>
    ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

  it('lets an administrator create a user with a grant, who can then sign in', async () => {
    const response = await admin.post('/api/users', {
      username: 'canbo.an',
      fullName: 'Nguyễn Văn An'.normalize('NFD'),
      email: 'an@example.gov.vn',
      password: NEW_PASSWORD,
      grants: [{ role: 'unit_officer', unitId: a.communeA }],
    });
    expect(response.statusCode, response.body).toBe(200);
    const user = response.json<UserDto>();
    expect(user).toMatchObject({
      username: 'canbo.an',
      fullName: 'Nguyễn Văn An',
      email: 'an@example.gov.vn',
      isActive: true,
      isLocked: false,
      grants: [{ role: 'unit_officer', unitId: a.communeA }],
    });
    expect(user.fullName).toBe(user.fullName.normalize('NFC'));
    expect(response.body).not.toMatch(/argon|password/i);
    expect((await logIn(ctx.app, 'canbo.an', NEW_PASSWORD)).csrfToken).toBeTruthy();

    const entries = await auditOf(user.id);
    expect(entries[0]).toMatchObject({
      action: 'user.create',
      before: null,
      after: { username: 'canbo.an', isActive: true },
    });
    expect(JSON.stringify(entries)).not.toMatch(/argon/);
    const grantEntries = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'grant.create'));
    expect(grantEntries.find((entry) => entry.entityId === user.grants[0]!.id)).toMatchObject({
      unitId: a.communeA,
      after: { userId: user.id, role: 'unit_officer', unitId: a.communeA },
    });
  });

  it('refuses a taken username (409) and a malformed one (400 naming the field)', async () => {
    const taken = await admin.post('/api/users', {
      username: 'CANBO.AN',
      fullName: 'Trùng Tên',
      password: NEW_PASSWORD,
      grants: [],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>()).toMatchObject({ code: 'CONFLICT', details: [{ field: 'username' }] });
    const malformed = await admin.post('/api/users', {
      username: 'Cán Bộ',
      fullName: 'Sai Tên',
      password: NEW_PASSWORD,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'username' }],
    });
  });

  it("lets a province's DX office create officers on its communes, but not DX offices, admins, or users elsewhere", async () => {
    const before = await userCount();
    const ok = await officeA.post('/api/users', {
      username: 'canbo.binh',
      fullName: 'Trần Thị Bình',
      password: NEW_PASSWORD,
      grants: [{ role: 'unit_officer', unitId: a.communeB }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await userCount()).toBe(before + 1);

    const asOffice = await officeA.post('/api/users', {
      username: 'so.khac',
      fullName: 'Sở Khác',
      password: NEW_PASSWORD,
      grants: [{ role: 'dx_office', unitId: a.provinceId }],
    });
    expect(asOffice.statusCode).toBe(403);
    expect(asOffice.json()).toMatchObject({ code: 'FORBIDDEN' });
    const asAdmin = await officeA.post('/api/users', {
      username: 'quantri.khac',
      fullName: 'Quản Trị Khác',
      password: NEW_PASSWORD,
      grants: [{ role: 'system_admin', unitId: null }],
    });
    expect(asAdmin.statusCode).toBe(403);
    const elsewhere = await officeA.post('/api/users', {
      username: 'canbo.ngoai',
      fullName: 'Cán Bộ Ngoài',
      password: NEW_PASSWORD,
      grants: [{ role: 'unit_officer', unitId: b.communeA }],
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: 'NOT_FOUND' });
    const noGrant = await officeA.post('/api/users', {
      username: 'khong.quyen',
      fullName: 'Không Quyền',
      password: NEW_PASSWORD,
    });
    expect(noGrant.statusCode).toBe(400);
    expect(await userCount()).toBe(before + 1);

    // Granting follows the same rules.
    const binh = ok.json<UserDto>();
    expect(
      (await officeA.post(`/api/users/${binh.id}/grants`, { role: 'dx_office', unitId: a.provinceId }))
        .statusCode,
    ).toBe(403);
    expect(
      (await officeA.post(`/api/users/${binh.id}/grants`, { role: 'viewer', unitId: b.provinceId }))
        .statusCode,
    ).toBe(404);
    const viewer = await officeA.post(`/api/users/${binh.id}/grants`, {
      role: 'viewer',
      unitId: a.provinceId,
    });
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(
      viewer
        .json<UserDto>()
        .grants.map((grant) => grant.role)
        .sort(),
    ).toEqual(['unit_officer', 'viewer']);
    const again = await officeA.post(`/api/users/${binh.id}/grants`, {
      role: 'viewer',
      unitId: a.provinceId,
    });
    expect(again.statusCode).toBe(409);
  });

  it("keeps another province's users out of sight: 404 on read and absent from the list", async () => {
    const ofB = await createUser(
      ctx.database.db,
      [{ role: 'unit_officer', unitId: b.communeA }],
      'canbo.tinhb',
    );
    const ofBoth = await createUser(
      ctx.database.db,
      [
        { role: 'unit_officer', unitId: a.communeA },
        { role: 'unit_officer', unitId: b.communeB },
      ],
      'canbo.haitinh',
    );
    for (const id of [ofB.id, ofBoth.id]) {
      const response = await officeA.get(`/api/users/${id}`);
      expect(response.statusCode, id).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await officeA.patch(`/api/users/${id}`, { fullName: 'Đổi Tên' })).statusCode).toBe(404);
    }
    const list = await officeA.get('/api/users?limit=200');
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ items: UserDto[]; total: number }>();
    const names = listed.items.map((user) => user.username);
    expect(names).toContain('canbo.an');
    expect(names).toContain('canbo.binh');
    expect(names).not.toContain('canbo.tinhb');
    expect(names).not.toContain('canbo.haitinh');
    expect(listed.total).toBe(listed.items.length);
    // Every user listed can be opened.
    for (const user of listed.items)
      expect((await officeA.get(`/api/users/${user.id}`)).statusCode, user.username).toBe(200);

    const search = await officeA.get('/api/users?q=TRAN%20THI');
    expect(search.json<{ items: UserDto[] }>().items.map((user) => user.username)).toEqual(['canbo.binh']);
    const all = (await admin.get('/api/users?limit=200'))
      .json<{ items: UserDto[] }>()
      .items.map((user) => user.username);
    expect(all).toEqual(expect.arrayContaining(['canbo.tinhb', 'canbo.haitinh', 'canbo.an']));
  });

  it('revokes a grant, audited with what it was', async () => {
    const user = await createUser(
      ctx.database.db,
      [
        { role: 'unit_officer', unitId: a.communeA },
        { role: 'viewer', unitId: a.provinceId },
      ],
      'canbo.thuhoi',
    );
    const grant = user.grants.find((g) => g.role === 'viewer')!;
    const response = await officeA.delete(`/api/users/${user.id}/grants/${grant.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const after = (await officeA.get(`/api/users/${user.id}`)).json<UserDto>();
    expect(after.grants.map((g) => g.role)).toEqual(['unit_officer']);
    expect(await ctx.database.db.select().from(roleGrants).where(eq(roleGrants.id, grant.id))).toHaveLength(
      0,
    );
    expect((await auditOf(grant.id)).at(-1)).toMatchObject({
      action: 'grant.delete',
      actorUserId: officeAId,
      unitId: a.provinceId,
      before: { userId: user.id, role: 'viewer', unitId: a.provinceId },
      after: null,
    });
    // Gone, or given with another user's id: not found.
    expect((await officeA.delete(`/api/users/${user.id}/grants/${grant.id}`)).statusCode).toBe(404);
    const other = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId: a.communeB }]);
    expect((await officeA.delete(`/api/users/${other.id}/grants/${user.grants[0]!.id}`)).statusCode).toBe(
      404,
    );
  });

  it('deactivating a user closes their sessions and stops them signing in; it is audited with before and after', async () => {
    const user = await createUser(
      ctx.database.db,
      [{ role: 'unit_officer', unitId: a.communeA }],
      'canbo.nghi',
    );
    const session = await logIn(ctx.app, user.username);
    const response = await officeA.patch(`/api/users/${user.id}`, { isActive: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UserDto>().isActive).toBe(false);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await auditOf(user.id)).at(-1)).toMatchObject({
      action: 'user.update',
      before: { isActive: true },
      after: { isActive: false },
    });

    expect((await officeA.patch(`/api/users/${user.id}`, { isActive: true })).statusCode).toBe(200);
    expect((await logIn(ctx.app, user.username)).csrfToken).toBeTruthy();
  });

  it('resets a password for a user and closes their sessions', async () => {
    const user = await createUser(
      ctx.database.db,
      [{ role: 'unit_officer', unitId: a.communeA }],
      'canbo.quen',
    );
    const session = await logIn(ctx.app, user.username);
    const response = await officeA.patch(`/api/users/${user.id}`, { password: 'mat-khau-dat-lai-1' });
    expect(response.statusCode, response.body).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await logIn(ctx.app, user.username, 'mat-khau-dat-lai-1')).csrfToken).toBeTruthy();
    const update = (await auditOf(user.id)).find((entry) => entry.action === 'user.update');
    expect(update?.summary).toMatch(/đặt lại mật khẩu/);
    expect(JSON.stringify(update)).not.toContain('mat-khau-dat-lai-1');
  });

  it('refuses self-deactivation', async () => {
    const response = await admin.get('/api/auth/me');
    const me = response.json<{ user: { id: string } }>().user;
    const self = await admin.patch(`/api/users/${me.id}`, { isActive: false });
    expect(self.statusCode).toBe(400);
    expect(self.json<ErrorBody>().details).toMatchObject([{ field: 'isActive' }]);
  });

  it('keeps user management from officers (404) and tells the UI so', async () => {
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: a.communeA }])
    ).session;
    expect((await officer.get('/api/users')).statusCode).toBe(404);
    const me = (await officer.get('/api/auth/me')).json<{ canManageUsers: boolean; canViewAudit: boolean }>();
    expect(me).toMatchObject({ canManageUsers: false, canViewAudit: false });
    const officeMe = (await officeA.get('/api/auth/me')).json<{
      canManageUsers: boolean;
      canViewAudit: boolean;
    }>();
    expect(officeMe).toMatchObject({ canManageUsers: true, canViewAudit: true });
  });
});
