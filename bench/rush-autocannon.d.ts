/**
 * The part of autocannon 8 the rush uses (bench/rush-load.ts). autocannon ships no types and
 * @types/autocannon is not a dependency: declared here, only what is called.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface RequestData {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Request {
      setupRequest?: (request: RequestData, context: object) => RequestData;
      onResponse?: (status: number, body: string, context: object, headers: Record<string, string>) => void;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      requests?: Request[];
      setupClient?: (client: EventEmitter) => void;
    }
    interface Histogram {
      p50: number;
      p90: number;
      p99: number;
      max: number;
    }
    interface Result {
      requests: { total: number; average: number };
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
    }
    interface Instance extends EventEmitter {
      stop(): void;
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
