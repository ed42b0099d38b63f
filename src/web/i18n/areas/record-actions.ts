/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const recordActionsVi = {
  'recordActions.placeholder': '',
} as const;

export const recordActionsEn: Record<keyof typeof recordActionsVi, string> = {
  'recordActions.placeholder': '',
};
