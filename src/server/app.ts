import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { type JobEngine, startJobEngine } from './jobs/engine';
import { fastifyLogOptions } from './logging/options';
import { registerOperations } from './metrics/plugin';
import { OPENAPI_SECURITY_SCHEMES, transformRouteSchema } from './openapi-document';
import { registerAuth } from './plugins/auth';
import { registerBuildSlots } from './plugins/build-slots';
import { compressionOptions } from './plugins/compression';
import { registerErrorHandler } from './plugins/error-handler';
import { holdSessions } from './plugins/held-sessions';
import { registerImportSlots } from './plugins/import-slots';
import { createResponseSerializerCompiler } from './plugins/response-serializer';
import { registerSafeInput } from './plugins/safe-input';
import { registerSecurityHeaders, registerTransportSecurity } from './plugins/security-headers';
import { activityRoutes } from './routes/activities';
import { activityFileRoutes } from './routes/activity-files';
import { adminJobRoutes } from './routes/admin-jobs';
import { assessmentRoutes } from './routes/assessments';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { botPageRoutes } from './routes/bot-page';
import { channelRoutes } from './routes/channels';
import { dashboardRoutes } from './routes/dashboard';
import type { RouteDeps } from './routes/deps';
import { evidenceRoutes } from './routes/evidence';
import { frameworkRoutes } from './routes/frameworks';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { libraryRoutes } from './routes/library';
import { monitorRoutes } from './routes/monitor';
import { notificationRoutes } from './routes/notifications';
import { publicResultsRoutes } from './routes/public-results';
import { radioPushRoutes } from './routes/radio-push';
import { radioStationRoutes } from './routes/radio-stations';
import { reminderRoutes } from './routes/reminders';
import { reportDocumentRoutes } from './routes/report-documents';
import { reportResultsRoutes } from './routes/report-results';
import { reportRoutes } from './routes/reports';
import { scheduleRoutes } from './routes/schedules';
import { scoringRoutes } from './routes/scoring';
import { snapshotRoutes } from './routes/snapshots';
import { unitEventRoutes } from './routes/unit-events';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';
import { vocabularyRoutes } from './routes/vocabulary';

// Validation messages in Vietnamese for every schema (field names are added by the error handler).
z.config(z.locales.vi());

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /**
   * The process's job engine (main.ts starts it for every role). Without one, the app starts a
   * sending-only engine of its own (tests) and stops it when it closes.
   */
  jobs?: JobEngine;
}

/** Every route module, in one list: the route table the tests enumerate comes from here. */
const ROUTE_MODULES: Array<(app: FastifyInstance, deps: RouteDeps) => void> = [
  healthRoutes,
  authRoutes,
  unitRoutes,
  unitEventRoutes,
  userRoutes,
  auditRoutes,
  channelRoutes,
  activityRoutes,
  vocabularyRoutes,
  activityFileRoutes,
  evidenceRoutes,
  libraryRoutes,
  scheduleRoutes,
  scoringRoutes,
  assessmentRoutes,
  frameworkRoutes,
  notificationRoutes,
  reportDocumentRoutes,
  dashboardRoutes,
  homeRoutes,
  reportResultsRoutes,
  publicResultsRoutes,
  reportRoutes,
  reminderRoutes,
  adminJobRoutes,
  radioStationRoutes,
  radioPushRoutes,
  monitorRoutes,
  snapshotRoutes,
  botPageRoutes,
];

export interface RouteEntry {
  method: string;
  url: string;
  isPublic: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's routes as registered, for the access tests and the docs. */
    routeTable: RouteEntry[];
  }
}

export async function buildApp({
  config,
  database,
  jobs: givenJobs,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...fastifyLogOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializerCompiler({ checkAgainstZod: config.checkResponses }));

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, isPublic: Boolean(route.config?.isPublic) });
    }
  });

  // Uploads (spreadsheets, official lists) arrive as the raw file.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyCompress, compressionOptions);
  registerSecurityHeaders(app, config);
  registerTransportSecurity(app, config);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Loa Số API',
        description:
          'API của Loa Số. Lỗi luôn có dạng {code, message, details}; đối tượng ngoài phạm vi trả 404.',
        version: '0.1.0',
      },
      components: { securitySchemes: OPENAPI_SECURITY_SCHEMES },
      security: [{ session: [] }],
    },
    transform: transformRouteSchema,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerAuth(app, { db: database.db, config, sessions: await holdSessions(app, database) });
  registerSafeInput(app);
  registerImportSlots(app);
  registerBuildSlots(app, config);
  const jobs = givenJobs ?? (await startJobEngine({ database, config, log: app.log, work: false }));
  if (!givenJobs) app.addHook('onClose', () => jobs.stop());
  registerOperations(app, { config, jobs });
  const deps: RouteDeps = { database, config, jobs };
  for (const register of ROUTE_MODULES) register(app, deps);

  await registerWeb(app, config.webDir);
  return app;
}

/** Serves the built web UI, with index.html for every client-side route; /api/* stays JSON. */
async function registerWeb(app: FastifyInstance, webDir: string | null) {
  const hasWeb = webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // The build writes a .br and a .gz beside each text file (vite.config.ts): send the one the browser
      // accepts, with Vary: Accept-Encoding, instead of compressing on every request. Also for the
      // index.html of the client-side routes below (reply.sendFile).
      preCompressed: true,
      // Built assets carry a content hash in their names: cache them for a year. index.html names the
      // current assets, so browsers must check it again after every deploy.
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: 'Không tìm thấy.', details: [] });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
