import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';

const root = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Every environment variable src/server/config.ts reads: `env.X`, `env['X']`, and names passed as 'X'. */
function variablesReadByConfig(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of [
    /\benv\.([A-Z][A-Z0-9_]*)\b/g,
    /\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g,
    /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'/g,
  ]) {
    for (const match of source.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

/** The variables of the "Configuration reference" table of docs/operations.md (first column). */
function documentedVariables(doc: string): Set<string> {
  const start = doc.indexOf('## Configuration reference');
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end);
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const cell = /^\| `([A-Z][A-Z0-9_]*)` \|/.exec(line);
    if (cell) names.add(cell[1]!);
  }
  return names;
}

/** KEY=value lines of an env file, comments and blank lines left out, quotes removed. */
function envFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return env;
}

describe('docs/operations.md', () => {
  const read_ = variablesReadByConfig(read('src/server/config.ts'));
  const documented = documentedVariables(read('docs/operations.md'));

  it('finds the settings config.ts reads (the extraction itself works)', () => {
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'WEB_DIR',
      'SMTP_PASSWORD',
      'METRICS_TOKEN',
      'BACKUP_KEEP_WEEKLY',
    ])
      expect(read_).toContain(name);
    expect(read_.size).toBeGreaterThanOrEqual(30);
  });

  it('documents every setting config.ts reads, in its configuration reference', () => {
    const missing = [...read_].filter((name) => !documented.has(name)).sort();
    expect(missing, 'add these to the table of docs/operations.md, "Configuration reference"').toEqual([]);
  });

  it('documents no setting config.ts does not read', () => {
    expect([...documented].filter((name) => !read_.has(name)).sort()).toEqual([]);
  });
});

describe('deploy/', () => {
  const known = variablesReadByConfig(read('src/server/config.ts'));

  it('the example settings are valid and use known variables only', () => {
    const env = envFile(read('deploy/loaso.env.example'));
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    const config = loadConfig({ ...env, METRICS_PORT: '9464' }, '/opt/loaso/current');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      trustProxy: true,
      cookieSecure: true,
      seedDemo: false,
      dataDir: '/var/lib/loaso/data',
      backup: { dir: '/var/backups/loaso', keepDaily: 7, keepWeekly: 4 },
      metrics: { host: '127.0.0.1', port: 9464, token: null },
    });
  });

  const HARDENING = [
    'NoNewPrivileges=yes',
    'CapabilityBoundingSet=',
    'ProtectSystem=strict',
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'PrivateDevices=yes',
    'ProtectKernelTunables=yes',
    'ProtectKernelModules=yes',
    'ProtectControlGroups=yes',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX',
    'RestrictNamespaces=yes',
    'RestrictSUIDSGID=yes',
    'LockPersonality=yes',
    'SystemCallFilter=@system-service',
    'User=loaso',
    'EnvironmentFile=/etc/loaso/loaso.env',
    'ExecStart=/opt/loaso/current/node_modules/.bin/node dist/server/main.mjs',
  ];

  it.each([
    ['loaso-web.service', 'web', '9464', '/var/lib/loaso'],
    ['loaso-worker.service', 'worker', '9465', '/var/lib/loaso /var/backups/loaso'],
  ])('%s runs its role, hardened, with its own metrics port', (file, role, port, writable) => {
    const unit = read(`deploy/systemd/${file}`);
    const lines = unit.split('\n');
    for (const option of HARDENING) expect(lines).toContain(option);
    expect(lines).toContain(`Environment=ROLE=${role}`);
    expect(lines).toContain(`Environment=METRICS_PORT=${port}`);
    expect(lines).toContain(`ReadWritePaths=${writable}`);
    // The unit's own settings are settings config.ts knows.
    for (const match of unit.matchAll(/^Environment=([A-Z_]+)=/gm))
      if (match[1] !== 'HOME') expect(known).toContain(match[1]);
    // V8's JIT needs writable-then-executable memory.
    expect(lines).not.toContain('MemoryDenyWriteExecute=yes');
  });

  it('the reverse proxies keep /metrics private and set the client address themselves', () => {
    const nginx = read('deploy/nginx/loaso.conf');
    expect(nginx).toContain('location = /metrics { return 404; }');
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(nginx).toContain('Strict-Transport-Security');
    expect(read('deploy/caddy/Caddyfile')).toContain('respond /metrics 404');
  });
});
