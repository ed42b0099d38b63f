/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const assessmentsVi = {
  'assessments.placeholder': '',
} as const;

export const assessmentsEn: Record<keyof typeof assessmentsVi, string> = {
  'assessments.placeholder': '',
};
