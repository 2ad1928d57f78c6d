import type { Command } from "../command.ts";
import { dnsCommand } from "./dns.ts";
import { getCommand } from "./get.ts";
import { iptablesCommand, rulesCommand } from "./rules.ts";
import { simulateCommand } from "./simulate.ts";
import { traceCommand } from "./trace.ts";
import { trafficCommand } from "./traffic.ts";
import { validateCommand } from "./validate.ts";

/** Every `svclab` subcommand, in the order `svclab --help` lists them. */
export const commands: readonly Command[] = [
  validateCommand,
  getCommand,
  dnsCommand,
  traceCommand,
  trafficCommand,
  rulesCommand,
  iptablesCommand,
  simulateCommand,
];
