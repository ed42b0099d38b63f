/** Link to a unit's page, keeping the day the user is looking at. */
export function unitPath(unitId: string, date: string | undefined): string {
  return date ? `/units/${unitId}?date=${date}` : `/units/${unitId}`;
}
