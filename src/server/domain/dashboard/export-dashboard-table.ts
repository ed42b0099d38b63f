import type {
  DashboardTable,
  ProvinceDashboardDto,
  ProvinceDashboardQuery,
} from '../../../shared/api/dashboard';
import { REPORT_KIND_LABELS, type ReportKind } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { XLSX_TYPE } from '../../reports/file-name';
import {
  buildTableWorkbook,
  dayCell,
  type TableSheet,
  type WorkbookColumn,
} from '../../reports/table-workbook';
import type { ExportedFile } from '../schedules/export-schedule';
import { STATUS_LABELS, safeFileName } from './export-scoreboard';
import { getProvinceDashboard } from './get-province-dashboard';

const TABLE_NAMES: Record<DashboardTable, string> = {
  completeness: 'Tình hình nộp báo cáo',
  distribution: 'Phân bố điểm',
  at_risk: 'Đơn vị có nguy cơ không đạt',
  heatmap: 'Lượt phát CĐS theo tuần',
  trends: 'Xu hướng qua các năm',
};

type Dashboard = ProvinceDashboardDto;

function completenessSheet(board: Dashboard): TableSheet<unknown> {
  type Row = Dashboard['completeness'][number]['periods'][number] & { typeName: string; kind: string };
  const rows: Row[] = board.completeness.flatMap((type) =>
    type.periods.map((period) => ({ ...period, typeName: type.name, kind: type.kind })),
  );
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'Loại báo cáo', width: 28, value: (row) => row.typeName },
    {
      header: 'Kiểu',
      width: 20,
      value: (row) => REPORT_KIND_LABELS[row.kind as ReportKind]?.vi ?? row.kind,
    },
    { header: 'Kỳ', width: 22, value: (row) => row.label },
    { header: 'Hạn nộp', width: 12, kind: 'date', value: (row) => dayCell(row.dueOn) },
    { header: 'Phải nộp', width: 10, kind: 'number', value: (row) => row.expected },
    { header: 'Đã nộp', width: 10, kind: 'number', value: (row) => row.submitted },
    { header: 'Đúng hạn', width: 10, kind: 'number', value: (row) => row.onTime },
    { header: 'Muộn', width: 10, kind: 'number', value: (row) => row.late },
    { header: 'Chưa nộp', width: 10, kind: 'number', value: (row) => row.missing },
    { header: 'Quá hạn chưa nộp', width: 12, kind: 'number', value: (row) => row.overdue },
  ];
  return { name: TABLE_NAMES.completeness, columns, rows } as TableSheet<unknown>;
}

function distributionSheet(board: Dashboard): TableSheet<unknown> {
  type Row = Dashboard['distribution']['bins'][number];
  const columns: Array<WorkbookColumn<Row>> = [
    {
      header: 'Khoảng điểm (% tối đa)',
      width: 20,
      value: (row) => (row.to >= 100 ? `${row.from}–100 %` : `${row.from}–dưới ${row.to} %`),
    },
    { header: 'Số đơn vị cấp xã', width: 16, kind: 'number', value: (row) => row.count },
  ];
  return { name: TABLE_NAMES.distribution, columns, rows: board.distribution.bins } as TableSheet<unknown>;
}

function atRiskSheet(board: Dashboard): TableSheet<unknown> {
  type Row = Dashboard['atRisk'][number];
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'Đơn vị', width: 28, value: (row) => row.name },
    { header: 'Trực thuộc', width: 22, value: (row) => row.parentName },
    { header: 'Tỷ lệ chính thức (%)', width: 12, kind: 'number', value: (row) => row.officialPercent },
    { header: 'Tỷ lệ tự động (trực tiếp) (%)', width: 14, kind: 'number', value: (row) => row.livePercent },
    { header: 'Dự báo cuối năm (%)', width: 12, kind: 'number', value: (row) => row.projectedPercent },
    { header: 'Trạng thái', width: 14, value: (row) => STATUS_LABELS[row.status] },
    {
      header: 'Lý do (tiêu chí mất điểm)',
      width: 80,
      value: (row) =>
        row.reasons
          .map(
            (reason) =>
              `${reason.code} ${reason.title}: mất ${reason.lost}/${reason.max} điểm. ${reason.gaps.join('; ') || reason.explanation}`,
          )
          .join('\n'),
    },
  ];
  return { name: TABLE_NAMES.at_risk, columns, rows: board.atRisk } as TableSheet<unknown>;
}

