#!/usr/bin/env node
// Times `npm start` to its first answers and weighs the first page load; the figures of docs/runtime.md.
//
//   node scripts/measure-start.mjs [--data-dir DIR] [--port N] [--no-page]
//
// Starts `npm start` in its own process group, polls /api/health every 50 ms and prints the seconds to
// the first answer of /api/health and of /; then, unless --no-page, opens / in Debian's Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium) and sums the bytes that crossed the wire for every
// response of the first page load (DevTools' "transferred": headers + body as sent, so compressed
// bodies count compressed), then fetches the same files again as a browser would over plain HTTP (gzip
// only: browsers ask for br over HTTPS and from localhost) and uncompressed, and prints the three body
// totals. Stops the server (its whole process group) before exiting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const port = Number(option('--port', '3917'));
const dataDir = option('--data-dir', fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-measure-')));
const base = `http://127.0.0.1:${port}`;

const started = performance.now();
const server = spawn('npm', ['start'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
});
let output = '';
server.stdout.on('data', (chunk) => {
  output += chunk;
});
server.stderr.on('data', (chunk) => {
  output += chunk;
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

async function firstAnswer(url) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start ended (${server.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer from ${url} within 300 s:\n${output}`);
}

/** Bytes of a response body as sent (no decompression), asking for one encoding. */
function bodyBytes(url, encoding) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
        });
        response.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

const health = await firstAnswer(`${base}/api/health`);
const page = await firstAnswer(`${base}/`);
console.log(`first answer: /api/health ${health.toFixed(2)} s, / ${page.toFixed(2)} s`);

if (!args.includes('--no-page')) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    const urls = new Map();
    let transferred = 0;
    let count = 0;
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response));
    cdp.on('Network.loadingFinished', (event) => {
      transferred += event.encodedDataLength;
      count++;
      const response = urls.get(event.requestId);
      if (process.env.MEASURE_VERBOSE)
        console.log(
          `  ${event.encodedDataLength.toString().padStart(8)}  ${response?.headers['content-encoding'] ?? '-'}  ${response?.url}`,
        );
    });
    await tab.goto(base, { waitUntil: 'networkidle' });
    console.log(`first page load: ${count} responses, ${(transferred / 1024).toFixed(1)} KiB transferred`);
    const files = [...urls.values()].map((response) => response.url).filter((url) => !url.includes('/api/'));
    const totals = [];
    for (const encoding of ['br', 'gzip', 'identity']) {
      let bytes = 0;
      for (const url of files) bytes += await bodyBytes(url, encoding);
      totals.push(`${encoding} ${(bytes / 1024).toFixed(1)} KiB`);
    }
    console.log(`bodies of its ${files.length} static files: ${totals.join(', ')}`);
  } finally {
    await browser.close();
  }
}
stop();
process.exit(0);
