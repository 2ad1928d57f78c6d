import type { KubeProxyMode, NodeState } from "../cluster/types.ts";
import type { DataPlane } from "./dataplane.ts";
import { iptablesRules, renderIptablesSave } from "./iptables.ts";
import { ipvsRules, renderIpsetSave, renderIpvsadm } from "./ipvs.ts";
import { nftablesRules, renderNftables } from "./nftables.ts";

/** One listing of a node's rules, as the command that prints it on a real node would. */
export interface RulesSection {
  /** The command a learner would type on the node: `iptables-save`, `ipvsadm -Ln`, `ipset save`, `nft list table ip kube-proxy`. */
  command: string;
  text: string;
}

/** The rules kube-proxy writes on one node in a mode (the cluster's own unless given), one section per command. */
export function proxyRules(dp: DataPlane, node: NodeState, mode?: KubeProxyMode): RulesSection[] {
  switch (mode ?? dp.cluster.settings.kubeProxyMode) {
    case "iptables":
      return [{ command: "iptables-save", text: renderIptablesSave(iptablesRules(dp, node), node) }];
    case "ipvs": {
      const rules = ipvsRules(dp, node);
      return [
        { command: "ipvsadm -Ln", text: renderIpvsadm(rules.virtualServers) },
        { command: "ipset save", text: renderIpsetSave(rules.ipsets) },
        { command: "iptables-save", text: renderIptablesSave(rules.iptables, node, "ipvs") },
      ];
    }
    case "nftables":
      return [{ command: "nft list table ip kube-proxy", text: renderNftables(nftablesRules(dp, node)) }];
  }
}

/** The sections as one text: a single section as it is, several each under a `# COMMAND` line. */
export function renderProxyRules(sections: readonly RulesSection[]): string {
  if (sections.length === 1) return sections[0]?.text ?? "";
  return sections.map((s) => `# ${s.command}\n${s.text}`).join("\n");
}
