/** Who performs a write, carried into the audit log. Domain functions never see the HTTP request. */
export interface Actor {
  userId: string | null;
  /** Username, or "cli" / "system" for writes without a logged-in user. */
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };
export const CLI_ACTOR: Actor = { userId: null, label: 'cli' };
