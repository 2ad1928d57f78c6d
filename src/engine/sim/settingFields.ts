import { LOAD_BALANCER_PROVIDERS } from "../cluster/loadBalancerProviders.ts";
import type { LoadBalancerProvider } from "../cluster/types.ts";
import {
  defaultSimulationSettings,
  type HealthCheckSettings,
  KIND_ENVOY_HEALTH_CHECK,
  type SimulationSettings,
} from "./settings.ts";

/** A setting of the simulation by its path in spec.settings, as a settings panel or a lesson names it. */
export type SettingPath =
  | "nodeMonitorGracePeriod"
  | "podEvictionTimeout"
  | "kubeProxySyncPeriod"
  | "loadBalancerHealthCheck.interval"
  | "loadBalancerHealthCheck.timeout"
  | "loadBalancerHealthCheck.unhealthyThreshold"
  | "loadBalancerHealthCheck.healthyThreshold";

export interface SettingField {
  path: SettingPath;
  /** "s" for durations (seconds), "count" for thresholds. */
  unit: "s" | "count";
  /** The real default it stands for. */
  defaultValue: number;
  /** Where the default comes from, verbatim (a flag or a cloud's API field). */
  source: string;
  min: number;
  max: number;
}

const hc = defaultSimulationSettings.loadBalancerHealthCheck;

/** Every setting, with the real default it stands for and where that default comes from (see settings.ts). */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    path: "nodeMonitorGracePeriod",
    unit: "s",
    defaultValue: defaultSimulationSettings.nodeMonitorGracePeriod,
    source: "kube-controller-manager --node-monitor-grace-period",
    min: 1,
    max: 3600,
  },
  {
    path: "podEvictionTimeout",
    unit: "s",
    defaultValue: defaultSimulationSettings.podEvictionTimeout,
    source: "kube-apiserver --default-unreachable-toleration-seconds",
    min: 0,
    max: 3600,
  },
  {
    path: "kubeProxySyncPeriod",
    unit: "s",
    defaultValue: defaultSimulationSettings.kubeProxySyncPeriod,
    source: "kube-proxy --iptables-min-sync-period",
    min: 0,
    max: 600,
  },
  {
    path: "loadBalancerHealthCheck.interval",
    unit: "s",
    defaultValue: hc.interval,
    source: "GCP health check checkIntervalSec",
    min: 1,
    max: 300,
  },
  {
    path: "loadBalancerHealthCheck.timeout",
    unit: "s",
    defaultValue: hc.timeout,
    source: "GCP health check timeoutSec",
    min: 1,
    max: 300,
  },
  // GCP accepts thresholds from 1 to 10 (scenario.ts checks the same).
  {
    path: "loadBalancerHealthCheck.unhealthyThreshold",
    unit: "count",
    defaultValue: hc.unhealthyThreshold,
    source: "GCP health check unhealthyThreshold",
    min: 1,
    max: 10,
  },
  {
    path: "loadBalancerHealthCheck.healthyThreshold",
    unit: "count",
    defaultValue: hc.healthyThreshold,
    source: "GCP health check healthyThreshold",
    min: 1,
    max: 10,
  },
];

/**
 * The health check `provider`'s load balancer runs against each node. A cloud's (GCP, an AWS NLB)
 * follows the settings; cloud-provider-kind's Envoy has its config template's, `fixed`; the others
 * check no node at all (MetalLB's speakers announce, Docker Desktop and minikube tunnel forward): null.
 */
export function nodeHealthCheck(
  provider: LoadBalancerProvider,
  settings: SimulationSettings,
): { check: Readonly<HealthCheckSettings>; fixed: boolean } | null {
  const { entry } = LOAD_BALANCER_PROVIDERS[provider];
  if (entry === "health-checked") return { check: settings.loadBalancerHealthCheck, fixed: false };
  if (entry === "proxy") return { check: KIND_ENVOY_HEALTH_CHECK, fixed: true };
  return null;
}

/** The settings that change what a cluster with `provider` does: the health check's only where it follows them. */
export function settingFieldsFor(provider: LoadBalancerProvider): readonly SettingField[] {
  const check = nodeHealthCheck(provider, defaultSimulationSettings);
  if (check && !check.fixed) return SETTING_FIELDS;
  return SETTING_FIELDS.filter((f) => !f.path.startsWith("loadBalancerHealthCheck."));
}

export function settingValue(settings: SimulationSettings, path: SettingPath): number {
  const [head, tail] = path.split(".") as [
    keyof SimulationSettings,
    (keyof SimulationSettings["loadBalancerHealthCheck"])?,
  ];
  if (tail) return settings.loadBalancerHealthCheck[tail];
  return settings[head] as number;
}

/** The settings with one changed; a value outside the field's range is clamped to it. */
export function withSetting(
  settings: SimulationSettings,
  path: SettingPath,
  value: number,
): SimulationSettings {
  const field = SETTING_FIELDS.find((f) => f.path === path);
  if (!field || !Number.isFinite(value)) return settings;
  const clamped = Math.min(
    field.max,
    Math.max(field.min, field.unit === "count" ? Math.round(value) : value),
  );
  const [head, tail] = path.split(".");
  if (tail) {
    const next = { ...settings.loadBalancerHealthCheck, [tail]: clamped };
    // GCP: timeoutSec must be less than or equal to checkIntervalSec.
    if (next.timeout > next.interval) {
      if (tail === "timeout") next.interval = next.timeout;
      else next.timeout = next.interval;
    }
    return { ...settings, loadBalancerHealthCheck: next };
  }
  return { ...settings, [head as string]: clamped };
}
