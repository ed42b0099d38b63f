import type { Database } from '../db/client';
import { type CliIo, UsageError } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder shown in the help: `--unit <mã|id>`. */
  value?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  /** Positional arguments, in the order of the command's `positionals`. */
  args: string[];
  options: OptionValues;
  io: CliIo;
  /** The database, migrated before the command runs. */
  database: Database;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Required positional arguments. */
  positionals: Array<{ name: string; description: string }>;
  options: Record<string, OptionSpec>;
  /** Extra lines of help: details, examples. */
  notes?: string[];
  /**
   * Runs before the database is opened (which takes seconds with PGlite): checks and questions to
   * the person at the terminal. Returned values are added to the options.
   */
  prepare?(context: Omit<CommandContext, 'database'>): Promise<OptionValues>;
  run(context: CommandContext): Promise<void>;
}

/**
 * A command that never touches the database (classify): it runs without opening one, so it needs
 * no DATA_DIR, leaves no ./data behind and does not wait seconds for PGlite to start.
 */
export interface StandaloneCommand extends Omit<Command, 'prepare' | 'run'> {
  standalone: true;
  run(context: Omit<CommandContext, 'database'>): Promise<void>;
}

export type AnyCommand = Command | StandaloneCommand;

export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(options: OptionValues, name: string, command: string): string {
  const value = stringOption(options, name)?.trim();
  if (!value) throw new UsageError(`Thiếu --${name}.`, command);
  return value;
}

export function booleanOption(options: OptionValues, name: string): boolean {
  return options[name] === true;
}
