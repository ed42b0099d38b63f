import type { Database } from '../db/client';
import type { FileStore } from '../storage/file-store';

export interface Output {
  write(text: string): unknown;
}

/** Standard input as the CLI needs it: a stream, and for a terminal the means to stop echoing. */
export type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export interface CliIo {
  /** An open database, or a function that opens one when a command needs it (closed afterwards). */
  database: Database | (() => Promise<Database>);
  stdout: Output;
  stderr: Output;
  stdin?: Input;
  /** The file store of DATA_DIR, for commands that read stored files (verify-evidence). */
  fileStore?: FileStore;
  /** DATA_DIR itself, for commands that write beside the database (retrain-classifier's model). */
  dataDir?: string;
}

/** A mistake in the command line itself: exit code 2, with a pointer to the help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function writeLine(output: Output, text = '') {
  output.write(`${text}\n`);
}

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** The database's own words, without the statement and its parameters (for a restore, a whole batch of rows). */
export function databaseMessage(error: Error): string {
  return error.message.startsWith('Failed query:') && error.cause instanceof Error
    ? error.cause.message
    : error.message;
}
