/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const scheduleEditVi = {
  'scheduleEdit.placeholder': '',
} as const;

export const scheduleEditEn: Record<keyof typeof scheduleEditVi, string> = {
  'scheduleEdit.placeholder': '',
};
