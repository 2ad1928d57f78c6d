import type { ParseArgsConfig } from "node:util";

/** What a command may touch outside the engine; tests pass a fake. */
export interface CliIO {
  /** Reads a file, or standard input for "-". Throws UsageError when it cannot. */
  readText(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A subcommand of `svclab`: its options are parsed by node:util parseArgs from `options`. */
export interface Command {
  name: string;
  summary: string;
  /** The usage lines printed by `svclab NAME --help` and on a usage error. */
  usage: string;
  options: CommandOptions;
  run(values: OptionValues, positionals: string[], io: CliIO): number;
}

/** A mistake in how the command was called or a file it cannot read: exit code 2 with this message. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
