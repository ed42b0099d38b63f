import { foldForSearch } from '../../../shared/text';

/**
 * Whether a radio programme is the unit's DX programme ("Chuyên mục Chuyển đổi số"): its name says so.
 * Every item of that programme counts as DX; on another programme (a general bulletin) an item counts
 * when it carries a topic, since every topic of the list is a D11 topic of DX communication.
 */
export function isDxProgramme(channel: { kind: string; name: string }): boolean {
  if (channel.kind !== 'radio_programme') return false;
  const name = ` ${foldForSearch(channel.name).replace(/[^a-z0-9]+/g, ' ')} `;
  return name.includes(' chuyen doi so ') || name.includes(' cds ');
}

export function isDxEntry(entry: { topic: string | null }, programmeIsDx: boolean): boolean {
  return programmeIsDx || entry.topic !== null;
}
