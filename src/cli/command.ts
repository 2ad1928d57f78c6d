import type { ParseArgsConfig } from "node:util";

/** What a command may touch outside the engine; tests pass a fake. */
export interface CliIO {
  /**
   * Reads a file, or standard input for "-". Throws UsageError when it cannot, InputError when what it
   * read cannot be manifests (too large, not UTF-8, empty standard input).
   */
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

/** What diagnostics call standard input, which the command line names "-". */
export const STDIN_NAME = "<stdin>";

/** A file's name as diagnostics print it. */
export function sourceName(path: string): string {
  return path === "-" ? STDIN_NAME : path;
}

/** A mistake in how the command was called or a file it cannot read: exit code 2 with this message. */
export class UsageError extends Error {}

/** Input that cannot be manifests: exit code 1, as invalid manifests, with this positioned message. */
export class InputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
