#!/usr/bin/env node
// `npm run build`: the web UI with Vite into dist/web (with .br and .gz copies, see vite.config.ts), the
// server and the CLI with esbuild into dist/server, then dist/build-stamp.json naming the sources built.
// `--if-stale` (what `npm start` runs first): build only when dist/ does not match the sources, so a
// second start on the same tree goes straight to the server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.mjs';
import { buildStatus, removeStamp, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // vite.config.ts names its folders relative to the project
const status = buildStatus(root);
if (process.argv.includes('--if-stale')) {
  if (status.fresh) process.exit(0);
  console.log(`Đang dựng giao diện và máy chủ (${status.reason})…`);
}

removeStamp(root);
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
await buildServer(root);
// The digest taken before building: a file edited during the build makes the next start build again.
writeStamp(root, status.digest);
