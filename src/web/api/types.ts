import type { z } from 'zod';
import type {
  createUserBody,
  grantInput,
  MeDto,
  UserDto,
  updateUserBody,
  userListQuery,
} from '../../shared/api/accounts';
import type { AuditEntryDto, auditQuery } from '../../shared/api/audit';
import type {
  LineageDto,
  SubtreeRowDto,
  UnitDetailDto,
  UnitDto,
  UnitHistoryDto,
} from '../../shared/api/units';

/** What a DTO looks like after JSON: instants arrive as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
    ? Array<Json<Item>>
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

export type Me = Json<MeDto>;
export type Grant = Me['grants'][number];
export type User = Json<UserDto>;
export type Unit = Json<UnitDto>;
export type UnitDetail = Json<UnitDetailDto>;
export type SubtreeRow = Json<SubtreeRowDto>;
export type UnitHistory = Json<UnitHistoryDto>;
export type UnitEvent = UnitHistory['events'][number];
export type Lineage = Json<LineageDto>;
export type AuditEntry = Json<AuditEntryDto>;

export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type GrantInput = z.input<typeof grantInput>;
/** Query parameters of the audit log, limit and offset included. */
export type AuditFilter = z.infer<typeof auditQuery>;
export type UserListFilter = z.infer<typeof userListQuery>;

export interface ItemList<T> {
  items: T[];
}

export interface Page<T> extends ItemList<T> {
  total: number;
}
