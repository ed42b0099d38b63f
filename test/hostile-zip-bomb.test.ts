import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/shared/errors';
import { TEST_DB } from './support/test-env';
import { repeatedRows, withDeclaredSheetSize, xlsxWithSheet } from './support/zip-bombs';

/**
 * The server as it runs in production, in its own process, so that its memory can be read: ten
 * officers upload zip bombs at once (valid XLSX files of a few MB whose sheet expands to 256 MB; half
 * of them lie about that size), while /api/health is asked every 100 ms. Before the limits one such
 * upload took over a gigabyte and six killed the process.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const OFFICERS = ['canbo.dakrve', 'canbo.konbraih', 'canbo.dakmil', 'lanhdao.dakrve', 'sokhcn.quangngai'];
const PASSWORD = 'LoaSo@2026';
const GIB_KB = 1024 * 1024;

/** Peak resident memory of a process so far (VmHWM), in kB. */
function peakRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
}

interface Session {
  cookie: string;
  csrfToken: string;
}

describe.skipIf(TEST_DB !== 'pglite' || process.platform !== 'linux')(
  'zip bombs against the running server',
  () => {
    let child: ChildProcess;
    let printed = '';
    let url = '';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-bomb-'));

    beforeAll(async () => {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          ROLE: 'web',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'true',
          WEB_DIR: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
      });
      const deadline = Date.now() + 110_000;
      while (!url) {
        const port = /Loa Số đang chạy: http:\/\/localhost:(\d+)/.exec(printed)?.[1];
        if (port) url = `http://127.0.0.1:${port}`;
        else if (child.exitCode !== null) throw new Error(`The server exited:\n${printed}`);
        else if (Date.now() > deadline) throw new Error(`The server did not start:\n${printed}`);
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    async function logIn(username: string): Promise<Session> {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie, csrfToken };
    }

    it('survives ten concurrent bomb uploads under 1 GB, answering /api/health within a second', async () => {
      const honest = await xlsxWithSheet(repeatedRows(256 * 1024 * 1024));
      // Declares 4 MB: small enough for the checks made before inflating, stopped while inflating.
      const lying = withDeclaredSheetSize(honest, 4 * 1024 * 1024);
      expect(honest.length).toBeLessThan(2 * 1024 * 1024);
      const sessions = await Promise.all(OFFICERS.map(logIn));

      const healthTimes: number[] = [];
      let polling = true;
      const poller = (async () => {
        while (polling) {
          const started = performance.now();
          const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
          await response.arrayBuffer();
          healthTimes.push(performance.now() - started);
          expect(response.status).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();

      const uploads = Array.from({ length: 10 }, async (_, i) => {
        const session = sessions[i % sessions.length]!;
        const response = await fetch(`${url}/api/activity-files/import?kind=post&fileName=bom.xlsx`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/octet-stream',
          },
          body: new Uint8Array(i % 2 === 0 ? honest : lying),
        });
        return { status: response.status, body: (await response.json()) as ErrorBody };
      });
      const answers = await Promise.all(uploads);
      // A few more health checks after the storm.
      await new Promise((resolve) => setTimeout(resolve, 500));
      polling = false;
      await poller;

      expect(child.exitCode, printed).toBeNull();
      for (const answer of answers) expect([413, 429], JSON.stringify(answer)).toContain(answer.status);
      const refused = answers.filter((answer) => answer.status === 413);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.body.message).toMatch(/Tệp XLSX quá lớn khi giải nén/);
      for (const busy of answers.filter((answer) => answer.status === 429))
        expect(busy.body.message).toMatch(/lượt nhập/);

      expect(healthTimes.length).toBeGreaterThan(3);
      expect(
        Math.max(...healthTimes),
        `health answered in ${healthTimes.map(Math.round).join(', ')} ms`,
      ).toBeLessThan(1_000);
      expect(peakRssKb(child.pid!)).toBeLessThan(GIB_KB);
    });

    it('refuses a bomb that lies about its size while inflating it, with the reason', async () => {
      const lying = withDeclaredSheetSize(
        await xlsxWithSheet(repeatedRows(64 * 1024 * 1024)),
        4 * 1024 * 1024,
      );
      const session = await logIn('canbo.dakmil');
      const response = await fetch(`${url}/api/activity-files/import?kind=post&fileName=bom.xlsx`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/octet-stream',
        },
        body: new Uint8Array(lying),
      });
      const body = (await response.json()) as ErrorBody;
      expect(response.status).toBe(413);
      expect(body.message).toMatch(/kích thước khai báo/);
      expect(peakRssKb(child.pid!)).toBeLessThan(GIB_KB);
    });
  },
);
