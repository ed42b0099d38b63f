// Set when a signed-in user's session ends under them (expired, closed elsewhere), so the login page
// can say why it appeared instead of looking like a random sign-out.
let sessionExpired = false;

export function markSessionExpired(): void {
  sessionExpired = true;
}

/** True once after the session expired; reading it clears it. */
export function consumeSessionExpired(): boolean {
  const value = sessionExpired;
  sessionExpired = false;
  return value;
}
