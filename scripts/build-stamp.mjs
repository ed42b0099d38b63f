// Whether dist/ was built from the files now on disk, so that `npm start` builds only when it was not.
// The stamp is a SHA-256 over every build input (path and content), written by scripts/build.mjs after a
// successful build. Content, not modification times: a checkout or a copy that touches every file but
// changes none still starts at once, and an edit that keeps the mtime still rebuilds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What the web UI and the server bundle are made from (folders are read recursively). */
export const BUILD_INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vite.config.ts',
  'scripts/build.mjs',
  'scripts/build-server.mjs',
  'scripts/build-stamp.mjs',
];

/** What `npm start` needs from a build; a stamp without them is not a build. */
export const BUILD_OUTPUTS = ['dist/web/index.html', 'dist/server/main.mjs', 'dist/server/cli.mjs'];

export const STAMP_FILE = 'dist/build-stamp.json';

function listFiles(root, relative, into) {
  const absolute = path.join(root, relative);
  let stat;
  try {
    stat = fs.statSync(absolute);
  } catch {
    into.push({ relative, missing: true });
    return;
  }
  if (!stat.isDirectory()) {
    into.push({ relative, missing: false });
    return;
  }
  for (const entry of fs.readdirSync(absolute).sort())
    listFiles(root, path.posix.join(relative, entry), into);
}

export function inputsDigest(root, inputs = BUILD_INPUTS) {
  const files = [];
  for (const input of inputs) listFiles(root, input, files);
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(`${file.relative}\0`);
    hash.update(file.missing ? '(missing)' : fs.readFileSync(path.join(root, file.relative)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Fresh when the stamp names the inputs' current digest and every output is there; else why not. */
export function buildStatus(root, inputs = BUILD_INPUTS, outputs = BUILD_OUTPUTS) {
  const digest = inputsDigest(root, inputs);
  const stamp = readStamp(root);
  if (!stamp) return { fresh: false, digest, reason: 'chưa có bản dựng' };
  const missing = outputs.find((output) => !fs.existsSync(path.join(root, output)));
  if (missing) return { fresh: false, digest, reason: `thiếu ${missing}` };
  if (stamp.digest !== digest) return { fresh: false, digest, reason: 'mã nguồn đã thay đổi' };
  return { fresh: true, digest, reason: 'bản dựng khớp mã nguồn' };
}

export function writeStamp(root, digest) {
  const file = path.join(root, STAMP_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ digest, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * Runs `build` and stamps its result; with `ifStale`, only when dist/ does not match the sources. The old
 * stamp goes first, so a build that fails half-way is never taken for a fresh one, and the digest is the
 * one taken before building, so a file edited meanwhile makes the next start build again.
 */
export async function runBuild(root, build, options = {}) {
  const status = buildStatus(root, options.inputs, options.outputs);
  if (options.ifStale && status.fresh) return { built: false, reason: status.reason };
  options.onBuild?.(status.reason);
  fs.rmSync(path.join(root, STAMP_FILE), { force: true });
  await build();
  writeStamp(root, status.digest);
  return { built: true, reason: status.reason };
}
