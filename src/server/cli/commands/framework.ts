import fs from 'node:fs';
import path from 'node:path';
import type { FrameworkIssueDto } from '../../../shared/api/frameworks';
import { formatVnDate } from '../../../shared/dates';
import type { PeriodKind } from '../../../shared/frameworks/definition';
import { UNIT_KIND_LABELS } from '../../../shared/units';
import { CLI_ACTOR } from '../../domain/actor';
import { importFramework } from '../../domain/frameworks/import-framework';
import { presentFrameworkHeader } from '../../domain/frameworks/present-framework';
import { validateFrameworkFile } from '../../domain/frameworks/validate-framework-file';
import { validationError } from '../../errors';
import { formatIssue } from '../../frameworks/issues';
import { parseFrameworkFile } from '../../frameworks/parse-framework-file';
import type { Command } from '../command';
import { type Output, UsageError, writeLine } from '../io';
import { CLI_PRINCIPAL } from './import-records';

const NAME = 'framework';
const ACTIONS = ['validate', 'import'] as const;

const PERIOD_NAMES: Record<PeriodKind, string> = {
  year: 'năm',
  half_year: '6 tháng',
  quarter: 'quý',
  month: 'tháng',
};

/** The file's errors as the one failure of the command: "Lỗi: …" then one line per error, exit 1. */
function invalidFile(fileName: string, errors: readonly FrameworkIssueDto[]) {
  return validationError(
    `Tệp ${fileName} có ${errors.length} lỗi: chưa hợp lệ, chưa nhập gì.`,
    errors.map((issue) => ({
      ...(issue.line !== null ? { row: issue.line } : {}),
      ...(issue.column !== null ? { column: String(issue.column) } : {}),
      message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    })),
  );
}

function writeWarnings(output: Output, warnings: readonly FrameworkIssueDto[]) {
  if (warnings.length === 0) return;
  writeLine(output, `Cảnh báo (${warnings.length}):`);
  for (const warning of warnings) writeLine(output, `  ${formatIssue(warning)}`);
}

/** Metadata, then criteria and points per unit kind: what the officer checks against the decision. */
function writeSummary(output: Output, header: ReturnType<typeof presentFrameworkHeader>) {
  const validity = header.validTo
    ? `từ ${formatVnDate(header.validFrom)} đến ${formatVnDate(header.validTo)}`
    : `từ ${formatVnDate(header.validFrom)}`;
  writeLine(output, `Bộ chỉ số: ${header.name}`);
  writeLine(
    output,
    `Mã ${header.code}, phiên bản "${header.version}", hiệu lực ${validity}, chấm theo ${PERIOD_NAMES[header.periodKind]}`,
  );
  writeLine(output, `Căn cứ: ${header.legalBasis} (${header.issuingBody})`);
  writeLine(output, `Tiêu chí theo loại đơn vị (${header.criteriaCount} tiêu chí trong tệp):`);
  const rows = header.kinds.map((kind) => [
    `${UNIT_KIND_LABELS[kind.kind].vi} (${kind.kind})`,
    `${kind.criteria} tiêu chí`,
    `${String(kind.total).replace('.', ',')} điểm`,
    kind.codes.join(', '),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    writeLine(
      output,
      `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padStart(widths[1]!)}  ${row[2]!.padStart(widths[2]!)}  ${row[3]}`,
    );
}

export const frameworkCommand: Command = {
  name: NAME,
  summary: 'Kiểm tra (validate) hoặc nhập (import) một tệp bộ chỉ số YAML/JSON',
  positionals: [
    {
      name: 'validate|import',
      description: 'validate: chỉ kiểm tra; import: kiểm tra rồi nhập thành phiên bản mới',
    },
    { name: 'file', description: 'Tệp bộ chỉ số (.yaml, .yml hoặc .json)' },
  ],
  options: {},
  notes: [
    'Lỗi được báo theo dòng, cột và đường dẫn trong tệp (ví dụ pillars[0].indices[0].criteria[2].rule.threshold);',
    'tệp hợp lệ thì in số tiêu chí và tổng điểm theo loại đơn vị. Cách viết tệp: docs/frameworks.md.',
    'Nhập lại đúng tệp đã có không thay đổi gì; sửa nội dung thì phải tăng version.',
    'Ví dụ: npm run cli -- framework validate frameworks/template.yaml',
    '       npm run cli -- framework import bo-chi-so-2026.yaml',
  ],
  async prepare({ args }) {
    const [action, file] = args as [string, string];
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`Việc "${action}" không hợp lệ; dùng validate hoặc import.`, NAME);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile())
      throw new UsageError(`Không có tệp ${file}.`, NAME);
    return {};
  },
  async run({ args, io, database }) {
    const [action, file] = args as [string, string];
    const fileName = path.basename(file);
    const content = fs.readFileSync(file);

    if (action === 'validate') {
      const result = await validateFrameworkFile({ db: database.db, fileName, content });
      writeWarnings(io.stderr, result.warnings);
      if (!result.valid || !result.framework) throw invalidFile(fileName, result.errors);
      writeLine(io.stdout, `Tệp ${fileName} hợp lệ (${result.format.toUpperCase()}).`);
      writeSummary(io.stdout, result.framework);
      if (result.importCheck) writeLine(io.stdout, `Nhập vào cơ sở dữ liệu: ${result.importCheck.message}`);
      return;
    }

    // Checked here first so that errors read as they do for validate, with their paths.
    const parsed = parseFrameworkFile(content, { fileName });
    if (!parsed.framework) throw invalidFile(fileName, parsed.errors);
    const result = await importFramework({
      db: database.db,
      principal: CLI_PRINCIPAL,
      actor: CLI_ACTOR,
      fileName,
      content,
    });
    writeWarnings(io.stderr, result.warnings);
    writeLine(io.stdout, result.message);
    writeSummary(io.stdout, presentFrameworkHeader(parsed.framework));
  },
};
