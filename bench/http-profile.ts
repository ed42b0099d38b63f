import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/server/db/client';
import { driverClientOf } from './targets';

/**
 * Where a signed-in request spends its time, for the HTTP bench: the bench's own Fastify hooks (added
 * after every hook of the app, so each marks the end of its stage) read reply.elapsedTime, and a
 * wrapper around the driver's query() times each statement by what it is. Only the profiling pass
 * records (requests one at a time, so that no time is spent waiting for another request); the timed
 * rounds run with the recorder off, and the wrapper is removed afterwards.
 */

export interface ProfileStep {
  name: string;
  /** Mean per request. */
  ms: number;
}

export interface SignedInProfile {
  requests: number;
  /** Mean time the server held a request, from its arrival to the end of the response. */
  serverMs: number;
  /** Mean round trip seen by the client (the server's time plus the loopback and the client). */
  clientMs: number;
  steps: ProfileStep[];
  /** Statements per request by kind, to see what the SQL of a request is. */
  statementsPerRequest: Record<StatementKind, number>;
}

export type StatementKind = 'session' | 'revision' | 'query' | 'other';

/**
 * What a statement is, from its text (the app's statements are fixed texts): the session, the units
 * revision, the whole unit graph (only after a start or a change to the units; counted as other), or
 * one of the route's own statements, the SQL the read needs.
 */
export function statementKindOf(text: string): StatementKind {
  if (/from sessions s\s+join users/i.test(text)) return 'session';
  if (/^\s*select revision from data_revisions/i.test(text)) return 'revision';
  if (/json_agg\(json_build_array/i.test(text)) return 'other';
  return 'query';
}

/** The text of a driver call's arguments: query(text, …) or query({ text, … }). */
export function statementTextOf(args: unknown[]): string {
  const first = args[0];
  return typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '');
}

interface Marks {
  onRequest: number;
  preHandler: number;
  preSerialization: number;
  onSend: number;
}

export interface Profiler {
  /** Records the requests made until stop(). */
  start(): void;
  stop(clientMs: number[]): SignedInProfile;
  /** Puts the driver's query() back. */
  remove(): void;
}

/** Call before the app listens: Fastify fixes each route's hooks when it gets ready. */
export function installProfiler(app: FastifyInstance, database: Database): Profiler {
  let isOn = false;
  const sqlMs: Record<StatementKind, number> = { session: 0, revision: 0, query: 0, other: 0 };
  const sqlCount: Record<StatementKind, number> = { session: 0, revision: 0, query: 0, other: 0 };
  const marks: Marks[] = [];
  const served: number[] = [];
  const current = new WeakMap<object, Partial<Marks>>();

  const client = driverClientOf(database);
  const original = client.query;
  client.query = async function (this: unknown, ...args: unknown[]) {
    if (!isOn) return original.apply(client, args);
    const kind = statementKindOf(statementTextOf(args));
    const started = performance.now();
    try {
      return await original.apply(client, args);
    } finally {
      sqlMs[kind] += performance.now() - started;
      sqlCount[kind]++;
    }
  };

  const mark = (stage: keyof Marks) => async (request: object, reply: { elapsedTime: number }) => {
    if (!isOn) return;
    const entry = current.get(request) ?? {};
    entry[stage] = reply.elapsedTime;
    current.set(request, entry);
  };
  app.addHook('onRequest', mark('onRequest'));
  app.addHook('preHandler', mark('preHandler'));
  app.addHook('preSerialization', async (request, reply, payload) => {
    await mark('preSerialization')(request, reply);
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    await mark('onSend')(request, reply);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!isOn) return;
    const entry = current.get(request);
    if (entry?.onRequest === undefined || entry.onSend === undefined) return;
    marks.push(entry as Marks);
    served.push(reply.elapsedTime);
  });

  return {
    start() {
      for (const kind of Object.keys(sqlMs) as StatementKind[]) {
        sqlMs[kind] = 0;
        sqlCount[kind] = 0;
      }
      marks.length = 0;
      served.length = 0;
      isOn = true;
    },
    stop(clientMs) {
      isOn = false;
      const n = marks.length;
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
      const per = (total: number) => total / Math.max(1, n);
      const onRequest = mean(marks.map((m) => m.onRequest));
      const validation = mean(marks.map((m) => m.preHandler - m.onRequest));
      const handler = mean(marks.map((m) => m.preSerialization - m.preHandler));
      const serialise = mean(marks.map((m) => m.onSend - m.preSerialization));
      const serverMs = mean(served);
      const handlerSql = per(sqlMs.revision + sqlMs.query + sqlMs.other);
      return {
        requests: n,
        serverMs,
        clientMs: mean(clientMs),
        steps: [
          { name: 'session lookup with user and grants (one statement)', ms: per(sqlMs.session) },
          {
            name: 'rest of the onRequest hooks (cookie, token hash, request id)',
            ms: onRequest - per(sqlMs.session),
          },
          { name: 'validation (safe-input, sign-in check, params and query schemas)', ms: validation },
          { name: 'units revision checks (unit graph)', ms: per(sqlMs.revision) },
          { name: "the route's own statements (driver round trips)", ms: per(sqlMs.query) },
          { name: 'other statements in the handler', ms: per(sqlMs.other) },
          {
            name: 'authorisation, scope filter and ordering in JS (handler minus its SQL)',
            ms: handler - handlerSql,
          },
          { name: 'response validation and serialisation (+ onSend hooks)', ms: serialise },
          {
            name: 'writing the response, onResponse',
            ms: serverMs - mean(marks.map((m) => m.onSend)),
          },
        ],
        statementsPerRequest: {
          session: per(sqlCount.session),
          revision: per(sqlCount.revision),
          query: per(sqlCount.query),
          other: per(sqlCount.other),
        },
      };
    },
    remove() {
      isOn = false;
      client.query = original;
    },
  };
}
