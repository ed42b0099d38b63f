import type { ReportPeriodCreateBody, ReportPeriodDto } from '../../../shared/api/reports';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getReportTypeRow, insertMissingPeriods } from '../../db/repositories/reports';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findExpectedUnits, summariseSubmissions } from './expected-units';
import { periodWithType, presentPeriodWithSummary } from './present-period';

/** The office asks for an ad hoc report: a period with its own dates, on an ad hoc type only. */
export async function createAdHocPeriod(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportTypeId: string;
  input: ReportPeriodCreateBody;
  today: string;
}): Promise<ReportPeriodDto> {
  const { db, principal, actor, reportTypeId, input, today } = options;
  const period = await db.transaction(async (tx) => {
    const type = await getReportTypeRow(tx, reportTypeId);
    if (!type) throw notFound();
    await authorizeUnit(tx, principal, type.ownerUnitId, 'report.define');
    if (type.kind !== 'ad_hoc')
      throw validationError('Chỉ báo cáo đột xuất mới tạo kỳ bằng tay; các loại khác có kỳ tự động.');
    if (input.dueOn < input.periodFrom)
      throw validationError('Hạn nộp không được trước ngày đầu kỳ báo cáo.', [
        { field: 'dueOn', message: 'Hạn nộp không được trước ngày đầu kỳ báo cáo.' },
      ]);
    const label = normalizeText(input.label);
    const [row] = await insertMissingPeriods(tx, [
      {
        reportTypeId,
        periodKey: `${input.periodFrom}_${input.periodTo}`,
        label,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        dueOn: input.dueOn,
      },
    ]);
    if (!row) throw new AppError('CONFLICT', 'Loại báo cáo này đã có một kỳ với cùng ngày đầu và ngày cuối.');
    await insertAuditEntries(tx, actor, [
      {
        action: 'report_period.create',
        entityType: 'report_period',
        entityId: row.id,
        unitId: type.ownerUnitId,
        summary: `Tạo kỳ báo cáo đột xuất "${label}" của ${type.name}, hạn nộp ${row.dueOn}`,
        after: {
          periodKey: row.periodKey,
          periodFrom: row.periodFrom,
          periodTo: row.periodTo,
          dueOn: row.dueOn,
        },
      },
    ]);
    return periodWithType(row, type);
  });
  const units = await findExpectedUnits(db, period, today);
  return presentPeriodWithSummary(period, summariseSubmissions(units), today);
}
