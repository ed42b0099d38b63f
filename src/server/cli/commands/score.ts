import type { UnitScoreDto } from '../../../shared/api/scoring';
import { SCOREBOARD_VIEWS } from '../../../shared/api/scoring';
import { dayOf } from '../../../shared/dates';
import { today } from '../../db/repositories/units';
import { scoreUnit } from '../../domain/scoring/score-unit';
import { vnDay } from '../../scoring/day-numbers';
import { booleanOption, type Command, requiredOption, stringOption } from '../command';
import { UsageError, writeLine } from '../io';
import { resolveUnit } from '../resolve-unit';
import { CLI_PRINCIPAL } from './import-records';

const NAME = 'score';

const STATUS_MARK: Record<UnitScoreDto['status'], string> = {
  green: '[đạt]',
  amber: '[một phần]',
  red: '[chưa đạt]',
  grey: '[chờ nhập]',
};

function formatPoints(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 100) / 100).replace('.', ',');
}

/** The scores as a person reads them in a terminal: one block per criterion, then the total. */
function describe(result: UnitScoreDto): string[] {
  const lines = [
    `${result.unit.name} — ${result.framework.name} (${result.framework.code} phiên bản ${result.framework.version})`,
    `Kỳ: ${result.period.label}${result.period.isRunning ? `, tính đến ${vnDay(result.period.through)}` : ''}`,
  ];
  if (result.sourceUnits.length > 1)
    lines.push(`Cộng dồn bản ghi của: ${result.sourceUnits.map((unit) => unit.name).join(', ')}`);
  lines.push('');
  for (const criterion of result.criteria) {
    lines.push(
      `${criterion.code}. ${criterion.title}`,
      `   ${formatPoints(criterion.score)}/${formatPoints(criterion.max)} điểm ${STATUS_MARK[criterion.status]} — ${criterion.explanation}`,
    );
    if (result.period.isRunning && criterion.projectedScore !== null)
      lines.push(`   Dự báo cuối kỳ: ${formatPoints(criterion.projectedScore)} điểm`);
    for (const gap of criterion.gaps) lines.push(`   Còn thiếu: ${gap}`);
  }
  lines.push(
    '',
    `Tổng: ${formatPoints(result.score)}/${formatPoints(result.max)} điểm (${String(result.percent).replace('.', ',')}%) ${STATUS_MARK[result.status]}`,
  );
  if (result.period.isRunning && result.projectedScore !== null)
    lines.push(`Dự báo cuối kỳ: ${formatPoints(result.projectedScore)} điểm`);
  // The official score, once an appraisal is published, leads: the total above is the live one.
  if (result.official)
    lines.push(
      `Điểm chính thức (thẩm định đã công bố${result.official.publishedAt ? ` ngày ${vnDay(dayOf(result.official.publishedAt))}` : ''}): ${formatPoints(result.official.score)}/${formatPoints(result.official.max)} điểm (${String(result.official.percent).replace('.', ',')}%); tổng trên là điểm tự động trực tiếp`,
    );
  return lines;
}

export const scoreCommand: Command = {
  name: NAME,
  summary: 'Tính điểm trực tiếp của một đơn vị theo một bộ chỉ số trong một kỳ',
  positionals: [],
  options: {
    framework: { type: 'string', value: 'mã', description: 'Mã bộ chỉ số, ví dụ kontum-780' },
    unit: { type: 'string', value: 'mã|id', description: 'Đơn vị (mã đơn vị hành chính hoặc id)' },
    period: {
      type: 'string',
      value: 'kỳ',
      description: 'Kỳ: 2024, 2024-H1, 2024-Q3 hoặc 2024-11 (theo bộ chỉ số)',
    },
    view: {
      type: 'string',
      value: SCOREBOARD_VIEWS.join('|'),
      description: 'successors: cộng dồn đơn vị đã sáp nhập; as_they_were: đơn vị như lúc đó',
    },
    json: { type: 'boolean', description: 'In kết quả dạng JSON' },
  },
  notes: ['Ví dụ: npm run cli -- score --framework kontum-780 --unit 23479 --period 2026'],
  async prepare({ options }) {
    const view = stringOption(options, 'view');
    if (view && !(SCOREBOARD_VIEWS as readonly string[]).includes(view))
      throw new UsageError(`--view "${view}" không hợp lệ; dùng ${SCOREBOARD_VIEWS.join(' hoặc ')}.`, NAME);
    requiredOption(options, 'framework', NAME);
    requiredOption(options, 'unit', NAME);
    requiredOption(options, 'period', NAME);
    return {};
  },
  async run({ options, io, database }) {
    const db = database.db;
    const unit = await resolveUnit(db, requiredOption(options, 'unit', NAME));
    const view = stringOption(options, 'view') as UnitScoreDto['view'] | undefined;
    const result = await scoreUnit(
      db,
      CLI_PRINCIPAL,
      unit.id,
      {
        framework: requiredOption(options, 'framework', NAME),
        period: requiredOption(options, 'period', NAME),
        ...(view ? { view } : {}),
      },
      today(),
    );
    if (booleanOption(options, 'json')) writeLine(io.stdout, JSON.stringify(result, null, 2));
    else for (const line of describe(result)) writeLine(io.stdout, line);
  },
};
