// Bundles the server and the CLI into dist/server with esbuild; dependencies stay in node_modules.
import path from 'node:path';
import { build } from 'esbuild';

export async function buildServer(root) {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', cli: 'src/server/cli/main.ts' },
    outdir: path.join(root, 'dist/server'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
