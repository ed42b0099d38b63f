/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const scoringVi = {
  'scoring.placeholder': '',
} as const;

export const scoringEn: Record<keyof typeof scoringVi, string> = {
  'scoring.placeholder': '',
};
