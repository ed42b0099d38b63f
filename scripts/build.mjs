#!/usr/bin/env node
// `npm run build`: the web UI with Vite into dist/web (with .br and .gz copies, see vite.config.ts), the
// server and the CLI with esbuild into dist/server, then dist/build-stamp.json naming the sources built.
// `--if-stale` (what `npm start` runs first): build only when dist/ does not match the sources, so a
// second start on the same tree goes straight to the server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // vite.config.ts names its folders relative to the project
const ifStale = process.argv.includes('--if-stale');

const result = await runBuild(
  root,
  async () => {
    // Imported only when needed: a start on a fresh build should not pay for loading Vite and esbuild.
    const { build: viteBuild } = await import('vite');
    const { buildServer } = await import('./build-server.mjs');
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    await buildServer(root);
  },
  {
    ifStale,
    onBuild: (reason) => {
      if (ifStale) console.log(`Đang dựng giao diện và máy chủ (${reason})…`);
    },
  },
);
if (!result.built) console.log('Bản dựng trong dist/ khớp mã nguồn: không dựng lại.');
