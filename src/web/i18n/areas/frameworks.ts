/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const frameworksVi = {
  'frameworks.placeholder': '',
} as const;

export const frameworksEn: Record<keyof typeof frameworksVi, string> = {
  'frameworks.placeholder': '',
};
