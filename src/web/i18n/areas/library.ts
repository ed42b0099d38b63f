/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const libraryVi = {
  'library.placeholder': '',
} as const;

export const libraryEn: Record<keyof typeof libraryVi, string> = {
  'library.placeholder': '',
};
