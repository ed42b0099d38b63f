#!/usr/bin/env node
// `npm test`: the unit and integration tiers on PGlite, again on PostgreSQL, then the browser tier.
// Ends with one line "tests: N passed, N failed, N skipped" summing every tier.
// Outside CI a missing PostgreSQL server or Chromium skips that tier with a loud message; in CI
// (CI=true) a skipped tier is a failure.
import { spawnSync } from 'node:child_process';
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

function loud(message) {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n!! ${message}\n${bar}\n`);
}

function runVitest(name, configFile, env) {
  console.log(`\n=== ${name} ===`);
  const report = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const result = spawnSync(
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
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    if (json.numTotalTests === 0) problems.push(`${name}: no test ran`);
  }
  if (result.status !== 0) problems.push(`${name}: exit code ${result.status}`);
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

runVitest('unit+integration on PGlite', 'vitest.config.ts', { TEST_DB: 'pglite' });

const reachable = await postgresReachable(pgUrl);
if (reachable === true) {
  runVitest('unit+integration on PostgreSQL', 'vitest.config.ts', {
    TEST_DB: 'postgres',
    TEST_DATABASE_URL: pgUrl,
  });
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
  else runVitest('browser (Chromium)', 'vitest.e2e.config.ts', { CHROMIUM_PATH: chromium });
} else {
  loud(`Browser tier SKIPPED: no Chromium at ${chromium} (apt-get install chromium).`);
  totals.skipped++;
  if (isCi) problems.push('browser tier skipped in CI');
}

if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length || totals.failed ? 1 : 0);
