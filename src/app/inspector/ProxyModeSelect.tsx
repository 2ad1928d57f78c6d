import { KUBE_PROXY_MODES, KUBERNETES_VERSION, type KubeProxyMode } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { InspectorSelect } from "./InspectorSelect.tsx";
import { withProxyMode } from "./proxyMode.ts";

/**
 * kube-proxy's mode, a cluster setting: choosing one writes the kube-system/kube-proxy ConfigMap in
 * the manifests (one source of truth), as `kubectl edit cm kube-proxy -n kube-system` would.
 */
export function ProxyModeSelect() {
  const t = useT();
  const cluster = useAppStore((s) => s.cluster);
  const files = useAppStore((s) => s.files);
  const setFileText = useAppStore((s) => s.setFileText);
  const mode = cluster?.settings.kubeProxyMode ?? "iptables";
  const choose = (next: KubeProxyMode) => {
    if (!cluster || next === mode) return;
    const changed = withProxyMode(files, cluster, next);
    for (const file of changed) {
      const old = files.find((f) => f.name === file.name);
      if (old?.text !== file.text) setFileText(file.name, file.text);
    }
  };
  return (
    <div className="mt-4 text-xs">
      <InspectorSelect
        label={t("inspector.proxyMode")}
        value={mode}
        options={KUBE_PROXY_MODES.map((m) => ({ value: m, label: t(`inspector.proxyMode.${m}`) }))}
        onChange={choose}
      />
      <p className={`mt-1 ${mode === "ipvs" ? "text-amber-700" : "text-slate-500"}`}>
        {t(`inspector.proxyModeNote.${mode}`, { version: KUBERNETES_VERSION })}
      </p>
    </div>
  );
}
