/** Placeholder until the section is written: the evidence of one record, with linking. */
export function RecordEvidenceSection(_props: { activityId: string; canLink: boolean }) {
  return null;
}
