import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { createLocalFileStore } from '../storage/local-file-store';
import { EXIT_FAILURE, EXIT_USAGE } from './io';
import { runCli } from './run-cli';

/** `npm run cli -- <command>`: the same settings as the server pick the same database. */
async function main(): Promise<number> {
  // `npm run cli -- backup x | head -1` closes the pipe early: that must not crash the command
  // (and skip closing the database) halfway through.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT_USAGE;
    }
    throw error;
  }
  return runCli(process.argv.slice(2), {
    // Opened only when a command needs it, so `--help` leaves no ./data folder behind.
    database: () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    fileStore: createLocalFileStore(config.dataDir),
    dataDir: config.dataDir,
  });
}

main().then(
  (code) => {
    // Not process.exit(): it could cut off output still queued for a pipe.
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`Lỗi: ${error.message}`);
    process.exitCode = EXIT_FAILURE;
  },
);
