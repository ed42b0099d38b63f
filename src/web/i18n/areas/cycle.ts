/** Messages of issue 10's report cycle: a report's documents, the aggregated report, the office's completeness. */
export const cycleVi = {
  'cycle.documents.title': 'Tải văn bản',
  'cycle.documents.hint':
    'Văn bản theo thể thức Nghị định 30/2020/NĐ-CP; bản chưa nộp mang dấu "DỰ THẢO" và lấy số liệu hiện tại.',
  'cycle.documents.docx': 'Tải DOCX',
  'cycle.documents.annex': 'Tải phụ lục XLSX',
  'cycle.documents.evidence': 'Tải hồ sơ minh chứng (ZIP)',
  'cycle.ownerReport.province': 'Báo cáo tổng hợp của tỉnh',
  'cycle.ownerReport.unit': 'Báo cáo tổng hợp của {unit}',
  'cycle.ownerReport.hint': 'Báo cáo của {unit}, tổng hợp từ báo cáo của các đơn vị phải nộp.',
  'cycle.home.periods': 'Tình hình nộp báo cáo',
  'cycle.home.periodsEmpty': 'Chưa có kỳ báo cáo nào đang theo dõi.',
  'cycle.home.due': 'Hạn nộp {day}',
  'cycle.home.pastDue': 'Đã qua hạn {day}',
};

export const cycleEn: Record<keyof typeof cycleVi, string> = {
  'cycle.documents.title': 'Documents',
  'cycle.documents.hint':
    'Documents in the Decree 30/2020 layout; a report not yet submitted is marked "DRAFT" and uses current figures.',
  'cycle.documents.docx': 'Download DOCX',
  'cycle.documents.annex': 'Download XLSX annex',
  'cycle.documents.evidence': 'Download evidence package (ZIP)',
  'cycle.ownerReport.province': 'Province summary report',
  'cycle.ownerReport.unit': 'Summary report of {unit}',
  'cycle.ownerReport.hint': 'The report of {unit}, rolling up the reports of the units that submit.',
  'cycle.home.periods': 'Report submissions',
  'cycle.home.periodsEmpty': 'No report period is being followed.',
  'cycle.home.due': 'Due {day}',
  'cycle.home.pastDue': 'Was due {day}',
};
