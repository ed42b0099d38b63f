import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../src/server/config';
import type { JobEngine } from '../src/server/jobs/engine';
import { runJobLogged } from '../src/server/logging/job-run';
import { createLogger, fastifyLogOptions, REDACTED } from '../src/server/logging/options';
import { registerOperations } from '../src/server/metrics/plugin';

/** A log destination that keeps every JSON line. */
function captureLines() {
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw += String(chunk);
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines, raw: () => raw };
}

const SECRETS = {
  cookie: 'loaso_session=session-secret-value',
  authorization: 'Bearer bearer-secret-value',
  csrf: 'csrf-secret-value',
  password: 'Password-Secret-123',
};

describe('request logs', () => {
  const log = captureLines();
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = testConfig({ logLevel: 'info' });
    app = Fastify({ ...fastifyLogOptions(config, log.stream) });
    // What the auth plugin does for a signed-in request, reduced to a header for the test.
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const user = request.headers['x-test-user'];
      if (typeof user === 'string') request.principal = { userId: user, username: 'u', grants: [] };
    });
    registerOperations(app, { config, jobs: { boss: null } as unknown as JobEngine });
    app.post('/api/careless', async (request) => {
      // A handler that logs far too much: the logger still keeps the secrets out.
      request.log.info(
        { req: { headers: request.headers }, headers: request.headers, body: request.body },
        'careless',
      );
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('are JSON lines with level, ISO time, request id, and the signed-in user on completion', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/careless',
      headers: { 'x-test-user': 'user-42' },
      payload: { title: 'x' },
    });
    const reqId = response.headers['x-request-id'];
    const mine = log.lines.filter((line) => line.reqId === reqId);
    expect(mine.map((line) => line.msg)).toEqual(['incoming request', 'careless', 'request completed']);
    const done = mine.at(-1)!;
    expect(done).toMatchObject({ level: 'info', userId: 'user-42', role: 'all', res: { statusCode: 200 } });
    expect(typeof done.responseTime).toBe('number');
    expect(String(done.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // No user before sign-in is known, and none on an anonymous request.
    expect(mine[0]!.userId).toBeUndefined();
    await app.inject({ method: 'POST', url: '/api/careless', payload: {} });
    expect(log.lines.at(-1)).not.toHaveProperty('userId');
  });

  it('never contain cookies, authorization, the CSRF token or passwords', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/careless',
      headers: { cookie: SECRETS.cookie, authorization: SECRETS.authorization, 'x-csrf-token': SECRETS.csrf },
      payload: { username: 'admin', password: SECRETS.password, nested: { newPassword: SECRETS.password } },
    });
    const text = log.raw();
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret.split(/[= ]/).at(-1));
    const careless = log.lines.filter((line) => line.msg === 'careless').at(-1)!;
    expect(careless).toMatchObject({
      headers: { cookie: REDACTED, authorization: REDACTED, 'x-csrf-token': REDACTED },
      body: { username: 'admin', password: REDACTED, nested: { newPassword: REDACTED } },
    });
    // Fastify's request serializer keeps method, URL and addresses: no header at all.
    expect(careless.req).toEqual({});
    const incoming = log.lines.filter((line) => line.msg === 'incoming request').at(-1)!;
    expect(incoming.req).toMatchObject({ method: 'POST', url: '/api/careless' });
    expect(incoming.req).not.toHaveProperty('headers');
  });
});

describe('process logs', () => {
  it('keep the configuration’s secrets out', () => {
    const log = captureLines();
    const logger = createLogger({ logLevel: 'info', role: 'worker' }, log.stream);
    const config = loadConfig({
      DATABASE_URL: 'postgres://loaso:db-secret@127.0.0.1:5432/loaso',
      SMTP_URL: 'smtps://mailer:smtp-secret@mail.example.vn:465',
      MAIL_FROM: 'loaso@example.vn',
      METRICS_TOKEN: 'metrics-secret-0123456789abcdef',
    });
    logger.info({ config }, 'settings');
    logger.error({ err: Object.assign(new Error('login failed'), { password: 'err-secret' }) }, 'oops');
    const text = log.raw();
    for (const secret of ['db-secret', 'smtp-secret', 'metrics-secret', 'err-secret'])
      expect(text).not.toContain(secret);
    expect(log.lines[0]).toMatchObject({
      level: 'info',
      role: 'worker',
      config: { port: 3000, role: 'all' },
    });
  });

  it('tell each job’s start, end and failure with its queue and id', async () => {
    const log = captureLines();
    const logger = createLogger({ logLevel: 'info', role: 'worker' }, log.stream);
    let clock = 1000;
    const tick = () => (clock += 250);
    await runJobLogged(
      logger,
      { queue: 'reminders.deadlines', id: 'job-1', retryCount: 0 },
      async () => 'done',
      tick,
    );
    await expect(
      runJobLogged(
        logger,
        { queue: 'backups.scheduled', id: 'job-2', retryCount: 2 },
        () => Promise.reject(new Error('disk full')),
        tick,
      ),
    ).rejects.toThrow('disk full');
    expect(log.lines.map((l) => [l.msg, l.queue, l.jobId, l.attempt])).toEqual([
      ['job started', 'reminders.deadlines', 'job-1', 1],
      ['job done', 'reminders.deadlines', 'job-1', 1],
      ['job started', 'backups.scheduled', 'job-2', 3],
      ['job failed', 'backups.scheduled', 'job-2', 3],
    ]);
    expect(log.lines[1]).toMatchObject({ level: 'info', durationMs: 250, result: 'done' });
    expect(log.lines[3]).toMatchObject({ level: 'error', durationMs: 250, err: { message: 'disk full' } });
  });
});
