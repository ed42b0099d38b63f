import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../password-rule';
import { ROLES } from '../roles';

export const loginBody = z.object({
  username: z.string().min(1, 'Nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Nhập mật khẩu.').max(200),
});

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  unitCode: z.string().nullable(),
});

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), fullName: z.string() }),
  grants: z.array(grantSchema),
  csrfToken: z.string(),
  /** Menus the UI may show; the server still checks every request. */
  canManageUsers: z.boolean(),
  canViewAudit: z.boolean(),
  /** The background jobs page (an administrator over the whole installation). */
  canViewJobs: z.boolean(),
  /** Roles this user may hand out when managing accounts. */
  grantableRoles: z.array(z.enum(ROLES)),
  /** Units of the user's grants where they may record activities, and issue broadcast schedules. */
  recordUnitIds: z.array(z.uuid()),
  issueUnitIds: z.array(z.uuid()),
});
export type MeDto = z.infer<typeof meSchema>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại.').max(200),
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
    .max(200),
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  grants: z.array(grantSchema),
});
export type UserDto = z.infer<typeof userSchema>;

export const grantInput = z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable() });

export const createUserBody = z.object({
  username: z.string().min(3, 'Ít nhất 3 ký tự.').max(50),
  fullName: z.string().min(1, 'Nhập họ và tên.').max(200),
  email: z.email('Email không hợp lệ.').nullable().optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
    .max(200),
  grants: z.array(grantInput).max(50).optional(),
});

export const updateUserBody = z.object({
  fullName: z.string().min(1).max(200).optional(),
  email: z.email('Email không hợp lệ.').nullable().optional(),
  isActive: z.boolean().optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
    .max(200)
    .optional(),
  unlock: z.boolean().optional(),
});

export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
