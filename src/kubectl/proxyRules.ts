import { type NodeRules, type NodeState, renderIptablesSave, renderIpvsadm } from "../engine/index.ts";
import type { RulesListing } from "./kubectl.ts";
import type { Run } from "./net.ts";

const ok = (out: string): Run => ({ out: out.trimEnd(), err: "", status: 0 });

/**
 * What a node's shell prints for one of kube-proxy's listings, in the cluster's proxy mode: each tool
 * shows what that mode wrote, and nothing (ipvsadm: its empty table; nft: no such table) otherwise.
 */
export function rulesOutput(rules: NodeRules, listing: RulesListing, node: NodeState): Run {
  const section = (command: string) => rules.sections.find((s) => s.command === command)?.text;
  switch (listing.tool) {
    case "iptables-save": {
      const tables = rules.iptables.filter((t) => listing.table === null || t.name === listing.table);
      // nftables mode writes no iptables rules at all.
      if (tables.length === 0) return ok("");
      return ok(renderIptablesSave(tables, node, rules.mode === "ipvs" ? "ipvs" : "iptables"));
    }
    case "ipvsadm":
      return ok(section("ipvsadm -Ln") ?? renderIpvsadm([]));
    case "ipset":
      return ok(section("ipset save") ?? "");
    case "nft": {
      const table = section("nft list table ip kube-proxy");
      if (table !== undefined || listing.what === "ruleset") return ok(table ?? "");
      // nft's answer for a table that does not exist (kube-proxy is not in nftables mode).
      return {
        out: "",
        err: "Error: No such file or directory\nlist table ip kube-proxy\n                ^^^^^^^^^^",
        status: 1,
      };
    }
  }
}
