import type { Command } from "../command.ts";
import { getCommand } from "./get.ts";
import { validateCommand } from "./validate.ts";

/** Every `svclab` subcommand, in the order `svclab --help` lists them. */
export const commands: readonly Command[] = [validateCommand, getCommand];
