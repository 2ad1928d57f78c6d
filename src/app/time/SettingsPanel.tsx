import {
  AWS_NLB_HEALTH_CHECK,
  KUBERNETES_VERSION,
  LOAD_BALANCER_PROVIDER_NAMES,
  type LoadBalancerProvider,
  nodeHealthCheck,
  type SettingPath,
  settingFieldsFor,
  settingValue,
} from "../../engine/index.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

const LABELS: Record<SettingPath, MessageKey> = {
  nodeMonitorGracePeriod: "settings.nodeMonitorGracePeriod",
  podEvictionTimeout: "settings.podEvictionTimeout",
  kubeProxySyncPeriod: "settings.kubeProxySyncPeriod",
  "loadBalancerHealthCheck.interval": "settings.loadBalancerHealthCheck.interval",
  "loadBalancerHealthCheck.timeout": "settings.loadBalancerHealthCheck.timeout",
  "loadBalancerHealthCheck.unhealthyThreshold": "settings.loadBalancerHealthCheck.unhealthyThreshold",
  "loadBalancerHealthCheck.healthyThreshold": "settings.loadBalancerHealthCheck.healthyThreshold",
};

const control = "w-20 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm";
const button = "mt-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100";

const PROVIDER_LABELS: Record<LoadBalancerProvider, MessageKey> = {
  gcp: "provider.gcp",
  aws: "provider.aws",
  "metallb-l2": "provider.metallb-l2",
  "metallb-bgp": "provider.metallb-bgp",
  "docker-desktop": "provider.docker-desktop",
  kind: "provider.kind",
  minikube: "provider.minikube",
  none: "provider.none",
};

const PROVIDER_TEXTS: Record<LoadBalancerProvider, MessageKey> = {
  gcp: "provider.what.gcp",
  aws: "provider.what.aws",
  "metallb-l2": "provider.what.metallb-l2",
  "metallb-bgp": "provider.what.metallb-bgp",
  "docker-desktop": "provider.what.docker-desktop",
  kind: "provider.what.kind",
  minikube: "provider.what.minikube",
  none: "provider.what.none",
};

/** The cluster setting of who provides LoadBalancers, with what that provider does. */
function ProviderSetting() {
  const t = useT();
  const provider = useAppStore((s) => s.loadBalancerProvider);
  const setProvider = useAppStore((s) => s.setLoadBalancerProvider);
  return (
    <div className="space-y-0.5 border-slate-200 border-b pb-2">
      <label className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="whitespace-nowrap text-slate-700">{t("settings.provider")}</span>
        <select
          className="min-w-0 max-w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm"
          value={provider}
          onChange={(e) => void setProvider(e.target.value as LoadBalancerProvider)}
        >
          {LOAD_BALANCER_PROVIDER_NAMES.map((p) => (
            <option key={p} value={p}>
              {t(PROVIDER_LABELS[p])}
            </option>
          ))}
        </select>
      </label>
      <p className="text-slate-600 text-xs">
        {t("settings.provider.note", { what: t(PROVIDER_TEXTS[provider]) })}
      </p>
    </div>
  );
}

/** Every timing of the simulation, editable, each beside the real default it stands for. */
export function SettingsPanel() {
  const t = useT();
  const settings = useAppStore((s) => s.scenario.settings);
  const set = useAppStore((s) => s.setSimulationSetting);
  const reset = useAppStore((s) => s.resetSimulationSettings);
  const setHealthCheck = useAppStore((s) => s.setHealthCheck);
  const provider = useAppStore((s) => s.loadBalancerProvider);
  const healthCheck = nodeHealthCheck(provider, settings);
  return (
    <div className="space-y-1 px-3 py-2 text-sm">
      <ProviderSetting />
      <p className="text-slate-600 text-xs">{t("settings.note", { version: KUBERNETES_VERSION })}</p>
      {settingFieldsFor(provider).map((field) => {
        const value = settingValue(settings, field.path);
        return (
          <label key={field.path} className="grid grid-cols-[16rem_5.5rem_1fr] items-center gap-2">
            <span className="text-slate-700">{t(LABELS[field.path])}</span>
            <input
              type="number"
              className={`${control} ${value !== field.defaultValue ? "border-amber-500 bg-amber-50" : ""}`}
              min={field.min}
              max={field.max}
              step={field.unit === "count" ? 1 : "any"}
              value={value}
              onChange={(e) => {
                if (e.target.value !== "") set(field.path, Number(e.target.value));
              }}
            />
            <span className="text-slate-500 text-xs">
              {t("settings.default", {
                value: field.unit === "s" ? `${field.defaultValue}s` : field.defaultValue,
                source: field.source,
              })}
            </span>
          </label>
        );
      })}
      {healthCheck?.fixed && (
        <p className="text-slate-600 text-xs">
          {t("settings.healthCheck.fixed", {
            interval: healthCheck.check.interval,
            timeout: healthCheck.check.timeout,
            unhealthy: healthCheck.check.unhealthyThreshold,
            healthy: healthCheck.check.healthyThreshold,
          })}
        </p>
      )}
      {!healthCheck && <p className="text-slate-600 text-xs">{t("settings.healthCheck.none")}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={reset} className={button}>
          {t("settings.reset")}
        </button>
        {healthCheck && !healthCheck.fixed && (
          <button type="button" onClick={() => setHealthCheck(AWS_NLB_HEALTH_CHECK)} className={button}>
            {t("settings.awsDefaults")}
          </button>
        )}
      </div>
    </div>
  );
}
