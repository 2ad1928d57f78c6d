import type { KubeProxyMode, NodeState, Ref } from "../cluster/types.ts";
import type { DataPlane } from "./dataplane.ts";
import { type IptablesTable, iptablesRules, iptablesServiceTables, renderIptablesSave } from "./iptables.ts";
import { ipvsRules, ipvsServiceServers, renderIpsetSave, renderIpvsadm } from "./ipvs.ts";
import { nftablesRules, nftablesServiceTable, renderNftables } from "./nftables.ts";

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

/**
 * The rules kube-proxy writes on one node for one Service, in a mode (the cluster's own unless
 * given): iptables-save's lines for it, its IPVS virtual servers with their real servers, or its
 * chains and map elements in the kube-proxy table. No section when kube-proxy skips the Service
 * (ShouldSkipService: headless, ExternalName, no ClusterIP).
 */
export function serviceRules(dp: DataPlane, node: NodeState, service: Ref, mode?: KubeProxyMode): NodeRules {
  const active = mode ?? dp.cluster.settings.kubeProxyMode;
  switch (active) {
    case "iptables": {
      const tables = iptablesServiceTables(iptablesRules(dp, node), service);
      const text = renderIptablesSave(tables, node, "iptables", service);
      return {
        mode: active,
        iptables: tables,
        sections: tables.length > 0 ? [{ command: "iptables-save", text }] : [],
      };
    }
    case "ipvs": {
      const servers = ipvsServiceServers(ipvsRules(dp, node).virtualServers, service);
      const text = renderIpvsadm(servers);
      return {
        mode: active,
        iptables: [],
        sections: servers.length > 0 ? [{ command: "ipvsadm -Ln", text }] : [],
      };
    }
    case "nftables": {
      const table = nftablesServiceTable(nftablesRules(dp, node), service);
      const empty = table.sets.length === 0 && table.chains.length === 0;
      const command = "nft list table ip kube-proxy";
      return {
        mode: active,
        iptables: [],
        sections: empty ? [] : [{ command, text: renderNftables(table) }],
      };
    }
  }
}

/** The sections as one text: a single section as it is, several each under a `# COMMAND` line. */
export function renderProxyRules(sections: readonly RulesSection[]): string {
  if (sections.length === 1) return sections[0]?.text ?? "";
  return sections.map((s) => `# ${s.command}\n${s.text}`).join("\n");
}
