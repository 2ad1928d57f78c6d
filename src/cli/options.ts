import {
  type ClusterSettings,
  isLoadBalancerProvider,
  KUBE_PROXY_MODES,
  type KubeProxyMode,
  LOAD_BALANCER_PROVIDER_NAMES,
} from "../engine/index.ts";
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

/** The cluster setting flags every command that builds a cluster takes. */
export const CLUSTER_SETTING_OPTIONS: CommandOptions = {
  "lb-provider": { type: "string" },
  "proxy-mode": { type: "string" },
};

/** The help lines of the cluster setting flags, their text starting at `column` as the command's other lines do. */
export function clusterSettingHelp(column: number): string {
  return [
    `${"  --lb-provider NAME".padEnd(column)}who provides LoadBalancers: ${LOAD_BALANCER_PROVIDER_NAMES.join("|")} (default gcp)`,
    `${"  --proxy-mode MODE".padEnd(column)}kube-proxy's mode: ${KUBE_PROXY_MODES.join("|")} (default: the kube-system/kube-proxy`,
    `${"".padEnd(column)}ConfigMap's, else iptables; ipvs is deprecated since Kubernetes 1.35)`,
  ].join("\n");
}

/** --lb-provider NAME and --proxy-mode MODE as cluster settings (none given: the defaults). */
export function clusterSettingsOption(values: OptionValues): Partial<ClusterSettings> {
  const provider = values["lb-provider"];
  const mode = values["proxy-mode"];
  if (provider !== undefined && !isLoadBalancerProvider(provider))
    throw new UsageError(
      `--lb-provider ${JSON.stringify(String(provider))}: use one of ${LOAD_BALANCER_PROVIDER_NAMES.join(", ")}`,
    );
  if (mode !== undefined && !(KUBE_PROXY_MODES as readonly unknown[]).includes(mode))
    throw new UsageError(
      `--proxy-mode ${JSON.stringify(String(mode))}: use one of ${KUBE_PROXY_MODES.join(", ")}`,
    );
  return {
    ...(provider === undefined ? {} : { loadBalancerProvider: provider }),
    ...(mode === undefined ? {} : { kubeProxyMode: mode as KubeProxyMode }),
  };
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
