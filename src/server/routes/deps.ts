import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { JobEngine } from '../jobs/engine';

/** What route modules receive: the app to register on, the database, the configuration and the job engine. */
export interface RouteDeps {
  database: Database;
  config: Config;
  /** Sends jobs; the admin jobs page reads queues through it. */
  jobs: JobEngine;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
