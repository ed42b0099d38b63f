import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, buildStatus, inputsDigest, runBuild } from '../scripts/build-stamp.mjs';

// `npm start` = `node scripts/build.mjs --if-stale && node dist/server/main.mjs`: these tests run the same
// decision on a small project in a temporary folder, with a build that writes its outputs and counts.
const INPUTS = ['src', 'package-lock.json'];
const OUTPUTS = ['dist/web/index.html', 'dist/server/main.mjs'];

describe('the build stamp behind npm start', () => {
  let root: string;
  let builds: number;
  const fakeBuild = async () => {
    builds++;
    for (const output of OUTPUTS) {
      fs.mkdirSync(path.dirname(path.join(root, output)), { recursive: true });
      fs.writeFileSync(path.join(root, output), `built ${builds}`);
    }
  };
  const start = () => runBuild(root, fakeBuild, { ifStale: true, inputs: INPUTS, outputs: OUTPUTS });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-stamp-'));
    builds = 0;
    write('src/server/main.ts', 'console.log(1);');
    write('src/web/main.tsx', 'export {};');
    write('package-lock.json', '{"lockfileVersion":3}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds on the first start, then a second start on the same tree skips the build', async () => {
    expect(await start()).toEqual({ built: true, reason: 'chưa có bản dựng' });
    expect(await start()).toEqual({ built: false, reason: 'bản dựng khớp mã nguồn' });
    expect(builds).toBe(1);
  });

  it('builds again when a source file changes, is added or is removed, or the lockfile changes', async () => {
    await start();
    write('src/server/main.ts', 'console.log(2);');
    expect(await start()).toMatchObject({ built: true, reason: 'mã nguồn đã thay đổi' });
    write('src/shared/new.ts', 'export const x = 1;');
    expect((await start()).built).toBe(true);
    fs.rmSync(path.join(root, 'src/shared/new.ts'));
    expect((await start()).built).toBe(true);
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect((await start()).built).toBe(true);
    expect(await start()).toMatchObject({ built: false });
    expect(builds).toBe(5);
  });

  it('builds again when an output is gone, and skips for a touched but unchanged file', async () => {
    await start();
    fs.rmSync(path.join(root, 'dist/server/main.mjs'));
    expect(await start()).toEqual({ built: true, reason: 'thiếu dist/server/main.mjs' });
    const file = path.join(root, 'src/web/main.tsx');
    fs.utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect((await start()).built).toBe(false);
  });

  it('a build that fails half-way leaves no stamp, so the next start builds again', async () => {
    await start();
    write('src/server/main.ts', 'broken(');
    const failing = runBuild(
      root,
      async () => {
        throw new Error('syntax error');
      },
      { ifStale: true, inputs: INPUTS, outputs: OUTPUTS },
    );
    await expect(failing).rejects.toThrow('syntax error');
    expect(buildStatus(root, INPUTS, OUTPUTS)).toMatchObject({ fresh: false, reason: 'chưa có bản dựng' });
    expect((await start()).built).toBe(true);
  });

  it('npm run build (without --if-stale) always builds', async () => {
    await start();
    expect((await runBuild(root, fakeBuild, { inputs: INPUTS, outputs: OUTPUTS })).built).toBe(true);
    expect(builds).toBe(2);
  });

  it('the real inputs cover every source folder and the lockfile, and npm start checks before serving', () => {
    const project = path.resolve(import.meta.dirname, '..');
    expect(BUILD_INPUTS).toEqual(expect.arrayContaining(['src', 'package-lock.json', 'vite.config.ts']));
    expect(inputsDigest(project)).toMatch(/^[0-9a-f]{64}$/);
    const scripts = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).scripts;
    expect(scripts.start).toBe('node scripts/build.mjs --if-stale && node dist/server/main.mjs');
  });
});
