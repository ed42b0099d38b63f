import { dayOf, vnInstant } from '../../shared/dates';
import type { Db } from '../db/client';
import { findPeriodsOfTypes } from '../db/repositories/reports';
import { findCurrentUnitsByCode } from '../db/repositories/units';
import { findGrantsOfUsers, getUserByUsername } from '../db/repositories/users';
import type { Actor } from '../domain/actor';
import { approveReport } from '../domain/reports/approve-report';
import { defineReportType } from '../domain/reports/define-report-type';
import { ensureReportPeriods } from '../domain/reports/ensure-report-periods';
import { openReport } from '../domain/reports/open-report';
import { submitReport } from '../domain/reports/submit-report';
import { updateReportTexts } from '../domain/reports/update-report-texts';
import type { Principal } from '../policies/principal';

/**
 * The demo's periodic reports in Quảng Ngãi, made through the workflow's own use cases: the DX office
 * defines the 6-month report (due 05/06), the annual report (due 05/12) and the monthly broadcast
 * schedule (due the day before the month); last year's annual report was submitted on time by Xã Đăk
 * Rve and late by Xã Kon Braih; this year Xã Đăk Rve has its draft written, so no screen starts empty.
 */

const PROVINCE = '51';
const DAK_RVE = '23479';
const KON_BRAIH = '23497';
const RECIPIENTS = 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;\nLưu: VT, VHXH.';

interface DemoPerson {
  principal: Principal;
  actor: Actor;
}

async function person(db: Db, username: string): Promise<DemoPerson> {
  const user = await getUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} missing`);
  const grants = (await findGrantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    principal: {
      userId: user.id,
      username: user.username,
      grants: grants.map((grant) => ({ id: grant.id, role: grant.role, unitId: grant.unitId })),
    },
    actor: { userId: user.id, label: user.username },
  };
}

const TEXTS = {
  assessmentText:
    'Ưu điểm: chuyên mục Chuyển đổi số trên trang thông tin điện tử được cập nhật đều; đài truyền thanh xã phát bản tin CĐS hằng tuần.\nHạn chế: tin bài bằng tiếng Xơ Đăng còn ít.\nNguyên nhân: thiếu cộng tác viên biết tiếng dân tộc.',
  tasksText:
    'Duy trì phát thanh chuyên mục CĐS hằng tuần; tăng tin bài tiếng dân tộc; ban hành danh mục phát sóng trước ngày đầu tháng.',
  proposalsText: 'Đề nghị Sở hỗ trợ tập huấn viết tin bài về chuyển đổi số cho cán bộ xã.',
};

export async function seedDemoReports(db: Db, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const today = dayOf(now);
  const year = Number(today.slice(0, 4));
  if (year < 2026) return; // Today's communes begin on 01/07/2025; the demo's reports start with 2025.
  const units = await findCurrentUnitsByCode(db, [PROVINCE, DAK_RVE, KON_BRAIH]);
  const [office, officer, head, admin] = await Promise.all([
    person(db, 'sokhcn.quangngai'),
    person(db, 'canbo.dakrve'),
    person(db, 'lanhdao.dakrve'),
    person(db, 'admin'),
  ]);
  const provinceId = units.get(PROVINCE)!.id;
  const define = (kind: 'semiannual' | 'annual' | 'monthly_schedule', name: string) =>
    defineReportType({
      db,
      ...office,
      ownerUnitId: provinceId,
      input: { kind, name, recipients: RECIPIENTS },
      today,
    });
  await define('semiannual', 'Báo cáo 6 tháng kết quả tuyên truyền chuyển đổi số');
  const annual = await define('annual', 'Báo cáo năm kết quả tuyên truyền chuyển đổi số');
  await define('monthly_schedule', 'Danh mục phát sóng chuyên mục Chuyển đổi số hằng tháng');
  // Last year's periods too, so a submitted report and its figures can be shown.
  await ensureReportPeriods(db, provinceId, `${year - 1}-06-01`, office.actor);

  const periods = await findPeriodsOfTypes(db, [annual.id]);
  const lastYear = periods.find((period) => period.periodKey === String(year - 1));
  const thisYear = periods.find((period) => period.periodKey === String(year));

  const submit = async (
    unitCode: string,
    writer: DemoPerson,
    approver: DemoPerson,
    at: Date,
    periodId: string,
  ) => {
    const day = dayOf(at);
    const report = await openReport({
      db,
      ...writer,
      periodId,
      unitId: units.get(unitCode)!.id,
      now: at,
      today: day,
    });
    await updateReportTexts({ db, ...writer, reportId: report.id, input: TEXTS, now: at, today: day });
    await approveReport({ db, ...approver, reportId: report.id, now: at, today: day });
    await submitReport({ db, ...approver, reportId: report.id, now: at, today: day });
  };
  if (lastYear) {
    await submit(DAK_RVE, officer, head, vnInstant(`${year - 1}-12-04`, '16:30'), lastYear.id);
    // Kon Braih has no head among the demo users: the administrator approves and submits, after the due day.
    await submit(KON_BRAIH, admin, admin, vnInstant(`${year - 1}-12-09`, '09:00'), lastYear.id);
  }
  if (thisYear) {
    const draft = await openReport({
      db,
      ...officer,
      periodId: thisYear.id,
      unitId: units.get(DAK_RVE)!.id,
      now,
      today,
    });
    await updateReportTexts({ db, ...officer, reportId: draft.id, input: TEXTS, now, today });
  }
}
