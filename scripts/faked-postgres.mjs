// A private PostgreSQL server for `npm run test:clock -- … --postgres`, started under the same moved
// clock as the tests (libfaketime), so that the server's now() and current_date agree with the
// application's clock. The machine's own server keeps the real time, and a clock that differs
// between the application and its database by weeks is not a situation the product has to survive:
// running against it would only test the test set-up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's libfaketime (package faketime), preloaded into the server. */
const LIBFAKETIME =
  [
    '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
    '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  ].find((file) => fs.existsSync(file)) ?? 'libfaketime.so.1';

function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((name) => fs.existsSync(path.join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/**
 * initdb and the server refuse to run as root: as root, run them as the `postgres` user. `detached`:
 * the server started by pg_ctl inherits the standard streams, so they must not be pipes this process
 * waits on (spawnSync would wait for the server to exit).
 */
function run(command, args, { detached = false } = {}) {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, fileArgs, { encoding: 'utf8', stdio: detached ? 'ignore' : 'pipe' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? ''}${result.stderr}`);
  return result.stdout;
}

/** Starts the server; returns its URL and the function that stops it and removes its files. */
export function startFakedPostgres(fakeTime) {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-clock-pg-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  run(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  // libfaketime preloaded directly rather than through the `faketime` wrapper, which stays and waits
  // for the server it started; -W because pg_ctl's own wait can hang under the moved clock: poll instead.
  run(
    'env',
    [
      `LD_PRELOAD=${LIBFAKETIME}`,
      `FAKETIME=${fakeTime}`,
      path.join(bin, 'pg_ctl'),
      '-D',
      dataDir,
      '-o',
      options,
      '-l',
      path.join(dir, 'server.log'),
      '-W',
      'start',
    ],
    { detached: true },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) break;
    if (Date.now() > deadline) {
      const logFile = path.join(dir, 'server.log');
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      throw new Error(`the private PostgreSQL server did not start within 60 s:\n${log}`);
    }
    spawnSync('sleep', ['0.3']);
  }
  const stop = () => {
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { detached: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
