// Bundles the server and the CLI into dist/server with esbuild; dependencies stay in node_modules.
// The unit tiers bundle the server alone into a folder of their own (test/support/global-setup.ts):
// a child process started from the bundle costs about 4 s of CPU less than one started through tsx.
import path from 'node:path';
import { build } from 'esbuild';

export async function buildServer(
  root,
  {
    outdir = path.join(root, 'dist/server'),
    entryPoints = { main: 'src/server/main.ts', cli: 'src/server/cli/main.ts' },
  } = {},
) {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
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
