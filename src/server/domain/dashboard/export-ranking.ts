import type { RankingQuery, RankingRowDto } from '../../../shared/api/scoring';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { XLSX_TYPE } from '../../reports/file-name';
import { buildTableWorkbook, type WorkbookColumn } from '../../reports/table-workbook';
import type { ExportedFile } from '../schedules/export-schedule';
import { computeRanking } from '../scoring/compute-ranking';
import { safeFileName } from './export-scoreboard';

const MOVES = { up: 'Tăng', down: 'Giảm', same: 'Không đổi' } as const;

/**
 * The ranking as an XLSX table, every league one after another: the rank, the score ranked on and
 * where it comes from, then the official and the live score in separate, labelled columns (the live
 * one empty in a ranking of published results only), and the previous period beside.
 */
export async function exportRanking(
  q: Queryable,
  principal: Principal,
  query: RankingQuery,
  today: string,
): Promise<ExportedFile> {
  const ranking = await computeRanking(q, principal, query, today);
  type Row = RankingRowDto & { league: string };
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'Hạng', width: 7, kind: 'number', value: (row) => row.rank },
    { header: 'Nhóm xếp hạng', width: 26, value: (row) => row.league },
    { header: 'Đơn vị', width: 30, value: (row) => row.name },
    { header: 'Mã', width: 10, value: (row) => row.code },
    { header: 'Tỷ lệ xếp hạng (%)', width: 12, kind: 'number', value: (row) => row.percent },
    {
      header: 'Điểm dùng để xếp hạng',
      width: 16,
      value: (row) => (row.source === 'published' ? 'Chính thức' : 'Tự động (trực tiếp)'),
    },
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
    {
      header: 'Điểm tự động (trực tiếp)',
      width: 14,
      kind: 'number',
      value: (row) => row.live?.score ?? null,
    },
    { header: 'Tỷ lệ tự động (%)', width: 12, kind: 'number', value: (row) => row.live?.percent ?? null },
    { header: 'Điểm tối đa', width: 10, kind: 'number', value: (row) => row.max },
    { header: 'Hạng kỳ trước', width: 10, kind: 'number', value: (row) => row.previous?.rank ?? null },
    {
      header: 'Tỷ lệ kỳ trước (%)',
      width: 12,
      kind: 'number',
      value: (row) => row.previous?.percent ?? null,
    },
    {
      header: 'Thay đổi',
      width: 14,
      value: (row) =>
        row.movement
          ? row.movement.direction === 'same'
            ? MOVES.same
            : `${MOVES[row.movement.direction]} ${row.movement.places} bậc`
          : null,
    },
  ];
  const rows = ranking.groups.flatMap((group) => group.rows.map((row) => ({ ...row, league: group.label })));
  const rootName = ranking.root?.name ?? 'Cả nước';
  const content = await buildTableWorkbook<Row>({
    table: { name: 'Xếp hạng', columns, rows },
    info: [
      {
        name: 'Thông tin',
        rows: [
          ['Bộ chỉ số', `${ranking.framework.name} (phiên bản ${ranking.framework.version})`],
          ['Căn cứ', ranking.framework.legalBasis],
          ['Phạm vi', rootName],
          ['Kỳ', ranking.period.label],
          ['Kỳ trước', ranking.previousPeriod?.label ?? ''],
          [
            'Cách xếp hạng',
            'Xếp theo điểm thẩm định đã công bố (chính thức) nếu có, nếu chưa thì theo điểm tự động; các đơn vị bằng điểm đồng hạng.',
          ],
          ...(ranking.scope === 'published_only'
            ? ([
                ['Phạm vi dữ liệu', 'Chỉ kết quả đã công bố, không có điểm trực tiếp của đơn vị khác.'],
              ] as Array<[string, string]>)
            : []),
        ],
      },
    ],
  });
  return {
    fileName: safeFileName(`Xếp hạng ${rootName} ${ranking.period.key}.xlsx`),
    contentType: XLSX_TYPE,
    content,
  };
}
