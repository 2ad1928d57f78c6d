import type { Command } from "../command.ts";

/** Every `svclab` subcommand, in the order `svclab --help` lists them. */
export const commands: readonly Command[] = [];
