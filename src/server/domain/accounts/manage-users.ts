import type { Role } from '../../../shared/roles';
import { normalizeText } from '../../../shared/text';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getUnitRow } from '../../db/repositories/units';
import {
  deleteGrant,
  deleteSessionsOfUser,
  findGrantsOfUsers,
  type GrantView,
  getGrant,
  getUserById,
  getUserByUsername,
  insertGrant,
  insertUser,
  searchUsers,
  type UserRow,
  updateUser,
} from '../../db/repositories/users';
import { AppError, notFound, validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertPasswordAcceptable, hashPassword } from './passwords';
import { assertManagesUser, assertMayGrant, loadManagerScope } from './user-policy';

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  isActive: boolean;
  isLocked: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  grants: GrantView[];
}

/** The fields of a user that leave the server; the password hash never does. */
export function presentUser(user: UserRow, grants: GrantView[]): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    isActive: user.isActive,
    isLocked: user.lockedUntil !== null && user.lockedUntil > new Date(),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    grants,
  };
}

/** What the audit log keeps of a user: no hash, no counters. */
function auditedUser(user: UserRow) {
  return { username: user.username, fullName: user.fullName, email: user.email, isActive: user.isActive };
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export interface NewUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  grants?: Array<{ role: Role; unitId: string | null }>;
}

/** Creates an account with its first grants; used by the admin pages, the CLI and the demo seed. */
export async function createUserUnchecked(
  q: Queryable,
  actor: Actor,
  input: NewUserInput,
): Promise<UserView> {
  const username = input.username.normalize('NFC').trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw validationError(
      'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang; 3–50 ký tự.',
      [{ field: 'username', message: 'Chỉ gồm a-z, 0-9, ".", "-", "_"; 3–50 ký tự.' }],
    );
  }
  assertPasswordAcceptable(input.password, 'password', username);
  if (await getUserByUsername(q, username)) {
    throw new AppError('CONFLICT', `Tên đăng nhập "${username}" đã được dùng.`, [
      { field: 'username', message: 'Đã được dùng.' },
    ]);
  }
  const fullName = normalizeText(input.fullName);
  if (!fullName) throw validationError('Thiếu họ và tên.', [{ field: 'fullName', message: 'Bắt buộc.' }]);
  const user = await insertUser(q, {
    username,
    fullName,
    email: input.email ? normalizeText(input.email) : null,
    passwordHash: await hashPassword(input.password),
  });
  await insertAuditEntries(q, actor, [
    {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      // Filed under the unit of the first grant, so the DX office managing that unit reads it too.
      unitId: input.grants?.[0]?.unitId ?? null,
      summary: `Tạo tài khoản ${username}`,
      after: auditedUser(user),
    },
  ]);
  for (const [index, grant] of (input.grants ?? []).entries()) {
    await addGrant(q, actor, user.id, grant.role, grant.unitId, `grants.${index}`);
  }
  const grants = (await findGrantsOfUsers(q, [user.id])).get(user.id) ?? [];
  return presentUser(user, grants);
}

async function addGrant(
  q: Queryable,
  actor: Actor,
  userId: string,
  role: Role,
  unitId: string | null,
  field: string,
) {
  if (role !== 'system_admin' && unitId === null) {
    throw validationError('Vai trò này phải gắn với một đơn vị.', [
      { field: `${field}.unitId`, message: 'Bắt buộc.' },
    ]);
  }
  if (unitId !== null && !(await getUnitRow(q, unitId)))
    throw notFound('Không tìm thấy đơn vị được cấp quyền.');
  const existing = (await findGrantsOfUsers(q, [userId])).get(userId) ?? [];
  if (existing.some((grant) => grant.role === role && grant.unitId === unitId)) {
    throw new AppError('CONFLICT', 'Người dùng đã có vai trò này trên đơn vị này.', [
      { field, message: 'Trùng.' },
    ]);
  }
  const grant = await insertGrant(q, { userId, role, unitId, createdBy: actor.userId });
  await insertAuditEntries(q, actor, [
    {
      action: 'grant.create',
      entityType: 'role_grant',
      entityId: grant.id,
      unitId,
      summary: `Cấp vai trò ${role}`,
      after: { userId, role, unitId },
    },
  ]);
  return grant;
}

export async function createUser(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  input: NewUserInput;
}) {
  const { db, principal, actor, input } = options;
  const scope = await loadManagerScope(db, principal);
  const grants = input.grants ?? [];
  if (scope.unitIds !== null && grants.length === 0) {
    throw validationError('Cần cấp ít nhất một vai trò trên đơn vị bạn quản lý.', [
      { field: 'grants', message: 'Bắt buộc.' },
    ]);
  }
  grants.forEach((grant, index) => {
    assertMayGrant(scope, grant.role, grant.unitId, `grants.${index}.role`);
  });
  return db.transaction((tx) => createUserUnchecked(tx, actor, input));
}

export async function getUser(options: { db: Db; principal: Principal; userId: string }): Promise<UserView> {
  const { db, principal, userId } = options;
  const scope = await loadManagerScope(db, principal);
  const user = await getUserById(db, userId);
  if (!user) throw notFound();
  await assertManagesUser(db, principal, scope, userId);
  return presentUser(user, (await findGrantsOfUsers(db, [userId])).get(userId) ?? []);
}