function heatmapSheet(board: Dashboard): TableSheet<unknown> {
  type Row = Dashboard['heatmap']['units'][number];
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'Đơn vị', width: 28, value: (row) => row.name },
    { header: 'Trực thuộc', width: 22, value: (row) => row.parentName },
    { header: 'Số tuần có lượt phát', width: 12, kind: 'number', value: (row) => row.weeksWithBroadcast },
    { header: 'Tổng lượt phát', width: 10, kind: 'number', value: (row) => row.total },
    ...board.heatmap.weeks.map(
      (week, i): WorkbookColumn<Row> => ({
        header: `Tuần ${week.week} (${week.monday.slice(8, 10)}/${week.monday.slice(5, 7)})`,
        width: 8,
        kind: 'number',
        value: (row) => row.counts[i] ?? 0,
      }),
    ),
  ];
  return { name: TABLE_NAMES.heatmap, columns, rows: board.heatmap.units } as TableSheet<unknown>;
}

function trendsSheet(board: Dashboard): TableSheet<unknown> {
  type Row = Dashboard['trends'][number];
  const columns: Array<WorkbookColumn<Row>> = [
    { header: 'Năm', width: 8, kind: 'number', value: (row) => row.year },
    { header: 'Số đơn vị cấp xã', width: 12, kind: 'number', value: (row) => row.units },
    { header: 'Điểm trung bình (% tối đa)', width: 14, kind: 'number', value: (row) => row.averagePercent },
    {
      header: `Số đơn vị đạt từ ${board.targetPercent} %`,
      width: 14,
      kind: 'number',
      value: (row) => row.meetingTarget,
    },
    {
      header: `Tỷ lệ đơn vị đạt từ ${board.targetPercent} % (%)`,
      width: 14,
      kind: 'number',
      value: (row) => row.meetingTargetShare,
    },
    { header: 'Tin bài CĐS', width: 12, kind: 'number', value: (row) => row.posts },
    { header: 'Lượt phát CĐS', width: 12, kind: 'number', value: (row) => row.broadcasts },
  ];
  return { name: TABLE_NAMES.trends, columns, rows: board.trends } as TableSheet<unknown>;
}

const SHEETS: Record<DashboardTable, (board: Dashboard) => TableSheet<unknown>> = {
  completeness: completenessSheet,
  distribution: distributionSheet,
  at_risk: atRiskSheet,
  heatmap: heatmapSheet,
  trends: trendsSheet,
};

/** One table of the province board as XLSX: the same figures as on screen, with where they come from. */
export async function exportDashboardTable(
  q: Queryable,
  principal: Principal,
  query: ProvinceDashboardQuery & { table: DashboardTable },
  today: string,
): Promise<ExportedFile> {
  const board = await getProvinceDashboard(q, principal, query, today);
  const content = await buildTableWorkbook({
    table: SHEETS[query.table](board),
    info: [
      {
        name: 'Thông tin',
        rows: [
          ['Bảng', TABLE_NAMES[query.table]],
          ['Phạm vi', board.root.name],
          ['Năm', String(board.year)],
          ['Tính đến ngày', board.through],
          [
            'Bộ chỉ số',
            board.framework ? `${board.framework.name} (phiên bản ${board.framework.version})` : '',
          ],
          [
            'Ghi chú',
            'Điểm chính thức là điểm thẩm định đã công bố, nếu chưa có thì dùng điểm tự động tính từ các bản ghi. Lượt phát CĐS: lượt phát trên chương trình phát thanh chuyển đổi số, như bảng điểm tính.',
          ],
        ],
      },
    ],
  });
  return {
    fileName: safeFileName(`${TABLE_NAMES[query.table]} ${board.root.name} ${board.year}.xlsx`),
    contentType: XLSX_TYPE,
    content,
  };
}
