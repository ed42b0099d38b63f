import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportSlots } from '../src/server/plugins/import-slots';
import { TABLE_LIMITS } from '../src/server/spreadsheets/limits';
import { readTable, readTypedTable } from '../src/server/spreadsheets/read-table';
import { manyRows, xlsxWithSheet } from './support/zip-bombs';

async function refusal(read: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await read;
  } catch (error) {
    const { status, message } = error as { status: number; message: string };
    return { status, message };
  }
  throw new Error('The file was accepted');
}

describe('spreadsheet limits', () => {
  it('stops an XLSX at the first row past the limit, saying the limit', async () => {
    const file = await xlsxWithSheet(manyRows(TABLE_LIMITS.maxRows + 10));
    const answer = await refusal(readTypedTable('nhieu.xlsx', file));
    expect(answer.status).toBe(400);
    expect(answer.message).toContain('100.000 dòng');
  });

  it('reads a file of exactly the limit', async () => {
    const table = await readTypedTable('du.xlsx', await xlsxWithSheet(manyRows(TABLE_LIMITS.maxRows)));
    expect(table.rows).toHaveLength(TABLE_LIMITS.maxRows);
  });

  it('refuses a cell longer than the limit and names its row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tin bài');
    sheet.addRow(['Tiêu đề', 'Đường dẫn']);
    sheet.addRow(['Tin', 'x'.repeat(TABLE_LIMITS.maxCellChars + 1)]);
    const answer = await refusal(readTypedTable('dai.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(answer).toEqual({ status: 400, message: expect.stringContaining('Dòng 2, cột 2') });
  });

  it('refuses NUL in a CSV cell and a CSV of too many rows, and skips blank lines without keeping them', async () => {
    expect(
      (await refusal(Promise.resolve().then(() => readTable('a.csv', Buffer.from('Tiêu đề\na\u0000b\n')))))
        .message,
    ).toContain('NUL');
    const rows = `Tiêu đề\n${'Tin\n'.repeat(TABLE_LIMITS.maxRows + 1)}`;
    expect((await refusal(Promise.resolve().then(() => readTable('a.csv', Buffer.from(rows))))).status).toBe(
      400,
    );
    const blank = `Tiêu đề\n${'\n'.repeat(50_000)}Tin\n`;
    expect((await readTable('a.csv', Buffer.from(blank))).rows).toEqual([
      { rowNumber: 50_002, cells: ['Tin'] },
    ]);
  });

  it('refuses a row wider than the limit', async () => {
    const row = `<row r="1">${Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, (_, i) => `<c r="${columnName(i + 1)}1"><v>${i}</v></c>`).join('')}</row>`;
    const answer = await refusal(readTypedTable('rong.xlsx', await xlsxWithSheet(() => [row])));
    expect(answer.message).toContain(`hơn ${TABLE_LIMITS.maxColumns} cột`);
  });
});

function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

describe('import slots', () => {
  it('lets a user run one import at a time and the server two, and frees a slot when an import fails', async () => {
    const slots = new ImportSlots({ perUser: 1, total: 2 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = slots.run('a', () => held);
    await expect(slots.run('a', async () => 1)).rejects.toMatchObject({ status: 429, message: /chưa xong/ });
    const second = slots.run('b', () => held);
    await expect(slots.run('c', async () => 1)).rejects.toMatchObject({
      status: 429,
      message: /quá nhiều lượt nhập/,
    });
    release();
    await Promise.all([first, second]);
    await expect(slots.run('a', async () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    await expect(slots.run('a', async () => 2)).resolves.toBe(2);
  });
});
