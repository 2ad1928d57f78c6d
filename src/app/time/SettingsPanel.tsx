import { KUBERNETES_VERSION, SETTING_FIELDS, type SettingPath, settingValue } from "../../engine/index.ts";
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

/** Every timing of the simulation, editable, each beside the real default it stands for. */
export function SettingsPanel() {
  const t = useT();
  const settings = useAppStore((s) => s.scenario.settings);
  const set = useAppStore((s) => s.setSimulationSetting);
  const reset = useAppStore((s) => s.resetSimulationSettings);
  return (
    <div className="space-y-1 px-3 py-2 text-sm">
      <p className="text-slate-600 text-xs">{t("settings.note", { version: KUBERNETES_VERSION })}</p>
      {SETTING_FIELDS.map((field) => {
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
      <button
        type="button"
        onClick={reset}
        className="mt-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100"
      >
        {t("settings.reset")}
      </button>
    </div>
  );
}
