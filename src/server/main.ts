import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { analyzeDatabase } from './db/maintenance';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './demo/seed-demo';
import { ensureBuiltinFrameworks } from './domain/frameworks/ensure-builtin-frameworks';
import { loadUnitGraph } from './domain/units/load-unit-graph';
import { startJobEngine } from './jobs/engine';
import { createLogger } from './logging/options';
import { startMetricsServer } from './metrics/server';
import { installMonitor } from './monitor';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  if (config.role !== 'worker') {
    // The frameworks shipped in frameworks/ (Kon Tum QĐ 780, the Đắk Nông duties): new ones are stored,
    // stored ones are left alone, so scores of past periods never change under a running system.
    const builtins = await ensureBuiltinFrameworks(database.db);
    if (builtins.imported.length) log.info({ frameworks: builtins.imported }, 'Đã nạp bộ chỉ số có sẵn');
    for (const skipped of builtins.skipped) log.warn(skipped, 'Không nạp được bộ chỉ số có sẵn');
  }

  let seeded = false;
  if (config.seedDemo && config.role !== 'worker' && (await isDatabaseEmpty(database.db))) {
    log.info('Cơ sở dữ liệu trống: nạp dữ liệu mẫu…');
    await seedDemo(database.db);
    await analyzeDatabase(database.db);
    seeded = true;
  }

  // The website monitor's real parts (fetcher, parsers, classifier, snapshots) for this process.
  installMonitor(config);

  // Every role sends jobs; worker and all also run them, with the crons and pg-boss's supervisor.
  const jobs = await startJobEngine({ database, config, log, work: config.role !== 'web' });
  const stops: Array<() => Promise<void>> = [() => jobs.stop()];
  // METRICS_PORT: /metrics on a listener of its own, in every role (docs/operations.md).
  const metricsServer = await startMetricsServer({ config, jobs, log });
  if (metricsServer) stops.unshift(() => metricsServer.stop());
  if (config.role === 'all' || config.role === 'web') {
    // Every access check and board reads the unit graph: load it now rather than on the first request.
    await loadUnitGraph(database.db);
    const app = await buildApp({ config, database, jobs });
    await app.listen({ port: config.port, host: config.host });
    stops.unshift(() => app.close());
    const port = (app.server.address() as { port: number }).port;
    const where = database.kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    console.log(
      `\nLoa Số đang chạy: http://localhost:${port}  (cơ sở dữ liệu: ${where}, vai trò: ${config.role})`,
    );
    console.log(`Tài liệu API: http://localhost:${port}/api/docs`);
    if (seeded || config.seedDemo) {
      console.log(`\nTài khoản mẫu (mật khẩu ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) console.log(`  ${login.username.padEnd(20)} ${login.role}`);
    }
  }

  const shutdown = async (signal: string) => {
    log.info(`${signal}: dừng…`);
    for (const stop of stops) await stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`Không khởi động được Loa Số: ${error.message}`);
  process.exit(1);
});
