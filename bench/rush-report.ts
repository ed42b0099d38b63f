import { formatVnDate } from '../src/shared/dates';
import { KIND_LABELS, type KindResult, type RushResult } from './rush-load';

/** The deadline rush's figures, for the console and for docs/benchmarks.md and docs/reliability.md. */

const ms = (value: number) =>
  Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : Math.round(value).toString();

function statuses(byStatus: Record<string, number>): string {
  return Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n.toLocaleString('en-US')}`)
    .join(', ');
}

function non2xx(result: KindResult): number {
  return Object.entries(result.byStatus)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
}

function pace(result: RushResult): string {
  if (result.meanThinkSeconds)
    return `, each thinking ${result.meanThinkSeconds} s on average between requests`;
  return result.ratePerUser ? `, at most ${result.ratePerUser} request a second each` : ', back to back';
}

function paceDetail(result: RushResult): string {
  if (result.meanThinkSeconds)
    return `one keep-alive connection each (undici), own session and CSRF token; between an answer and the next request each user waits a think time drawn from an exponential distribution with a mean of ${result.meanThinkSeconds} s (capped at five means), bench/rush-pacer.ts; offered load had every answer been instant ${result.offeredPerSecond?.toFixed(0)} req/s`;
  return `one autocannon connection each, own session and CSRF token, ${result.ratePerUser ? `at most ${result.ratePerUser} request(s) a second per user (autocannon's connectionRate)` : 'no think time: the next request as soon as the last is answered'}`;
}

export function rushMarkdown(result: RushResult, command: string): string {
  const { machine } = result;
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  const holds = result.total.p99 < 500;
  // Warm-up answers count here too: an error is an error whenever it came.
  const errors =
    non2xx(result.total) +
    (result.warmup ? non2xx(result.warmup.result) : 0) +
    result.timeouts +
    result.connectionErrors;
  const lines = [
    `#### ${result.label}: ${result.users} users${pace(result)}, ${Math.round(result.seconds)} s`,
    '',
    `Run ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; commit ${machine.commit}. Load average (1, 5, 15 min) before the rush ${load(result.loadBefore)}, after it ${load(result.loadAfter)}: other processes shared the 2 cores. Command: \`${command}\`.`,
    '',
    `Users: ${Object.entries(result.roles)
      .map(([role, n]) => `${n} ${role}`)
      .join(
        ', ',
      )} (${paceDetail(result)}). Set-up (national dataset, ${result.dataset.records.toLocaleString('en-US')} records dated ${formatVnDate(result.dataset.from)}–${formatVnDate(result.dataset.to)}, users, report types) ${Math.round(result.setupSeconds)} s; ${result.users} log-ins ${result.loginSeconds.toFixed(1)} s.`,
    '',
    `**${result.total.requests.toLocaleString('en-US')} requests, ${result.requestsPerSecond.toFixed(1)} req/s; p50 ${ms(result.total.p50)} ms, p90 ${ms(result.total.p90)} ms, p99 ${ms(result.total.p99)} ms (target under 500 ms: ${holds ? 'held' : 'not held'}); ${errors} errors** (statuses ${statuses(result.total.byStatus)}; ${result.timeouts} timeouts, ${result.connectionErrors} connection errors).`,
    '',
    `Writes acknowledged / writes found: records ${result.records.acknowledged} / ${result.records.found} (${result.records.extraStored} stored without an acknowledgement, i.e. answered after the clock stopped); report submissions ${result.submissions.acknowledged} / ${result.submissions.found}; new report drafts and versions ${result.reportVersions.acknowledged} / ${result.reportVersions.found}.`,
    '',
    '| Request kind | Requests | Statuses | p50 ms | p90 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    ...result.kinds.map(
      (k) =>
        `| ${KIND_LABELS[k.kind]} | ${k.requests.toLocaleString('en-US')} | ${statuses(k.byStatus)} | ${ms(k.p50)} | ${ms(k.p90)} | ${ms(k.p99)} | ${ms(k.max)} |`,
    ),
    `| **All** | ${result.total.requests.toLocaleString('en-US')} | ${statuses(result.total.byStatus)} | ${ms(result.total.p50)} | ${ms(result.total.p90)} | ${ms(result.total.p99)} | ${ms(result.total.max)} |`,
  ];
  if (result.warmup) {
    const w = result.warmup.result;
    lines.push(
      '',
      `Warm-up before the measured window (${result.warmup.seconds} s, the same users, not in the figures above): ${w.requests.toLocaleString('en-US')} answers (statuses ${statuses(w.byStatus)}), p50 ${ms(w.p50)} ms, p99 ${ms(w.p99)} ms, max ${ms(w.max)} ms.`,
    );
  }
  if (result.slowest.length)
    lines.push(
      '',
      `The ${result.slowest.length} slowest answers (sent at, after the rush began; who; what): ${result.slowest
        .map(
          (a) =>
            `${ms(a.latencyMs)} ms at ${a.atSeconds.toFixed(1)} s, ${a.role}, \`${a.request.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').slice(0, 90)}\``,
        )
        .join('; ')}.`,
    );
  const firstErrors = Object.entries(result.firstErrors);
  if (firstErrors.length)
    lines.push(
      '',
      ...firstErrors.map(
        ([kind, error]) => `First answer other than 2xx, ${kind}: \`${error.replace(/`/g, "'")}\``,
      ),
    );
  return lines.join('\n');
}

export function printRush(result: RushResult, command: string): void {
  console.log(`\n${rushMarkdown(result, command)}\n`);
}
