import { type Diagnostic, loadManifests, type SourceFile } from "../../engine/index.ts";
import {
  type CliIO,
  type Command,
  EXIT_INVALID,
  EXIT_OK,
  type OptionValues,
  sourceName,
  UsageError,
} from "../command.ts";

/** `FILE:LINE:COL: FIELD.PATH: message`, the contract in DESIGN.md (the path is left out for a whole document). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}:`;
  const what = d.severity === "warning" ? `warning: ${d.message}` : d.message;
  return d.path ? `${where} ${d.path}: ${what}` : `${where} ${what}`;
}

/** Files named by -f (repeatable) and as arguments, in that order; "-" is standard input. */
export function readSources(values: OptionValues, positionals: readonly string[], io: CliIO): SourceFile[] {
  const flagged = values.filename;
  const fromFlags = Array.isArray(flagged) ? flagged : flagged === undefined ? [] : [flagged];
  const names = [...fromFlags.map(String), ...positionals];
  if (names.length === 0)
    throw new UsageError(
      "no manifest files given: name them as arguments or with -f FILE ('-' for standard input)",
    );
  return names.map((name) => ({ name: sourceName(name), text: io.readText(name) }));
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check manifests as the API server would (exit 1 with FILE:LINE:COL: FIELD: message per error)",
  usage: [
    "Usage: svclab validate FILE... [-f FILE]... [-o json]",
    "",
    "Parses, defaults and validates Kubernetes manifests as kube-apiserver would.",
    "Exit 0 when valid (warnings go to standard error); exit 1 with one line per error:",
    "  FILE:LINE:COL: FIELD.PATH: message",
    "",
    "Options:",
    "  -f, --filename FILE  a manifest file; may repeat; '-' reads standard input",
    '  -o, --output json    print {"valid":bool,"diagnostics":[...]} instead',
  ].join("\n"),
  options: {
    filename: { type: "string", short: "f", multiple: true },
    output: { type: "string", short: "o" },
  },
  run(values, positionals, io) {
    const output = values.output;
    if (output !== undefined && output !== "json")
      throw new UsageError(`unknown output format "${output}": use -o json`);
    const result = loadManifests(readSources(values, positionals, io));
    const valid = result.ok;
    if (output === "json") {
      // The JSON contract predates message codes: each diagnostic as before, its English message only.
      const diagnostics = result.diagnostics.map(({ text: _code, ...d }) => d);
      io.out(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
      return valid ? EXIT_OK : EXIT_INVALID;
    }
    const warnings = result.diagnostics.filter((d) => d.severity === "warning");
    for (const d of warnings) io.err(`${formatDiagnostic(d)}\n`);
    if (result.ok) {
      const n = result.value.length;
      io.out(
        `${n} object${n === 1 ? "" : "s"} valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? "" : "s"})` : ""}\n`,
      );
      return EXIT_OK;
    }
    for (const d of result.diagnostics) if (d.severity === "error") io.out(`${formatDiagnostic(d)}\n`);
    return EXIT_INVALID;
  },
};
