/** Cache keys shared by the hooks; each area's keys start with its name so it can be invalidated whole. */
export const ME_QUERY_KEY = ['me'] as const;
export const UNITS_KEY = 'units';
export const USERS_KEY = 'users';
export const AUDIT_KEY = 'audit';
export const ACTIVITIES_KEY = 'activities';
export const CHANNELS_KEY = 'channels';
export const SCHEDULES_KEY = 'schedules';
/** The role home and the menu's counts: any change a user makes may change them. */
export const HOME_KEY = 'home';
export const JOBS_KEY = 'jobs';
