import { type Action, DASHBOARD_ROLES, type Role } from '../../shared/roles';

/** Which roles may take each action; a role applies on the unit it is granted on and that unit's subtree. */
export const ROLES_BY_ACTION: Record<Action, readonly Role[]> = {
  'unit.view': ['system_admin', 'dx_office', 'reviewer', 'unit_head', 'unit_officer', 'viewer'],
  'unit.update': ['system_admin', 'dx_office', 'unit_head'],
  'unit.import': ['system_admin', 'dx_office'],
  'user.manage': ['system_admin', 'dx_office'],
  'audit.view': ['system_admin', 'dx_office'],
  'activity.record': ['system_admin', 'dx_office', 'unit_head', 'unit_officer'],
  'activity.review': ['system_admin', 'dx_office', 'reviewer'],
  'activity.restore': ['system_admin'],
  'schedule.issue': ['system_admin', 'dx_office', 'unit_head'],
  'library.publish': ['system_admin', 'dx_office'],
  'settings.manage': ['system_admin', 'dx_office'],
  'framework.manage': ['system_admin', 'dx_office'],
  'assessment.prepare': ['system_admin', 'dx_office', 'unit_head', 'unit_officer'],
  'assessment.submit': ['system_admin', 'unit_head'],
  'assessment.appraise': ['system_admin', 'dx_office', 'reviewer'],
  'assessment.publish': ['system_admin', 'dx_office'],
  'dashboard.view': DASHBOARD_ROLES,
  'report.define': ['system_admin', 'dx_office'],
  'report.prepare': ['system_admin', 'dx_office', 'unit_head', 'unit_officer'],
  'report.submit': ['system_admin', 'unit_head'],
  'reminder.urge': ['system_admin', 'dx_office'],
  // A station token records broadcasts in the unit's name with no person behind each one: the unit's
  // head or the province office hands it out, not every officer who records by hand.
  'radio_station.manage': ['system_admin', 'dx_office', 'unit_head'],
  // Jobs belong to the installation, not to a unit: only an administrator granted on no unit holds them.
  'jobs.view': ['system_admin'],
  'jobs.retry': ['system_admin'],
  'monitor.check': ['system_admin', 'dx_office', 'unit_head', 'unit_officer'],
  'monitor.manage': ['system_admin', 'dx_office'],
};

/** Roles a manager may hand out: only a system admin creates other admins and DX offices. */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  system_admin: ['system_admin', 'dx_office', 'reviewer', 'unit_head', 'unit_officer', 'viewer'],
  dx_office: ['reviewer', 'unit_head', 'unit_officer', 'viewer'],
  reviewer: [],
  unit_head: [],
  unit_officer: [],
  viewer: [],
};
