export const ROLES = [
  'system_admin',
  'dx_office',
  'reviewer',
  'unit_head',
  'unit_officer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System admin' },
  dx_office: { vi: 'Cơ quan chuyển đổi số (tỉnh)', en: 'DX office (province)' },
  reviewer: { vi: 'Thẩm định', en: 'Reviewer' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Unit head' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  viewer: { vi: 'Xem', en: 'Viewer' },
};

/** Actions checked by the policies; the server tells the UI which of them a user may take. */
export const ACTIONS = [
  'unit.view',
  'unit.update',
  'unit.import',
  'user.manage',
  'audit.view',
  /** Enter and edit the unit's channels, posts, broadcasts, press issues, banners and evidence. */
  'activity.record',
  /** Mark records as reviewed (accepted or rejected) and resolve suspected duplicates. */
  'activity.review',
  /** Bring back a deleted record. */
  'activity.restore',
  /** Issue a monthly broadcast schedule drafted by an officer. */
  'schedule.issue',
  /** Publish library materials to the subtree. */
  'library.publish',
  /** Edit the province's lists of topics and languages. */
  'settings.manage',
  /** Import scoring frameworks (bộ chỉ số). */
  'framework.manage',
  /** Fill a self-assessment: self scores, explanations, inputs and evidence per criterion. */
  'assessment.prepare',
  /** Submit the unit's self-assessment (the unit head). */
  'assessment.submit',
  /** Appraise or return an assessment of a unit below one's own (the reviewer of a higher unit). */
  'assessment.appraise',
  /** Publish appraised assessments, and supersede a published one with a new version. */
  'assessment.publish',
  /** Open the province dashboard of a unit's roll-up (completeness, scores, heat-map, trends). */
  'dashboard.view',
  /** Define the province's periodic report types (kinds, due dates, submitters) and move a period's due date. */
  'report.define',
  /** Open the unit's periodic report and write its parts II–IV. */
  'report.prepare',
  /** Approve, return and submit the unit's periodic report (the unit head). */
  'report.submit',
  /** Urge units ("Đôn đốc") and read the urging list: every reminder a unit was sent. */
  'reminder.urge',
  /** Create, rotate and revoke the tokens radio systems push as-run logs with, and upload as-run logs. */
  'radio_station.manage',
  /** See the background job queues, their failures and dead letters (the whole installation). */
  'jobs.view',
  /** Run a failed or dead-lettered background job again. */
  'jobs.retry',
  /** Check the unit's website now and decide the monitor's unsure items (DX post or not). */
  'monitor.check',
  /** Set the province's monitor settings and a site's listing overrides; export the decisions. */
  'monitor.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Roles that open the province dashboard (the action 'dashboard.view'; the menu shows it to them). */
export const DASHBOARD_ROLES: readonly Role[] = ['system_admin', 'dx_office', 'reviewer'];
