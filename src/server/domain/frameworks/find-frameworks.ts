import type { FrameworkListDto } from '../../../shared/api/frameworks';
import type { Queryable } from '../../db/client';
import { findAllFrameworks } from '../../db/repositories/frameworks';
import type { Principal } from '../../policies/principal';
import { canManageFrameworks } from './can-manage-frameworks';
import { presentFrameworkVersion } from './present-framework';

/**
 * Every stored version of every framework, by code and newest validity first; readable by anyone
 * signed in, since any unit may be scored on any framework.
 */
export async function findFrameworks(options: {
  db: Queryable;
  principal: Principal;
}): Promise<FrameworkListDto> {
  const rows = await findAllFrameworks(options.db);
  return { items: rows.map(presentFrameworkVersion), canManage: canManageFrameworks(options.principal) };
}
