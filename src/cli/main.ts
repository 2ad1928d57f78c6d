import { parseArgs } from "node:util";
import {
  type CliIO,
  type Command,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  InputError,
  UsageError,
} from "./command.ts";
import { commands } from "./commands/index.ts";
import { readInput } from "./input.ts";
import { joinNegativeValues } from "./options.ts";

const PROGRAM = "svclab";

export function usage(list: readonly Command[] = commands): string {
  const width = Math.max(8, ...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `${PROGRAM}: simulate how Kubernetes Services and Ingress route traffic, from your manifests.`,
    "",
    `Usage: ${PROGRAM} COMMAND [OPTIONS]`,
    "",
    "Commands:",
    ...(lines.length ? lines : ["  (none yet)"]),
    "",
    "Options:",
    "  -h, --help     show this help, or a command's with COMMAND --help",
    "  -v, --version  print the version",
    "",
    `-f FILE may repeat; '-' reads standard input. -o json prints machine-readable output.`,
  ].join("\n");
}

/** Runs one invocation and returns its exit code; never exits the process itself, so tests can call it. */
export function runCli(argv: readonly string[], io: CliIO, list: readonly Command[] = commands): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(`${usage(list)}\n`);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "-v" || name === "--version") {
    io.out("svclab 0.1.0\n");
    return EXIT_OK;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.err(`${PROGRAM}: unknown command "${name}". Run '${PROGRAM} --help' for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(rest, command.options),
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(`${command.usage}\n`);
      return EXIT_OK;
    }
    return command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      io.err(`${PROGRAM} ${name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export const processIO: CliIO = {
  readText: readInput,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
// bin/svclab.mjs imports the bundle and calls runCli itself; `node dist-cli/svclab.mjs` and `tsx src/cli/main.ts` run it here.
if (invokedDirectly) {
  process.exitCode = runCli(process.argv.slice(2), processIO);
}
