import { parseArgs } from 'node:util';
import type { Database } from '../db/client';
import { AppError } from '../errors';
import type { AnyCommand, OptionSpec, OptionValues } from './command';
import { createUserCommand, grantCommand, revokeCommand } from './commands/accounts';
import { channelCommand } from './commands/channel';
import { classifyCommand } from './commands/classify';
import { backupCommand, migrateCommand, restoreCommand, seedDemoCommand } from './commands/database';
import { exportRecordsCommand } from './commands/export-records';
import { frameworkCommand } from './commands/framework';
import { importRecordsCommand } from './commands/import-records';
import { importUnitsCommand } from './commands/import-units';
import { inputCommand } from './commands/input';
import { retrainClassifierCommand } from './commands/retrain-classifier';
import { scoreCommand } from './commands/score';
import { verifyEvidenceCommand } from './commands/verify-evidence';
import {
  type CliIo,
  databaseMessage,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type Output,
  UsageError,
  writeLine,
} from './io';

export const COMMANDS: readonly AnyCommand[] = [
  importUnitsCommand,
  importRecordsCommand,
  exportRecordsCommand,
  frameworkCommand,
  createUserCommand,
  grantCommand,
  revokeCommand,
  backupCommand,
  restoreCommand,
  seedDemoCommand,
  migrateCommand,
  scoreCommand,
  channelCommand,
  inputCommand,
  classifyCommand,
  verifyEvidenceCommand,
  retrainClassifierCommand,
];

const USAGE = 'npm run cli --';
const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Hiện hướng dẫn' };

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` <${spec.value ?? 'giá-trị'}>` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

function columns(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function commandLine(command: AnyCommand): string {
  const positionals = command.positionals.map((p) => ` <${p.name}>`).join('');
  return `${command.name}${positionals}`;
}

export function globalHelp(): string {
  return [
    'Loa Số — công cụ dòng lệnh',
    '',
    `Cách dùng: ${USAGE} <lệnh> [tùy chọn]`,
    '',
    'Các lệnh:',
    ...columns(COMMANDS.map((command) => [commandLine(command), command.summary])),
    '',
    'Tùy chọn chung:',
    ...columns([
      [optionLabel('help', HELP_OPTION), 'Hiện hướng dẫn này; sau tên lệnh: hướng dẫn của lệnh đó'],
    ]),
    '',
    'Cơ sở dữ liệu chọn như máy chủ: PGlite trong DATA_DIR (mặc định ./data), hoặc PostgreSQL khi đặt',
    'DATABASE_URL=postgres://…; cấu trúc được cập nhật (migrate) trước mỗi lệnh. Thao tác ghi vào nhật ký',
    'kiểm tra với người thực hiện "cli".',
    '',
    'Mã thoát: 0 thành công, 1 thất bại, 2 sai cú pháp lệnh.',
    `Ví dụ: ${USAGE} import-units --help`,
  ].join('\n');
}

export function commandHelp(command: AnyCommand): string {
  const options = { ...command.options, help: HELP_OPTION };
  return [
    `${command.summary}.`,
    '',
    `Cách dùng: ${USAGE} ${commandLine(command)}${Object.keys(command.options).length ? ' [tùy chọn]' : ''}`,
    ...(command.positionals.length
      ? ['', 'Tham số:', ...columns(command.positionals.map((p) => [`<${p.name}>`, p.description]))]
      : []),
    '',
    'Tùy chọn:',
    ...columns(Object.entries(options).map(([name, spec]) => [optionLabel(name, spec), spec.description])),
    ...(command.notes?.length ? ['', ...command.notes] : []),
  ].join('\n');
}

/** parseArgs reports problems in English; the CLI speaks Vietnamese. */
function usageFromParseError(error: Error & { code?: string }, command: AnyCommand): UsageError {
  const option = error.message.match(/'(-[^' ]+)/)?.[1] ?? '';
  const spec = command.options[option.replace(/^-+/, '')];
  let message = error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') message = `Tùy chọn không hợp lệ: ${option}.`;
  else if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    message =
      spec?.type === 'boolean'
        ? `Tùy chọn ${option} không nhận giá trị.`
        : `Tùy chọn ${option} thiếu giá trị (giá trị bắt đầu bằng "-" thì viết ${option}=giá-trị).`;
  }
  return new UsageError(message, command.name);
}

function parseCommandArgs(
  command: AnyCommand,
  argv: string[],
): { args: string[]; options: OptionValues; help: boolean } {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseError(error as Error, command);
  }
  const values = parsed.values as OptionValues;
  if (values.help === true) return { args: [], options: values, help: true };
  const expected = command.positionals;
  if (parsed.positionals.length < expected.length) {
    throw new UsageError(`Thiếu tham số <${expected[parsed.positionals.length]!.name}>.`, command.name);
  }
  if (parsed.positionals.length > expected.length) {
    throw new UsageError(
      `Thừa tham số: ${parsed.positionals.slice(expected.length).join(' ')}.`,
      command.name,
    );
  }
  return { args: parsed.positionals, options: values, help: false };
}

function reportError(stderr: Output, error: unknown) {
  if (error instanceof AppError) {
    writeLine(stderr, `Lỗi: ${error.message}`);
    for (const detail of error.details) {
      const where = [
        detail.row !== undefined ? `dòng ${detail.row}` : null,
        detail.column ? `cột ${detail.column}` : null,
        detail.field && !detail.column ? detail.field : null,
      ].filter(Boolean);
      writeLine(stderr, `  ${where.length ? `${where.join(', ')}: ` : ''}${detail.message}`);
    }
    return;
  }
  writeLine(stderr, `Lỗi: ${error instanceof Error ? databaseMessage(error) : String(error)}`);
}

/**
 * Runs one command line (without "node main.ts") and returns the exit code. Everything the command
 * needs comes through `io`, so tests run commands in-process against a test database.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    writeLine(io.stderr, globalHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
    if (topic && !command) {
      writeLine(io.stderr, `Lỗi: Không có lệnh "${topic}".\n\n${globalHelp()}`);
      return EXIT_USAGE;
    }
    writeLine(io.stdout, command ? commandHelp(command) : globalHelp());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    writeLine(io.stderr, `Lỗi: Không có lệnh "${name}".\n\n${globalHelp()}`);
    return EXIT_USAGE;
  }

  let opened: Database | null = null;
  try {
    const { args, options, help } = parseCommandArgs(command, rest);
    if (help) {
      writeLine(io.stdout, commandHelp(command));
      return EXIT_OK;
    }
    if ('standalone' in command) {
      await command.run({ args, options, io });
      return EXIT_OK;
    }
    if (command.prepare) Object.assign(options, await command.prepare({ args, options, io }));
    let database: Database;
    if (typeof io.database === 'function') {
      opened = await io.database();
      database = opened;
    } else database = io.database;
    await database.migrate();
    await command.run({ args, options, io, database });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `Lỗi: ${error.message}`);
      writeLine(io.stderr, `Xem: ${USAGE} ${error.command ?? command.name} --help`);
      return EXIT_USAGE;
    }
    reportError(io.stderr, error);
    return EXIT_FAILURE;
  } finally {
    // An open PGlite keeps the process alive: whatever the CLI opened, it closes.
    if (opened) await opened.close();
  }
}