export async function findUsers(options: {
  db: Db;
  principal: Principal;
  text?: string;
  limit: number;
  offset: number;
}) {
  const { db, principal } = options;
  const scope = await loadManagerScope(db, principal);
  const { ids, total } = await searchUsers(db, {
    text: options.text,
    unitIds: scope.unitIds,
    roles: [...scope.grantableRoles],
    limit: options.limit,
    offset: options.offset,
  });
  const grants = await findGrantsOfUsers(db, ids);
  const items: UserView[] = [];
  for (const id of ids) {
    const user = await getUserById(db, id);
    if (user) items.push(presentUser(user, grants.get(id) ?? []));
  }
  return { items, total };
}

export interface UserUpdate {
  fullName?: string;
  email?: string | null;
  isActive?: boolean;
  /** A new password set by the manager (a reset); the user's sessions are closed. */
  password?: string;
  unlock?: boolean;
}

export async function updateUserAccount(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  userId: string;
  update: UserUpdate;
}) {
  const { db, principal, actor, userId, update } = options;
  const scope = await loadManagerScope(db, principal);
  const user = await getUserById(db, userId);
  if (!user) throw notFound();
  await assertManagesUser(db, principal, scope, userId);
  if (update.isActive === false && userId === actor.userId) {
    throw validationError('Không thể tự khóa tài khoản của chính mình.', [
      { field: 'isActive', message: 'Không hợp lệ.' },
    ]);
  }
  if (update.password !== undefined) assertPasswordAcceptable(update.password, 'password', user.username);
  return db.transaction(async (tx) => {
    const changed = await updateUser(tx, userId, {
      ...(update.fullName !== undefined ? { fullName: normalizeText(update.fullName) } : {}),
      ...(update.email !== undefined ? { email: update.email ? normalizeText(update.email) : null } : {}),
      ...(update.isActive !== undefined ? { isActive: update.isActive } : {}),
      ...(update.password !== undefined
        ? { passwordHash: await hashPassword(update.password), passwordChangedAt: new Date() }
        : {}),
      ...(update.unlock ? { lockedUntil: null, failedLoginCount: 0 } : {}),
    });
    if (update.password !== undefined || update.isActive === false) await deleteSessionsOfUser(tx, userId);
    const parts = [
      update.password !== undefined ? 'đặt lại mật khẩu' : null,
      update.unlock ? 'mở khóa' : null,
      update.isActive === false ? 'vô hiệu hóa' : update.isActive === true ? 'kích hoạt' : null,
    ].filter(Boolean);
    await insertAuditEntries(tx, actor, [
      {
        action: 'user.update',
        entityType: 'user',
        entityId: userId,
        unitId:
          (await findGrantsOfUsers(tx, [userId])).get(userId)?.find((grant) => grant.unitId)?.unitId ?? null,
        summary: `Cập nhật tài khoản ${user.username}${parts.length ? ` (${parts.join(', ')})` : ''}`,
        before: auditedUser(user),
        after: auditedUser(changed!),
      },
    ]);
    return presentUser(changed!, (await findGrantsOfUsers(tx, [userId])).get(userId) ?? []);
  });
}

export async function grantRole(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  userId: string;
  role: Role;
  unitId: string | null;
}) {
  const { db, principal, actor, userId, role, unitId } = options;
  const scope = await loadManagerScope(db, principal);
  if (!(await getUserById(db, userId))) throw notFound();
  await assertManagesUserOrNew(db, principal, scope, userId);
  assertMayGrant(scope, role, unitId, 'role');
  return db.transaction(async (tx) => {
    const grant = await addGrant(tx, actor, userId, role, unitId, 'role');
    await endSessionsOnPrivilegeChange(tx, actor, userId);
    return grant;
  });
}

/**
 * A change of a user's roles ends their sessions: they sign in again and get a new session id, so a
 * session id obtained before (planted, or copied from a shared computer) never carries the new
 * rights, and a revoked role leaves no session opened under it. Someone changing their own roles keeps
 * their sessions: they act from one of them, and the change is theirs.
 */
async function endSessionsOnPrivilegeChange(q: Queryable, actor: Actor, userId: string) {
  if (userId !== actor.userId) await deleteSessionsOfUser(q, userId);
}

/** A user with no grant yet may be given a first one by any manager (system admins create such users). */
async function assertManagesUserOrNew(
  db: Db,
  principal: Principal,
  scope: Awaited<ReturnType<typeof loadManagerScope>>,
  userId: string,
) {
  const grants = (await findGrantsOfUsers(db, [userId])).get(userId) ?? [];
  if (grants.length === 0 && scope.unitIds === null) return;
  await assertManagesUser(db, principal, scope, userId);
}

export async function revokeGrant(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  userId: string;
  grantId: string;
}) {
  const { db, principal, actor, userId, grantId } = options;
  const scope = await loadManagerScope(db, principal);
  const grant = await getGrant(db, grantId);
  if (!grant || grant.userId !== userId) throw notFound();
  await assertManagesUser(db, principal, scope, userId);
  if (userId === actor.userId && grant.role === 'system_admin') {
    throw validationError('Không thể tự thu hồi quyền quản trị hệ thống của chính mình.', [
      { field: 'grantId', message: 'Không hợp lệ.' },
    ]);
  }
  await db.transaction(async (tx) => {
    await deleteGrant(tx, grantId);
    await endSessionsOnPrivilegeChange(tx, actor, userId);
    await insertAuditEntries(tx, actor, [
      {
        action: 'grant.delete',
        entityType: 'role_grant',
        entityId: grantId,
        unitId: grant.unitId,
        summary: `Thu hồi vai trò ${grant.role}`,
        before: { userId, role: grant.role, unitId: grant.unitId },
      },
    ]);
  });
}
