import type { HomeBlockDto, HomeCountsDto, HomeDto, HomeQuery } from '../../../shared/api/home';
import type { Db } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { UnitGraph } from '../units/unit-graph';
import { buildHeadBlock } from './head-block';
import { grantUnits } from './home-context';
import { buildOfficeBlock } from './office-block';
import { buildOfficerBlock, findDueItems, findReturned } from './officer-block';
import { buildReviewerBlock } from './reviewer-block';

/**
 * The roles behind each block, and the units each applies to: an officer's block for every unit a
 * user is unit officer or unit head of (heads answer for what is due too), a head's for every unit
 * head grant, a reviewer's for every reviewer grant, an office's for every DX office grant. A system
 * admin granted on no unit gets the reviewer's queue and the office's view of the whole country.
 */
function homeScopes(principal: Principal, graph: UnitGraph) {
  const known = (ids: Array<string | null>) =>
    ids.filter((id) => id === null || graph.unit(id) !== undefined);
  const onUnits = (ids: Array<string | null>) => known(ids).filter((id): id is string => id !== null);
  return {
    officer: onUnits(grantUnits(principal, ['unit_officer', 'unit_head'])),
    head: onUnits(grantUnits(principal, ['unit_head'])),
    reviewer: known([...grantUnits(principal, ['reviewer']), ...grantUnits(principal, ['system_admin'])]),
    office: known([...grantUnits(principal, ['dx_office']), ...grantUnits(principal, ['system_admin'])]),
  };
}

/** The signed-in user's home: one block per role and unit, in the order officer, head, reviewer, office. */
export async function getHome(options: {
  db: Db;
  principal: Principal;
  query: HomeQuery;
  today: string;
}): Promise<HomeDto> {
  const { db, principal, today } = options;
  const lang = options.query.lang;
  const graph = await loadUnitGraph(db, principal.unitsRevision);
  const scopes = homeScopes(principal, graph);
  const blocks: HomeBlockDto[] = [];
  for (const unitId of scopes.officer)
    blocks.push(await buildOfficerBlock({ db, principal, graph, unitId, today, ...(lang ? { lang } : {}) }));
  for (const unitId of scopes.head) blocks.push(await buildHeadBlock({ db, graph, unitId, today }));
  for (const unitId of new Set(scopes.reviewer))
    blocks.push(await buildReviewerBlock({ db, graph, unitId, today }));
  for (const unitId of new Set(scopes.office))
    blocks.push(await buildOfficeBlock({ db, principal, graph, unitId, today, ...(lang ? { lang } : {}) }));
  return { today, blocks };
}

/**
 * The menu's badges, from the same functions as the blocks but without the scores (the officer's
 * gaps, the office's board): a few statements per grant.
 */
export async function countHome(options: {
  db: Db;
  principal: Principal;
  today: string;
}): Promise<HomeCountsDto> {
  const { db, principal, today } = options;
  const graph = await loadUnitGraph(db, principal.unitsRevision);
  const scopes = homeScopes(principal, graph);
  const counts: HomeCountsDto = { dueOverdue: 0, overdue: 0, waitingForMe: 0, reviewQueue: 0 };
  for (const unitId of scopes.officer) {
    const due = await findDueItems(db, graph, unitId, today);
    counts.dueOverdue += due.length;
    counts.overdue += due.filter((item) => item.isOverdue).length;
    counts.waitingForMe += (await findReturned(db, graph, unitId)).total;
  }
  for (const unitId of scopes.head) {
    const block = await buildHeadBlock({ db, graph, unitId, today });
    counts.waitingForMe += block.toIssue.total + block.toApprove.total + block.toSubmit.total;
  }
  for (const unitId of new Set(scopes.reviewer)) {
    const block = await buildReviewerBlock({ db, graph, unitId, today });
    counts.reviewQueue += block.records.total + block.assessments.total;
  }
  return counts;
}
