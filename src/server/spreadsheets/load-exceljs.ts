import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, imported on the first spreadsheet a process reads or writes rather than when it starts:
 * loading it takes about a third of a second of CPU (7 December), which every web, worker and test
 * server paid at each start, most of them never touching a spreadsheet.
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
