import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { findGrantsOfUsers, getUserByUsername } from '../../db/repositories/users';
import { createUserUnchecked, grantRole, revokeGrant } from '../../domain/accounts/manage-users';
import { CLI_ACTOR } from '../../domain/actor';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { type Command, type OptionValues, requiredOption, stringOption } from '../command';
import { UsageError, writeLine } from '../io';
import { readPassword } from '../read-password';
import { describeUnit, type ResolvedUnit, resolveUnit } from '../resolve-unit';

/**
 * The CLI acts with the authority of whoever runs it on the server, who can reach the database
 * anyway: a system administrator over everything. The id matches no account; audit entries name
 * the CLI through CLI_ACTOR.
 */
const CLI_PRINCIPAL: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cli',
  grants: [{ id: 'cli', role: 'system_admin', unitId: null }],
};

const ROLE_NOTES = ['Vai trò:', ...ROLES.map((role) => `  ${role.padEnd(14)}${ROLE_LABELS[role].vi}`)];

function parseRole(value: string, command: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(`Vai trò "${value}" không hợp lệ; dùng một trong: ${ROLES.join(', ')}.`, command);
  }
  return value as Role;
}

/** --role and --unit as a grant: every role but system_admin needs a unit. */
async function readGrant(
  q: Queryable,
  options: OptionValues,
  command: string,
): Promise<{ role: Role; unit: ResolvedUnit | null }> {
  const role = parseRole(requiredOption(options, 'role', command), command);
  const reference = stringOption(options, 'unit')?.trim();
  if (!reference && role !== 'system_admin')
    throw new UsageError(`Vai trò ${role} cần --unit <mã hoặc id đơn vị>.`, command);
  return { role, unit: reference ? await resolveUnit(q, reference) : null };
}

function describeGrant(role: Role, unit: ResolvedUnit | null): string {
  return `${role} (${ROLE_LABELS[role].vi}) trên ${unit ? describeUnit(unit) : 'toàn hệ thống'}`;
}

async function findUser(q: Queryable, username: string) {
  const user = await getUserByUsername(q, username.normalize('NFC').trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', `Không có tài khoản "${username}".`);
  return user;
}

const grantOptions = {
  username: { type: 'string', value: 'tên', description: 'Tên đăng nhập' },
  role: { type: 'string', value: 'vai-trò', description: 'Vai trò (xem danh sách bên dưới)' },
  unit: {
    type: 'string',
    value: 'mã|id',
    description:
      'Đơn vị: mã chính thức (đơn vị hiện hành mang mã đó) hoặc id; system_admin bỏ trống = toàn hệ thống',
  },
} as const;

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Tạo tài khoản người dùng (có thể cấp vai trò ngay)',
  positionals: [],
  options: {
    username: {
      type: 'string',
      value: 'tên',
      description: 'Tên đăng nhập: a-z, 0-9, ".", "-", "_"; 3–50 ký tự',
    },
    'full-name': { type: 'string', value: 'họ tên', description: 'Họ và tên' },
    email: { type: 'string', value: 'email', description: 'Thư điện tử (không bắt buộc)' },
    password: {
      type: 'string',
      value: 'mật-khẩu',
      description: 'Mật khẩu; bỏ trống thì nhập không hiện ký tự (hoặc đọc dòng đầu của đầu vào chuẩn)',
    },
    role: {
      type: 'string',
      value: 'vai-trò',
      description: 'Cấp vai trò này ngay khi tạo (xem danh sách bên dưới)',
    },
    unit: grantOptions.unit,
  },
  notes: [
    ...ROLE_NOTES,
    '',
    'Ví dụ: npm run cli -- create-user --username admin2 --full-name "Nguyễn Văn A" --role system_admin',
  ],
  async prepare({ options, io }) {
    requiredOption(options, 'username', 'create-user');
    requiredOption(options, 'full-name', 'create-user');
    const role = stringOption(options, 'role');
    if (stringOption(options, 'unit') && !role)
      throw new UsageError('--unit cần đi cùng --role.', 'create-user');
    if (role) parseRole(role, 'create-user');
    if (role && role !== 'system_admin' && !stringOption(options, 'unit')) {
      throw new UsageError(`Vai trò ${role} cần --unit <mã hoặc id đơn vị>.`, 'create-user');
    }
    return stringOption(options, 'password') === undefined
      ? { password: await readPassword(io.stdin, io.stderr) }
      : {};
  },
  async run({ options, io, database }) {
    const username = requiredOption(options, 'username', 'create-user');
    const fullName = requiredOption(options, 'full-name', 'create-user');
    const grant = stringOption(options, 'role') ? await readGrant(database.db, options, 'create-user') : null;
    const password = stringOption(options, 'password')!;
    const user = await database.db.transaction((tx) =>
      createUserUnchecked(tx, CLI_ACTOR, {
        username,
        fullName,
        email: stringOption(options, 'email') ?? null,
        password,
        grants: grant ? [{ role: grant.role, unitId: grant.unit?.id ?? null }] : [],
      }),
    );
    writeLine(io.stdout, `Đã tạo tài khoản ${user.username} (${user.fullName}), id ${user.id}.`);
    if (grant) writeLine(io.stdout, `Đã cấp vai trò ${describeGrant(grant.role, grant.unit)}.`);
  },
};

export const grantCommand: Command = {
  name: 'grant',
  summary: 'Cấp vai trò cho người dùng trên một đơn vị (áp dụng cho cả cây đơn vị trực thuộc)',
  positionals: [],
  options: grantOptions,
  notes: [
    ...ROLE_NOTES,
    '',
    'Ví dụ: npm run cli -- grant --username canbo.dakrve --role unit_officer --unit 23479',
  ],
  async run({ options, io, database }) {
    const username = requiredOption(options, 'username', 'grant');
    const { role, unit } = await readGrant(database.db, options, 'grant');
    const user = await findUser(database.db, username);
    await grantRole({
      db: database.db,
      principal: CLI_PRINCIPAL,
      actor: CLI_ACTOR,
      userId: user.id,
      role,
      unitId: unit?.id ?? null,
    });
    writeLine(io.stdout, `Đã cấp cho ${user.username} vai trò ${describeGrant(role, unit)}.`);
  },
};

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'Thu hồi một vai trò của người dùng',
  positionals: [],
  options: grantOptions,
  notes: ROLE_NOTES,
  async run({ options, io, database }) {
    const username = requiredOption(options, 'username', 'revoke');
    const { role, unit } = await readGrant(database.db, options, 'revoke');
    const user = await findUser(database.db, username);
    const unitId = unit?.id ?? null;
    const grants = (await findGrantsOfUsers(database.db, [user.id])).get(user.id) ?? [];
    const grant = grants.find((candidate) => candidate.role === role && candidate.unitId === unitId);
    if (!grant)
      throw new AppError('NOT_FOUND', `${user.username} không có vai trò ${describeGrant(role, unit)}.`);
    await revokeGrant({
      db: database.db,
      principal: CLI_PRINCIPAL,
      actor: CLI_ACTOR,
      userId: user.id,
      grantId: grant.id,
    });
    writeLine(io.stdout, `Đã thu hồi của ${user.username} vai trò ${describeGrant(role, unit)}.`);
  },
};
