import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import { today } from '../../db/repositories/units';
import { createAssessment } from '../../domain/assessments/create-assessment';
import { findUnitAssessments } from '../../domain/assessments/find-unit-assessments';
import { updateCriterion } from '../../domain/assessments/update-criterion';
import { scoreUnit } from '../../domain/scoring/score-unit';
import type { InputValue } from '../../scoring/types';
import { type Command, requiredOption, stringOption } from '../command';
import { UsageError, writeLine } from '../io';
import { resolveUnit } from '../resolve-unit';
import { cliIdentity } from './import-records';

const NAME = 'input';

/**
 * "thon_co_loa=9,tong_so_thon=12" (or the API's JSON object) → input values: numbers ("7,5" too),
 * yes/no (true/false, có/không), an empty value to clear, anything else as a choice's value.
 */
export function parseInputValues(text: string): Record<string, InputValue | null> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError('--inputs không phải JSON hợp lệ.', NAME);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new UsageError('--inputs dạng JSON phải là một đối tượng {"khóa": giá trị}.', NAME);
    return parsed as Record<string, InputValue | null>;
  }
  const values: Record<string, InputValue | null> = {};
  for (const pair of trimmed.split(',')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at < 1 || !key) throw new UsageError(`--inputs: "${pair}" không có dạng khóa=giá-trị.`, NAME);
    const raw = pair
      .slice(at + 1)
      .trim()
      .normalize('NFC');
    const lower = raw.toLocaleLowerCase('vi');
    if (raw === '') values[key] = null;
    else if (/^-?\d+([.,]\d+)?$/.test(raw)) values[key] = Number(raw.replace(',', '.'));
    else if (['true', 'có', 'co'].includes(lower)) values[key] = true;
    else if (['false', 'không', 'khong'].includes(lower)) values[key] = false;
    else values[key] = raw;
  }
  return values;
}

function numberOption(text: string | undefined, option: string): number | null | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) throw new UsageError(`--${option} "${text}" không phải một số.`, NAME);
  return value;
}

/**
 * What a unit enters for a criterion (input values, its own score of a manual criterion, its
 * explanation), from the command line: the same as PATCH /api/assessments/{id}/criteria/{code}. The
 * unit's live assessment of the framework and period is used, or started when there is none.
 */
export const inputCommand: Command = {
  name: NAME,
  summary: 'Nhập số liệu tự chấm của một tiêu chí (set): giá trị nhập tay, điểm tự chấm, giải trình',
  positionals: [{ name: 'set', description: 'set: ghi giá trị vào bản tự đánh giá của đơn vị' }],
  options: {
    unit: { type: 'string', value: 'mã|id', description: 'Đơn vị (mã đơn vị hành chính hoặc id)' },
    framework: { type: 'string', value: 'mã', description: 'Mã bộ chỉ số, ví dụ kontum-780' },
    period: { type: 'string', value: 'kỳ', description: 'Kỳ: 2024, 2024-H1, 2024-Q3 hoặc 2024-11' },
    criterion: { type: 'string', value: 'mã', description: 'Mã tiêu chí, ví dụ A1.2' },
    inputs: {
      type: 'string',
      value: 'khóa=giá-trị,…',
      description:
        'Giá trị nhập tay theo khóa của inputs: số, true/false (có/không), mã lựa chọn; để trống thì xóa',
    },
    'self-score': {
      type: 'string',
      value: 'điểm',
      description: 'Điểm tự chấm (tiêu chí manual), từ 0 đến max',
    },
    explanation: { type: 'string', value: 'chữ', description: 'Giải trình của đơn vị' },
    username: {
      type: 'string',
      value: 'tên',
      description: 'Thay mặt tài khoản này (theo phạm vi của tài khoản); bỏ trống: quyền quản trị hệ thống',
    },
  },
  notes: [
    'Dùng bản đánh giá đang có của đơn vị theo bộ chỉ số và kỳ (nháp hoặc bị trả lại); chưa có thì lập mới.',
    '--inputs cũng nhận đúng đối tượng JSON của API: --inputs \'{"thon_co_loa": 9, "truong_ban": "chu_tich"}\'.',
    'Ví dụ: npm run cli -- input set --unit 23479 --framework kontum-780 --period 2026 --criterion A1.2 \\',
    '         --inputs thon_co_loa=9,tong_so_thon=12',
  ],
  async prepare({ args, options }) {
    if (args[0] !== 'set') throw new UsageError(`Việc "${args[0]}" không hợp lệ; dùng set.`, NAME);
    for (const name of ['unit', 'framework', 'period', 'criterion']) requiredOption(options, name, NAME);
    const inputs = stringOption(options, 'inputs');
    if (inputs !== undefined) parseInputValues(inputs);
    numberOption(stringOption(options, 'self-score'), 'self-score');
    if (
      inputs === undefined &&
      stringOption(options, 'self-score') === undefined &&
      stringOption(options, 'explanation') === undefined
    )
      throw new UsageError('Cần ít nhất một trong --inputs, --self-score, --explanation.', NAME);
    return {};
  },
  async run({ options, io, database }) {
    const db = database.db;
    const unit = await resolveUnit(db, requiredOption(options, 'unit', NAME));
    const { principal, actor } = await cliIdentity(db, stringOption(options, 'username'));
    const framework = requiredOption(options, 'framework', NAME);
    const period = requiredOption(options, 'period', NAME);
    const code = requiredOption(options, 'criterion', NAME);
    const day = today();

    const live = (await findUnitAssessments({ db, principal, unitId: unit.id })).find(
      (item) =>
        item.framework.code === framework && item.period.key === period && item.status !== 'superseded',
    );
    let assessment: Pick<AssessmentDetailDto, 'id'>;
    if (live) assessment = live;
    else {
      assessment = await createAssessment({
        db,
        principal,
        actor,
        unitId: unit.id,
        input: { framework, period },
        today: day,
      });
      writeLine(io.stdout, `Đã lập bản tự đánh giá ${period} của ${unit.name} (${assessment.id}).`);
    }
    const inputs = stringOption(options, 'inputs');
    const selfScore = numberOption(stringOption(options, 'self-score'), 'self-score');
    const explanation = stringOption(options, 'explanation');
    await updateCriterion({
      db,
      principal,
      actor,
      assessmentId: assessment.id,
      code,
      input: {
        ...(inputs !== undefined ? { inputs: parseInputValues(inputs) } : {}),
        ...(selfScore !== undefined ? { selfScore } : {}),
        ...(explanation !== undefined ? { selfExplanation: explanation.normalize('NFC') } : {}),
      },
      today: day,
    });
    writeLine(io.stdout, `Đã ghi tiêu chí ${code} của ${unit.name}, bản đánh giá ${assessment.id}.`);
    const scores = await scoreUnit(db, principal, unit.id, { framework, period }, day);
    const criterion = scores.criteria.find((item) => item.code === code);
    if (criterion)
      writeLine(
        io.stdout,
        `Điểm trực tiếp: ${criterion.score === null ? '–' : String(criterion.score).replace('.', ',')}/${String(criterion.max).replace('.', ',')} — ${criterion.explanation}`,
      );
  },
};
