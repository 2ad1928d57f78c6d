import { useEffect, useId } from "react";
import type { NodeState } from "../../engine/index.ts";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { Fields } from "./Fields.tsx";
import { KubectlFields } from "./KubectlFields.tsx";
import { ProxyModeSelect } from "./ProxyModeSelect.tsx";

/** A node: its addresses and state, the button that fails or recovers it, and its kube-proxy rules. */
export function NodeDetails({ node }: { node: NodeState }) {
  const t = useT();
  const rulesId = useId();
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
  const sections = rules?.sections ?? [];
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
      <h4 id={rulesId} className="mt-3 font-semibold text-xs">
        {t("inspector.rules", { mode })}
      </h4>
      {sections.length > 0 ? (
        sections.map((section) => (
          <section
            key={section.command}
            aria-label={`${t("inspector.rules", { mode })}: ${section.command}`}
            // A scrolling region is a tab stop of its own, so the rules can be scrolled from the keyboard.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA's focusable scrollable region
            tabIndex={0}
            className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-2 focus-visible:outline-2 focus-visible:outline-k8s"
          >
            <pre className="text-[10px] text-slate-100 leading-snug">
              <span className="text-slate-400"># {section.command}</span>
              {"\n"}
              {section.text}
            </pre>
          </section>
        ))
      ) : (
        <p className="mt-1 text-slate-500 text-xs">{t("inspector.rulesNone")}</p>
      )}
    </section>
  );
}
