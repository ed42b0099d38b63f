import type { FastifyInstance } from 'fastify';
import { findUnsafeInput } from '../../shared/safe-input';
import { notFound, validationError } from '../errors';

const LOCATIONS = ['params', 'query', 'body'] as const;
const PREFIX: Record<(typeof LOCATIONS)[number], string> = {
  params: 'params',
  query: 'querystring',
  body: 'body',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The handler holds the body to the rule itself, item by item: a batch whose items are independent
     * (a radio push) reports a NUL in one item as that item's error instead of refusing them all.
     */
    checksInputItself?: boolean;
  }
}

/**
 * Holds every API request to the shared text and date rule (shared/safe-input) before its schema
 * runs: one check for every route, present and future, instead of one per field. Multipart fields and
 * spreadsheet cells, which are read inside the handlers, are checked where they are read.
 */
export function registerSafeInput(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    for (const location of LOCATIONS) {
      if (location === 'body' && request.routeOptions.config.checksInputItself) continue;
      const value: unknown = request[location];
      if (Buffer.isBuffer(value)) continue;
      const found = findUnsafeInput(value);
      if (!found) continue;
      // A malformed id in a path is answered like an unknown one (see the error handler).
      if (location === 'params') throw notFound();
      const field = found.path ? `${PREFIX[location]}.${found.path}` : PREFIX[location];
      throw validationError(`Dữ liệu không hợp lệ: ${field}. ${found.message}`, [
        { field, message: found.message },
      ]);
    }
  });
}
