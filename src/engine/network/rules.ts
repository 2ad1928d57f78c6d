import type { KubeProxyMode, NodeState } from "../cluster/types.ts";
import type { DataPlane } from "./dataplane.ts";
import { type IptablesTable, iptablesRules, renderIptablesSave } from "./iptables.ts";
import { ipvsRules, renderIpsetSave, renderIpvsadm } from "./ipvs.ts";
import { nftablesRules, renderNftables } from "./nftables.ts";

/** One listing of a node's rules, as the command that prints it on a real node would. */
export interface RulesSection {
  /** The command a learner would type on the node: `iptables-save`, `ipvsadm -Ln`, `ipset save`, `nft list table ip kube-proxy`. */
  command: string;
  text: string;
}

/** What kube-proxy keeps on one node in its mode: its iptables tables (none in nftables mode) and each listing. */
export interface NodeRules {
  mode: KubeProxyMode;
  iptables: IptablesTable[];
  sections: RulesSection[];
}

/** The rules kube-proxy writes on one node in a mode (the cluster's own unless given). */
export function nodeRules(dp: DataPlane, node: NodeState, mode?: KubeProxyMode): NodeRules {
  const active = mode ?? dp.cluster.settings.kubeProxyMode;
  switch (active) {
    case "iptables": {
      const tables = iptablesRules(dp, node);
      return {
        mode: active,
        iptables: tables,
        sections: [{ command: "iptables-save", text: renderIptablesSave(tables, node) }],
      };
    }
    case "ipvs": {
      const rules = ipvsRules(dp, node);
      return {
        mode: active,
        iptables: rules.iptables,
        sections: [
          { command: "ipvsadm -Ln", text: renderIpvsadm(rules.virtualServers) },
          { command: "ipset save", text: renderIpsetSave(rules.ipsets) },
          { command: "iptables-save", text: renderIptablesSave(rules.iptables, node, "ipvs") },
        ],
      };
    }
    case "nftables":
      return {
        mode: active,
        iptables: [],
        sections: [
          { command: "nft list table ip kube-proxy", text: renderNftables(nftablesRules(dp, node)) },
        ],
      };
  }
}

/** The sections as one text: a single section as it is, several each under a `# COMMAND` line. */
export function renderProxyRules(sections: readonly RulesSection[]): string {
  if (sections.length === 1) return sections[0]?.text ?? "";
  return sections.map((s) => `# ${s.command}\n${s.text}`).join("\n");
}
