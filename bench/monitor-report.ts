import type { MonitorBenchResult } from './monitor-operations';
import type { Machine } from './report';

/** The monitor benchmark's results: one block per database in docs/benchmarks.md, and the console. */

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const s = (seconds: number) => (seconds >= 100 ? seconds.toFixed(0) : seconds.toFixed(1));

export function monitorMarkdown(
  result: MonitorBenchResult,
  context: { label: string; machine: Machine; mode: string },
): string {
  const { monitor, plain, expected, classifier } = result;
  const { machine } = context;
  const same = (got: number, want: number) =>
    got === want ? `${n(got)} ✓` : `${n(got)} (expected ${n(want)})`;
  const states = Object.entries(monitor.itemStates)
    .map(([state, count]) => `${state} ${n(count)}`)
    .join(', ');
  return [
    `#### ${context.label}`,
    '',
    `Run ${machine.date} (${context.mode}) on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAverage}; commit ${machine.commit}.`,
    '',
    `${n(result.sites)} sites × ${expected.pages / result.sites} pages, ${result.concurrency} column + ${result.concurrency} banner checks at a time; set-up (units, channels, settings, ${n(result.sites * 2)} queued checks) ${s(result.setupSeconds)} s.`,
    '',
    '| Measure | Monitor (checkBanner + checkColumn) | Plain fetch (undici, same pages) | Ratio |',
    '|---|---|---|---|',
    `| Time for every site | ${s(monitor.seconds)} s | ${s(plain.seconds)} s | ${(monitor.seconds / plain.seconds).toFixed(1)}× |`,
    `| Pages | ${n(monitor.pages)} (+ ${n(monitor.requestsServed - monitor.pages)} other requests: robots.txt) | ${n(plain.pages)}${plain.failed ? `, ${n(plain.failed)} failed` : ''} | |`,
    `| Pages per second | ${monitor.pagesPerSecond.toFixed(0)} | ${plain.pagesPerSecond.toFixed(0)} | |`,
    `| Peak RSS of the process (sampled every 50 ms) | ${n(monitor.peakRssMiB)} MiB (${n(monitor.startRssMiB)} MiB at start) | ${n(plain.peakRssMiB)} MiB (${n(plain.startRssMiB)} MiB at start; run first) | |`,
    '',
    `Checks: ${n(monitor.checks.succeeded)} succeeded, ${n(monitor.checks.failed)} failed${monitor.checks.firstError ? ` (first: ${monitor.checks.firstError})` : ''}. ` +
      `Written: posts ${same(monitor.rows.posts, expected.posts)}, banner records ${same(monitor.rows.banners, expected.banners)} ` +
      `(verified ${same(monitor.rows.verifiedBanners, expected.verifiedBanners)}), monitor items ${same(monitor.rows.items, expected.items)} (${states}), ` +
      `snapshots ${n(monitor.rows.snapshots)}; pages fetched ${same(monitor.pages, expected.pages)}.`,
    '',
    `Classifier alone: ${n(classifier.itemsPerSecond)} items/s (${classifier.microsPerItem.toFixed(1)} µs per title + lead), over the ${n(classifier.items)} items of data/classifier ×${classifier.runs}.`,
  ].join('\n');
}

export function printMonitor(result: MonitorBenchResult, label: string): void {
  const { monitor, plain } = result;
  console.log(`\n=== Monitor: ${label} ===`);
  console.log(
    `${result.sites} sites, concurrency ${result.concurrency}+${result.concurrency}: monitor ${monitor.seconds.toFixed(1)} s, ${monitor.pages} pages, ${monitor.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${monitor.peakRssMiB} MiB (start ${monitor.startRssMiB})`,
  );
  console.log(
    `plain fetch ${plain.seconds.toFixed(1)} s, ${plain.pages} pages (${plain.failed} failed), ${plain.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${plain.peakRssMiB} MiB (start ${plain.startRssMiB}); ratio ${(monitor.seconds / plain.seconds).toFixed(1)}×`,
  );
  console.log(
    `checks ${monitor.checks.succeeded} ok / ${monitor.checks.failed} failed ${monitor.checks.firstError ?? ''}; rows ${JSON.stringify(monitor.rows)} states ${JSON.stringify(monitor.itemStates)}; expected ${JSON.stringify(result.expected)}`,
  );
  console.log(`classifier ${Math.round(result.classifier.itemsPerSecond)} items/s`);
}

/** True when the checks wrote exactly what the fixture sites hold. */
export function isMonitorComplete(result: MonitorBenchResult): boolean {
  const { monitor, expected } = result;
  return (
    monitor.checks.failed === 0 &&
    monitor.pages === expected.pages &&
    monitor.rows.posts === expected.posts &&
    monitor.rows.banners === expected.banners &&
    monitor.rows.items === expected.items
  );
}
