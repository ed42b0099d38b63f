import type { ScoreboardQuery, ScoreboardRowDto } from '../../../shared/api/scoring';
import { UNIT_KIND_LABELS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { XLSX_TYPE } from '../../reports/file-name';
import { buildTableWorkbook, type WorkbookColumn } from '../../reports/table-workbook';
import type { ExportedFile } from '../schedules/export-schedule';
import { computeScoreboard } from '../scoring/compute-scoreboard';

export const STATUS_LABELS = {
  green: 'Đạt',
  amber: 'Đạt một phần',
  red: 'Chưa đạt',
  grey: 'Chờ nhập số liệu',
} as const;

/** A file name without characters a file system refuses. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
}

/**
 * The scoreboard as an XLSX table: one row per unit, the official score (published appraisal) and
 * the live automatic score in separate, labelled columns, then each criterion's live and official
 * score. The same rows as the board on screen (the scoreboard's own domain function).
 */
export async function exportScoreboard(
  q: Queryable,
  principal: Principal,
  query: ScoreboardQuery,
  today: string,
): Promise<ExportedFile> {
  const board = await computeScoreboard(q, principal, query, today);
  type Row = ScoreboardRowDto & { index: number };
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'STT', width: 6, kind: 'number', value: (row) => row.index },
    { header: 'Đơn vị', width: 30, value: (row) => row.name },
    { header: 'Mã', width: 10, value: (row) => row.code },
    { header: 'Loại', width: 14, value: (row) => UNIT_KIND_LABELS[row.kind].vi },
    { header: 'Trực thuộc', width: 24, value: (row) => row.parentName },
    {
      header: 'Điểm chính thức (thẩm định đã công bố)',
      width: 16,
      kind: 'number',
      value: (row) => row.official?.score ?? null,
    },
    {
      header: 'Tỷ lệ chính thức (%)',
      width: 12,
      kind: 'number',
      value: (row) => row.official?.percent ?? null,
    },
    { header: 'Điểm tự động (trực tiếp)', width: 14, kind: 'number', value: (row) => row.score },
    { header: 'Tỷ lệ tự động (%)', width: 12, kind: 'number', value: (row) => row.percent },
    { header: 'Điểm tối đa', width: 10, kind: 'number', value: (row) => row.max },
    { header: 'Dự báo cuối kỳ (tự động)', width: 14, kind: 'number', value: (row) => row.projectedScore },
    { header: 'Trạng thái', width: 16, value: (row) => STATUS_LABELS[row.status] },
    ...board.criteria.flatMap((column): Array<WorkbookColumn<Row>> => {
      const cell = (row: Row) => row.criteria.find((criterion) => criterion.key === column.key);
      return [
        {
          header: `${column.code} tự động (tối đa ${column.max})`,
          width: 12,
          kind: 'number',
          value: (row) => cell(row)?.score ?? null,
        },
        {
          header: `${column.code} chính thức`,
          width: 12,
          kind: 'number',
          value: (row) => cell(row)?.official?.score ?? null,
        },
      ];
    }),
  ];
  const rootName = board.root?.name ?? 'Cả nước';
  const content = await buildTableWorkbook<Row>({
    table: { name: 'Bảng điểm', columns, rows: board.rows.map((row, i) => ({ ...row, index: i + 1 })) },
    info: [
      {
        name: 'Thông tin',
        rows: [
          ['Bộ chỉ số', `${board.framework.name} (phiên bản ${board.framework.version})`],
          ['Căn cứ', board.framework.legalBasis],
          ['Phạm vi', rootName],
          ['Kỳ', board.period.label],
          ['Tính đến ngày', board.period.through],
          [
            'Ghi chú',
            'Điểm chính thức là điểm thẩm định đã công bố; điểm tự động tính từ các bản ghi tại thời điểm xuất, còn thay đổi khi có bản ghi mới.',
          ],
          ...board.criteria.map((column): [string, string] => [`Tiêu chí ${column.code}`, column.title]),
        ],
      },
    ],
  });
  return {
    fileName: safeFileName(`Bảng điểm ${rootName} ${board.period.key}.xlsx`),
    contentType: XLSX_TYPE,
    content,
  };
}
