import type { Me } from '../../api/types';

/**
 * The roles that hand out station tokens (radio_station.manage): the menu shows the page to them; the
 * server still checks each unit and tells the page whether the user manages its stations.
 */
export function canManageRadio(me: Me | null | undefined): boolean {
  return (me?.grants ?? []).some((grant) => ['system_admin', 'dx_office', 'unit_head'].includes(grant.role));
}
