import { useEffect, useState } from "react";
import type { Ref, ServiceState } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { InspectorSelect } from "./InspectorSelect.tsx";
import { ProxyModeSelect } from "./ProxyModeSelect.tsx";
import { RulesListing } from "./RulesListing.tsx";

/**
 * What kube-proxy writes for one Service on a node the learner picks (the first Ready node unless
 * they pick another), in the cluster's proxy mode: the engine's own listing cut to this Service.
 */
export function ServiceRules({ service }: { service: ServiceState }) {
  const t = useT();
  const cluster = useAppStore((s) => s.cluster);
  const loadServiceRules = useAppStore((s) => s.loadServiceRules);
  const [picked, setPicked] = useState<Ref | null>(null);
  const nodes = cluster?.nodes ?? [];
  const node = nodes.find((n) => n.ref === picked) ?? nodes.find((n) => n.ready && !n.failed) ?? nodes[0];
  const rules = useAppStore((s) =>
    s.serviceRules?.service === service.ref && s.serviceRules.node === node?.ref
      ? s.serviceRules.rules
      : null,
  );
  // The rules follow the cluster: a mode change or an edit rebuilds it, and so reloads them.
  useEffect(() => {
    if (cluster && node) void loadServiceRules(service.ref, node.ref);
  }, [cluster, node, service.ref, loadServiceRules]);
  if (!node) return null;
  const mode = cluster?.settings.kubeProxyMode ?? "iptables";
  const label = t("inspector.serviceRules", { mode, node: node.name });
  return (
    <section>
      <ProxyModeSelect />
      <div className="mt-2 text-xs">
        <InspectorSelect
          label={t("inspector.rulesNode")}
          value={node.ref}
          options={nodes.map((n) => ({ value: n.ref, label: n.name }))}
          onChange={setPicked}
        />
      </div>
      <h4 className="mt-3 font-semibold text-xs">{label}</h4>
      <RulesListing rules={rules} label={label} none={t("inspector.serviceRulesNone")} />
    </section>
  );
}
