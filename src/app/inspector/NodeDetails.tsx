import { useEffect } from "react";
import type { NodeState } from "../../engine/index.ts";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { Fields } from "./Fields.tsx";
import { KubectlFields } from "./KubectlFields.tsx";
import { ProxyModeSelect } from "./ProxyModeSelect.tsx";
import { RulesListing } from "./RulesListing.tsx";

/** A node: its addresses and state, the button that fails or recovers it, and its kube-proxy rules. */
export function NodeDetails({ node }: { node: NodeState }) {
  const t = useT();
  const cluster = useAppStore((s) => s.cluster);
  const rules = useAppStore((s) => (s.nodeRules?.node === node.ref ? s.nodeRules.rules : null));
  const loadNodeRules = useAppStore((s) => s.loadNodeRules);
  const fail = useCommand("fail-node");
  const recover = useCommand("recover-node");
  // The rules follow the cluster: reload them when it is rebuilt (a failed node removes endpoints).
  useEffect(() => {
    if (cluster) void loadNodeRules(node.ref);
  }, [cluster, node.ref, loadNodeRules]);
  const mode = cluster?.settings.kubeProxyMode ?? "iptables";
  const status = node.failed ? t("node.down") : node.ready ? t("node.ready") : t("node.notReady");
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.node", { name: node.name })}</h3>
      <Fields rows={[[t("field.status"), status]]} />
      <KubectlFields resource="nodes" singular="node" namespace="" name={node.name} />
      <Fields
        rows={[
          [t("field.podCIDR"), node.podCIDR],
          // describe.go describeNode: Taints as KEY[=VALUE]:EFFECT, <none> without any.
          [
            t("field.taints"),
            node.taints.map((x) => `${x.key}${x.value ? `=${x.value}` : ""}:${x.effect}`).join(", ") ||
              "<none>",
          ],
        ]}
      />
      <div className="mt-3 flex gap-2">
        {node.failed ? (
          <CommandButton
            command={recover}
            className="rounded bg-emerald-700 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {t("inspector.recoverNode")}
          </CommandButton>
        ) : (
          <CommandButton
            command={fail}
            className="rounded bg-red-600 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {t("inspector.failNode")}
          </CommandButton>
        )}
      </div>
      <ProxyModeSelect />
      <h4 className="mt-3 font-semibold text-xs">{t("inspector.rules", { mode })}</h4>
      <RulesListing rules={rules} label={t("inspector.rules", { mode })} none={t("inspector.rulesNone")} />
    </section>
  );
}
