/**
 * kubectl's flags as spf13/pflag reads them: `--name value`, `--name=value`, `-n value`, `-nvalue`,
 * `-n=value`, booleans alone or grouped (`-it`), and `--` before a command's own arguments.
 */
export interface FlagSpec {
  long: string;
  short?: string;
  /** Whether the flag takes a value (pflag's non-boolean flags). */
  takesValue: boolean;
}

export type FlagValues = Map<string, string[]>;

export type Parsed =
  | { ok: true; flags: FlagValues; positionals: string[]; command: string[] }
  | { ok: false; error: string };

/** Flags every kubectl command has (kubectl options). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { long: "namespace", short: "n", takesValue: true },
  { long: "context", takesValue: true },
  { long: "help", short: "h", takesValue: false },
];

export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): Parsed {
  const all = [...GLOBAL_FLAGS, ...specs];
  const flags: FlagValues = new Map();
  const positionals: string[] = [];
  const add = (spec: FlagSpec, value: string) =>
    flags.set(spec.long, [...(flags.get(spec.long) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") return { ok: true, flags, positionals, command: args.slice(i + 1) };
    if (arg.startsWith("--")) {
      const [name, inline] = splitInline(arg.slice(2));
      const spec = all.find((s) => s.long === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.takesValue) add(spec, inline ?? "true");
      else if (inline !== undefined) add(spec, inline);
      else if (i + 1 < args.length) add(spec, args[++i] as string);
      else return { ok: false, error: `flag needs an argument: --${name}` };
    } else if (arg.startsWith("-") && arg.length > 1) {
      // A group of shorthands: booleans until one that takes a value, which takes the rest.
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const spec = all.find((s) => s.short === c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` };
        if (!spec.takesValue) {
          add(spec, "true");
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, "");
        if (rest) add(spec, rest);
        else if (i + 1 < args.length) add(spec, args[++i] as string);
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        break;
      }
    } else {
      positionals.push(arg);
    }
  }
  return { ok: true, flags, positionals, command: [] };
}

function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf("=");
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** The last value given for a flag (pflag keeps the last), or undefined. */
export function flag(flags: FlagValues, name: string): string | undefined {
  return flags.get(name)?.at(-1);
}

export function boolFlag(flags: FlagValues, name: string): boolean {
  const value = flag(flags, name);
  return value !== undefined && value !== "false";
}
