import { type CommandOptions, type OptionValues, UsageError } from "./command.ts";

/** The seeds the engine's PRNG tells apart: it keeps 32 bits (random.ts), so a larger one would wrap silently. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * `--NAME N` as a whole number in [min, max], or undefined when the option was not given. Anything
 * else (`1e9`, `abc`, `-5`, `0` below a minimum of 1) is a usage error that names the range.
 */
export function wholeNumber(
  values: OptionValues,
  name: string,
  range: { min: number; max: number; what: string },
): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const text = String(value);
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= range.min && n <= range.max))
    throw new UsageError(
      `--${name} ${JSON.stringify(text)}: give ${range.what}, a whole number from ${range.min} to ${range.max}`,
    );
  return n;
}

/** --seed N: the PRNG's seed, 0 to 2^32-1. */
export function seedOption(values: OptionValues): number | undefined {
  return wholeNumber(values, "seed", { min: 0, max: MAX_SEED, what: "the seed" });
}

/**
 * Arguments as node:util parseArgs should see them: `--count -5` becomes `--count=-5` (and `-n -5`
 * `-n-5`), so that a negative number after an option that takes a value reaches the option and its
 * range check, instead of parseArgs' "argument is ambiguous" message.
 */
export function joinNegativeValues(args: readonly string[], options: CommandOptions): string[] {
  const takesValue = (arg: string) =>
    Object.entries(options).some(
      ([long, o]) =>
        o.type === "string" && (arg === `--${long}` || (o.short !== undefined && arg === `-${o.short}`)),
    );
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    if (next !== undefined && /^-\d/.test(next) && takesValue(arg)) {
      out.push(arg.startsWith("--") ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
