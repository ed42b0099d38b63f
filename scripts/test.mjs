#!/usr/bin/env node
// `npm test`: the unit and integration tiers on PGlite, then the tier on PostgreSQL beside the browser
// tier. Ends with one line "tests: N passed, N failed, N skipped" summing every tier.
// The PostgreSQL tier runs beside the browser tier because neither keeps two cores busy alone: the
// scale-out test sleeps through cron minutes and job heartbeats for about 3 minutes of one worker, and
// the browser tier waits on pages. Its output is held back and printed whole when it ends, so the two
// logs do not interleave. TEST_TIERS_IN_TURN=1 runs the tiers one after the other.
// Outside CI a missing PostgreSQL server or Chromium skips that tier with a loud message; in CI
// (CI=true) a skipped tier is a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reportDir = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reportDir, { recursive: true, force: true });
fs.mkdirSync(reportDir, { recursive: true });
const extraArgs = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const timings = [];
const inTurn = process.env.TEST_TIERS_IN_TURN === '1';

function loud(message) {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n!! ${message}\n${bar}\n`);
}

/**
 * Runs one tier. With `logFile`, its output goes there instead of this terminal (printed by the caller
 * once the tier has ended); otherwise it is shown as it comes.
 */
function runVitest(name, configFile, env, logFile) {
  if (!logFile) console.log(`\n=== ${name} ===`);
  const report = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const startedAt = Date.now();
  const output = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const child = spawn(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      configFile,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', output, output], env: { ...process.env, ...env } },
  );
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (typeof output === 'number') fs.closeSync(output);
      if (fs.existsSync(report)) {
        const json = JSON.parse(fs.readFileSync(report, 'utf8'));
        totals.passed += json.numPassedTests;
        totals.failed += json.numFailedTests;
        totals.skipped += json.numPendingTests + json.numTodoTests;
        if (json.numTotalTests === 0) problems.push(`${name}: no test ran`);
      }
      if (code !== 0) problems.push(`${name}: exit code ${code ?? signal}`);
      timings.push(`${name}: ${Math.round((Date.now() - startedAt) / 1000)} s`);
      resolve();
    });
  });
}

/** Prints a tier's held-back output under its heading. */
function printLog(name, logFile) {
  console.log(`\n=== ${name} (run beside the browser tier; its whole output) ===`);
  process.stdout.write(fs.readFileSync(logFile, 'utf8'));
}

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    return error.message;
  }
}

// npm runs the scripts on the Node 22 of node_modules/.bin (package.json optionalDependencies), whatever
// Node runs npm itself: say which one the tests get.
console.log(`Loa Số tests on Node ${process.version} (${process.execPath})`);

const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const runStartedAt = Date.now();
await runVitest('unit+integration on PGlite', 'vitest.config.ts', { TEST_DB: 'pglite' });

const reachable = await postgresReachable(pgUrl);
let postgresTier = Promise.resolve();
const postgresName = 'unit+integration on PostgreSQL';
const postgresLog = path.join(reportDir, 'postgres-tier.log');
if (reachable === true) {
  const env = { TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl };
  if (inTurn) await runVitest(postgresName, 'vitest.config.ts', env);
  else {
    console.log(
      `\n=== ${postgresName}: started beside the browser tier, its output follows when it ends ===`,
    );
    postgresTier = runVitest(postgresName, 'vitest.config.ts', env, postgresLog).then(() =>
      printLog(postgresName, postgresLog),
    );
  }
} else {
  loud(
    `PostgreSQL tier SKIPPED: cannot reach ${pgUrl} (${reachable}). Start a server or set TEST_DATABASE_URL.`,
  );
  totals.skipped++;
  if (isCi) problems.push('PostgreSQL tier skipped in CI');
}

if (process.env.SKIP_E2E === '1' && !isCi) {
  loud('Browser tier SKIPPED on request (SKIP_E2E=1).');
} else if (fs.existsSync(chromium)) {
  console.log('\n=== build for the browser tier ===');
  // Builds only when dist/ does not match the sources (scripts/build-stamp.mjs).
  const build = spawnSync('npm', ['run', 'build', '--silent', '--', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) problems.push('build failed');
  else await runVitest('browser (Chromium)', 'vitest.e2e.config.ts', { CHROMIUM_PATH: chromium });
} else {
  loud(`Browser tier SKIPPED: no Chromium at ${chromium} (apt-get install chromium).`);
  totals.skipped++;
  if (isCi) problems.push('browser tier skipped in CI');
}
await postgresTier;

console.log(`\nTiers: ${timings.join('; ')}; all: ${Math.round((Date.now() - runStartedAt) / 1000)} s`);
if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length || totals.failed ? 1 : 0);
