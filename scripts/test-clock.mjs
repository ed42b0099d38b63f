#!/usr/bin/env node
// `npm run test:clock -- 2026-12-31 [--time 23:30] [--browser] [--postgres] [--no-pglite] [files…]`: the unit and
// integration tier (PGlite, one worker) with the machine's clock moved to that day in Vietnam, to
// prove that the tests and the product do not depend on the day they run (31/12, 01/01, ISO week 53).
//
// The clock is moved by Debian's libfaketime (`apt-get install faketime`) as a fixed offset from the
// real time, so it keeps ticking and every child process (vitest workers, the built server of the
// browser tier, Chromium) sees the same moved clock. PGlite runs inside Node, so its now() follows.
// A PostgreSQL server is another process with its own clock: `--postgres` runs that tier too, on a
// private server started for the run under the same moved clock (scripts/faked-postgres.mjs), so that
// now() and current_date in SQL agree with the application's clock.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startFakedPostgres } from './faked-postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const usage =
  'usage: npm run test:clock -- <yyyy-MM-dd> [--time HH:mm] [--browser] [--postgres] [test files…]';

const args = process.argv.slice(2);
const day = args.shift();
if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error(usage);
  process.exit(2);
}
let time = '09:00';
let browser = false;
let postgres = false;
let pglite = true;
const files = [];
while (args.length) {
  const arg = args.shift();
  if (arg === '--time') time = args.shift() ?? '';
  else if (arg === '--browser') browser = true;
  else if (arg === '--postgres') postgres = true;
  else if (arg === '--no-pglite') pglite = false;
  else files.push(arg);
}
if (!/^\d{2}:\d{2}$/.test(time)) {
  console.error(`--time must be HH:mm (Vietnam time). ${usage}`);
  process.exit(2);
}

const target = new Date(`${day}T${time}:00+07:00`);
if (Number.isNaN(target.getTime())) {
  console.error(`Not a day: ${day}`);
  process.exit(2);
}
// A relative offset in seconds ("+N"): the same moved clock in every process, started at any time.
const offsetSeconds = Math.round((target.getTime() - Date.now()) / 1000);
const fakeTime = `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`;

function underFakeClock(command, commandArgs, env = {}) {
  return spawnSync('faketime', ['-f', fakeTime, command, ...commandArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
}

// The clock as a child process sees it: proves libfaketime is there and took effect.
const probe = spawnSync(
  'faketime',
  ['-f', fakeTime, process.execPath, '-e', 'process.stdout.write(new Date().toISOString())'],
  { encoding: 'utf8' },
);
if (probe.error || probe.status !== 0) {
  console.error(
    `libfaketime is missing (${probe.error?.message ?? probe.stderr}). Install it: apt-get install -y faketime`,
  );
  process.exit(2);
}
const seen = new Date(probe.stdout);
if (Math.abs(seen.getTime() - target.getTime()) > 120_000) {
  console.error(
    `The faked clock reads ${probe.stdout}, not ${target.toISOString()}: libfaketime did not work.`,
  );
  process.exit(2);
}
console.log(
  `\n=== clock moved to ${day} ${time} in Vietnam (${seen.toISOString()}, offset ${fakeTime} s) ===`,
);

const problems = [];
const vitest = (name, config, env, extra, only) => {
  console.log(`\n=== ${name} on ${day} ===`);
  const result = underFakeClock('npx', ['vitest', 'run', '--config', config, ...extra, ...only], env);
  if (result.status !== 0) problems.push(`${name}: exit code ${result.status}`);
};

// Files named on the command line go to their tier; none named: the whole tier.
const browserFiles = files.filter((file) => file.includes('.e2e.'));
const unitFiles = files.filter((file) => !file.includes('.e2e.'));
if (unitFiles.length || !browserFiles.length) {
  if (pglite)
    vitest(
      'unit+integration on PGlite',
      'vitest.config.ts',
      { TEST_DB: 'pglite' },
      ['--maxWorkers=1'],
      unitFiles,
    );
  if (postgres) {
    const server = startFakedPostgres(fakeTime);
    console.log(`\n=== private PostgreSQL server under the moved clock: ${server.url} ===`);
    try {
      vitest(
        'unit+integration on PostgreSQL',
        'vitest.config.ts',
        { TEST_DB: 'postgres', TEST_DATABASE_URL: server.url },
        ['--maxWorkers=1'],
        unitFiles,
      );
    } finally {
      server.stop();
    }
  }
}
if (browser || browserFiles.length) {
  console.log('\n=== build for the browser tier ===');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) problems.push('build failed');
  else
    vitest(
      'browser (Chromium)',
      'vitest.e2e.config.ts',
      // The browser's pages get the moved clock from the test (e2e/support/browser.ts).
      { CHROMIUM_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium', LOASO_MOVED_CLOCK: '1' },
      [],
      browserFiles,
    );
}

if (problems.length) console.log(`\nProblems on ${day}:\n- ${problems.join('\n- ')}`);
else console.log(`\nAll tiers passed with the clock on ${day} ${time} (Vietnam).`);
process.exit(problems.length ? 1 : 0);
