import { expect, type Locator } from "@playwright/test";

/** The accessible names of the rules part of the inspector, in the app's language. */
export interface RulesNames {
  mode: string;
  node: string;
  /** The start of a Service's rules listing's name: "kube-proxy rules for this Service on NODE". */
  serviceRules: (node: string) => RegExp;
}

export const ENGLISH_RULES: RulesNames = {
  mode: "kube-proxy mode",
  node: "Rules on node",
  serviceRules: (node) => new RegExp(`^kube-proxy rules for this Service on ${node} `),
};

export const JAPANESE_RULES: RulesNames = {
  mode: "kube-proxy のモード",
  node: "ルールを表示するノード",
  serviceRules: (node) => new RegExp(`^${node} 上のこの Service の kube-proxy ルール`),
};

/** kube-proxy's rules for the Service the inspector shows: the mode, the node, and each listing. */
export class KubeProxyRules {
  readonly mode: Locator;
  readonly node: Locator;

  constructor(
    readonly inspector: Locator,
    readonly names: RulesNames = ENGLISH_RULES,
  ) {
    this.mode = inspector.getByRole("combobox", { name: names.mode });
    this.node = inspector.getByRole("combobox", { name: names.node });
  }

  /** The listing a command prints on `node` (`iptables-save`, `ipvsadm -Ln`, `nft list table ip kube-proxy`). */
  listing(node: string, command: string): Locator {
    const name = new RegExp(`${this.names.serviceRules(node).source}.*: ${command.replace(/[-]/g, "\\-")}$`);
    return this.inspector.getByRole("region", { name });
  }

  async chooseMode(mode: "iptables" | "ipvs" | "nftables"): Promise<void> {
    await this.mode.selectOption(mode);
    await expect(this.mode).toHaveValue(mode);
  }

  async chooseNode(name: string): Promise<void> {
    await this.node.selectOption({ label: name });
  }
}
