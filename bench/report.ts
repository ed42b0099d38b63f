import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { ActivityImportResult } from './activity-operations';
import type { OperationResult } from './db-operations';
import type { ActivityDataset } from './generate-activities';
import type { NationalDataset } from './generate-national';
import type { HttpResult } from './http-bench';
import type { ReportDocumentsBench } from './report-documents';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  commit: string;
  loadAverage: string;
}

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (dirty) commit += ' with uncommitted changes';
  } catch {
    // Not a git checkout (e.g. a release tarball).
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    loadAverage: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

export interface TargetReport {
  kind: 'pglite' | 'postgres';
  label: string;
  machine: Machine;
  dataset: NationalDataset;
  activities: ActivityDataset;
  activityImport: ActivityImportResult;
  operations: OperationResult[];
  http: HttpResult;
  /** The report documents (no database): measured once per run, attached to the first target. */
  documents?: ReportDocumentsBench;
  totalSeconds: number;
  /** "full" or "quick" (fewer runs: a smoke test, not figures to quote). */
  mode: string;
}

const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const ratio = (value: number) => `${value.toFixed(value >= 10 ? 0 : 1)}×`;
const rps = (value: number) => Math.round(value).toLocaleString('en-US');

/** Rows of the main table: operation | product median | raw SQL median | ratio | check. */
function mainRows(report: TargetReport): string[][] {
  const rows = report.operations.map((op) => [
    op.name,
    `${ms(op.product.medianMs)} ms`,
    `${ms(op.raw.medianMs)} ms`,
    ratio(op.product.medianMs / op.raw.medianMs),
    `${op.rows} ${op.rows === 1 ? 'row' : 'rows'}, ${op.isSameAsRaw ? 'same as raw' : 'DIFFERENT from raw'} (${op.product.runs} runs)`,
  ]);
  const d = report.documents;
  if (d) {
    const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
    rows.push(
      [
        'Annual report DOCX of a province (130 units, 3,000 listed DX posts; raw: deflating its XML parts)',
        `${ms(d.docx.product.medianMs)} ms`,
        `${ms(d.docx.raw.medianMs)} ms`,
        ratio(d.docx.product.medianMs / d.docx.raw.medianMs),
        `${kb(d.docx.bytes)} (${d.docx.product.runs} runs)`,
      ],
      [
        'XLSX annex of the same report (raw: deflating its XML parts)',
        `${ms(d.annex.product.medianMs)} ms`,
        `${ms(d.annex.raw.medianMs)} ms`,
        ratio(d.annex.product.medianMs / d.annex.raw.medianMs),
        `${kb(d.annex.bytes)} (${d.annex.product.runs} runs)`,
      ],
      [
        `Evidence ZIP, ${d.zip.files.toLocaleString('en-US')} files of ${d.zip.totalMb.toFixed(0)} MB streamed (raw: reading the same files)`,
        `${ms(d.zip.product.medianMs)} ms`,
        `${ms(d.zip.raw.medianMs)} ms`,
        ratio(d.zip.product.medianMs / d.zip.raw.medianMs),
        `peak RSS +${d.zip.peakRssMb.toFixed(0)} MB (raw read +${d.zip.rawPeakRssMb.toFixed(0)} MB) (${d.zip.product.runs} runs)`,
      ],
    );
  }
  const { bare } = report.http;
  const children = report.http.reads[0]!.product;
  rows.push(
    [
      `Signed-in children route vs bare route, ${report.http.concurrency} connections`,
      `${rps(children.requestsPerSecond)} req/s`,
      `${rps(bare.requestsPerSecond)} req/s (bare)`,
      ratio(bare.requestsPerSecond / children.requestsPerSecond),
      `${children.failed + bare.failed} failed`,
    ],
    ...signedInVsRawRows(report.http),
  );
  return rows;
}

const MAIN_HEADER = ['Operation', 'Product median', 'Raw SQL median', 'Ratio', 'Check'];

/** Issue 12's target: a signed-in read at most 1.5× the raw SQL it needs, at the same concurrency. */
const SIGNED_IN_TARGET = 1.5;

/** Each signed-in read against its SQL: the ratio is the SQL's rate over the route's. */
function signedInVsRawRows(http: HttpResult): string[][] {
  return http.reads.map((read) => {
    const times = read.raw.requestsPerSecond / read.product.requestsPerSecond;
    const statements =
      read.routeStatements === 0
        ? 'the route sent no statement (answered from memory)'
        : `the route sent ${read.routeStatements} statement${read.routeStatements === 1 ? '' : 's'}`;
    return [
      `Signed-in ${read.product.name.replace(/, signed in$/, '')} vs its SQL straight to the driver, ${http.concurrency} in flight`,
      `${rps(read.product.requestsPerSecond)} req/s`,
      `${rps(read.raw.requestsPerSecond)}/s (${read.rawStatements} statement${read.rawStatements === 1 ? '' : 's'} each)`,
      ratio(times),
      `${times <= SIGNED_IN_TARGET ? 'within' : 'over'} the ${SIGNED_IN_TARGET}× target; ${statements}; ${read.product.failed + read.raw.failed} failed`,
    ];
  });
}

function httpRows(http: HttpResult): string[][] {
  return [...http.reads.flatMap((read) => [read.raw, read.product]), http.bare, http.plainFastify].map(
    (t) => [
      t.name,
      rps(t.requestsPerSecond),
      t.roundsPerSecond.map(rps).join(' / '),
      ms(t.p50Ms),
      ms(t.p99Ms),
      `${t.failed}${t.firstFailure ? ` (${t.firstFailure})` : ''}`,
    ],
  );
}

const HTTP_HEADER = ['Route', 'req/s (median)', 'req/s per round', 'p50 ms', 'p99 ms', 'Failed'];

const PROFILE_HEADER = ['Step of a signed-in request', 'ms per request', 'Share'];

function profileRows(http: HttpResult): string[][] {
  const { profile } = http;
  return [
    ...profile.steps.map((step) => [
      step.name,
      ms(step.ms),
      `${Math.round((100 * step.ms) / profile.serverMs)} %`,
    ]),
    ['**server time in all**', ms(profile.serverMs), '100 %'],
    ['round trip seen by the client', ms(profile.clientMs), ''],
  ];
}

function statementsLine(http: HttpResult): string {
  const s = http.profile.statementsPerRequest;
  const n = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
  return `Steps of ${http.profiledRead}, signed in. Statements per request: ${n(s.session)} session, ${n(s.revision)} units revision, ${n(s.query)} of the route, ${n(s.other)} other (${http.profile.requests} requests one at a time)`;
}

export function printHttp(http: HttpResult, label: string): void {
  console.log(`\n=== ${label} — HTTP ===`);
  console.log(textTable(MAIN_HEADER, signedInVsRawRows(http)));
  console.log(`\n${textTable(HTTP_HEADER, httpRows(http))}`);
  console.log(`\n${textTable(PROFILE_HEADER, profileRows(http))}`);
  console.log(statementsLine(http));
}

/** The section of an `--only=http` run. */
export function httpMarkdown(
  http: HttpResult,
  run: { label: string; machine: Machine; command: string; records: string },
): string {
  const { machine } = run;
  return [
    `#### ${run.label}`,
    '',
    `\`${run.command}\`, run ${machine.date} on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average at start ${machine.loadAverage}; commit ${machine.commit}. National unit dataset with a tenth of the records (${run.records}).`,
    '',
    markdownTable(MAIN_HEADER, signedInVsRawRows(http)),
    '',
    markdownTable(HTTP_HEADER, httpRows(http)),
    '',
    markdownTable(PROFILE_HEADER, profileRows(http)),
    '',
    `${statementsLine(http)}.`,
  ].join('\n');
}

function datasetLine(dataset: NationalDataset): string {
  const current = dataset.unitsByKind.reduce((sum, row) => sum + row.current, 0);
  const former = dataset.unitsByKind.reduce((sum, row) => sum + row.former, 0);
  const byKind = dataset.unitsByKind
    .map((row) => `${row.kind} ${row.current}${row.former ? `+${row.former} former` : ''}`)
    .join(', ');
  const events = dataset.eventsByKind.map((row) => `${row.count} ${row.kind}`).join(', ');
  return `${current + former} units (${current} current, ${former} former: ${byKind}); events: ${events}`;
}

function activitiesLine(report: TargetReport): string {
  const { activities: a } = report;
  const n = (value: number) => value.toLocaleString('en-US');
  return `${n(a.channels)} channels, ${n(a.posts)} posts, ${n(a.broadcasts)} broadcasts (01/07/2021–30/06/2026), generated in set-based SQL in ${(
    (a.timings.channelsMs + a.timings.activitiesMs + a.timings.indexesMs) / 1000
  ).toFixed(
    0,
  )} s (channels ${(a.timings.channelsMs / 1000).toFixed(1)} s, rows ${(a.timings.activitiesMs / 1000).toFixed(0)} s, indexes ${(a.timings.indexesMs / 1000).toFixed(0)} s)`;
}

function importLine(report: TargetReport): string {
  const i = report.activityImport;
  const memory = i.peakMemoryMiB
    .map((m) => `${m.peak.toFixed(0)} MiB (+${m.aboveStart.toFixed(0)} MiB over the start of the import)`)
    .join(', ');
  const inProcess =
    report.kind === 'pglite' ? '; PGlite runs inside the process, so its memory counts too' : '';
  return (
    `Records import: ${rps(i.rowsPerSecond)} rows/s through importActivities vs ${rps(i.rawRowsPerSecond)} rows/s raw; ` +
    `peak resident memory ${memory} (process RSS sampled every 50 ms, one value per run${inProcess}); ` +
    `XLSX of ${(i.fileBytes / 1024 ** 2).toFixed(1)} MiB built once in ${(i.buildMs / 1000).toFixed(1)} s, ${i.product.runs} run(s)`
  );
}

function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function markdownTable(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

function mismatches(report: TargetReport): string[] {
  return report.operations.filter((op) => op.mismatch).map((op) => `${op.name}: ${op.mismatch}`);
}

export function printReport(report: TargetReport): void {
  const { dataset } = report;
  console.log(`\n=== ${report.label} — results (${report.mode}) ===`);
  console.log(`Dataset: ${datasetLine(dataset)}`);
  console.log(
    `Generation: import ${ms(dataset.timings.importMs)} ms, history ${ms(dataset.timings.generateMs)} ms, users ${ms(dataset.timings.usersMs)} ms`,
  );
  console.log(`Records: ${activitiesLine(report)}`);
  console.log(`\n${textTable(MAIN_HEADER, mainRows(report))}`);
  console.log(importLine(report));
  console.log(
    `\nHTTP detail (${report.http.concurrency} keep-alive connections):\n${textTable(HTTP_HEADER, httpRows(report.http))}`,
  );
  console.log(`\n${textTable(PROFILE_HEADER, profileRows(report.http))}`);
  console.log(statementsLine(report.http));
  for (const line of mismatches(report)) console.log(`!! ${line}`);
}

export function markdownSection(report: TargetReport): string {
  const { machine, dataset } = report;
  const lines = [
    `### ${report.label}`,
    '',
    `Run ${machine.date} (${report.mode} run, ${Math.round(report.totalSeconds)} s in all) on ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAverage}; commit ${machine.commit}.`,
    '',
    `Dataset: ${datasetLine(dataset)}. Generated in ${ms(dataset.timings.importMs + dataset.timings.generateMs + dataset.timings.usersMs)} ms ` +
      `(of which the national import ${ms(dataset.timings.importMs)} ms, the first one of the run).`,
    '',
    `Records: ${activitiesLine(report)}.`,
    '',
    markdownTable(MAIN_HEADER, mainRows(report)),
    '',
    `${importLine(report)}.`,
    '',
    `HTTP detail, ${report.http.concurrency} keep-alive connections, ${report.http.reads[0]!.product.requestsPerRound} requests of each signed-in read and ` +
      `${report.http.bare.requestsPerRound} bare requests per round:`,
    '',
    markdownTable(HTTP_HEADER, httpRows(report.http)),
    '',
    markdownTable(PROFILE_HEADER, profileRows(report.http)),
    '',
    `${statementsLine(report.http)}.`,
  ];
  const problems = mismatches(report);
  if (problems.length) lines.push('', ...problems.map((line) => `- **Mismatch:** ${line}`));
  return lines.join('\n');
}

export function markers(kind: string): { start: string; end: string } {
  return { start: `<!-- bench:results:${kind}:start -->`, end: `<!-- bench:results:${kind}:end -->` };
}

/** Replaces the text between a database's markers; a file without them gets them appended. */
export function writeSection(file: string, kind: string, body: string): void {
  const { start, end } = markers(kind);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const block = `${start}\n${body}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
