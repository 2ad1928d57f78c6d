import type { KubeProxyMode, NodeState } from "../cluster/types.ts";
import { type HopMessage, hopMessage } from "../messages/index.ts";
import {
  type EndpointView,
  extChainOf,
  fwChainOf,
  type ServicePortView,
  sepChainOf,
  svcChainOf,
} from "../network/dataplane.ts";
import { savedProbability } from "../network/iptables.ts";
import { ipsetOf } from "../network/ipvs.ts";
import type { Pick, ProxyEntry } from "../network/kubeproxy.ts";
import type { Dispatch, Masquerade } from "../network/kubeproxy-dispatch.ts";
import { nftChainNames, nftEndpointNames } from "../network/nftables.ts";
import { addr } from "../network/packet.ts";
import type { PacketHeader } from "./types.ts";

/**
 * What kube-proxy's rules did with a packet, in the cluster's mode: the hop's text, and the names in
 * the node's rules that were consulted (chains, sets and maps, virtual servers as `ipvsadm -Ln`
 * prints them) for the rules viewer to mark.
 */
export interface ProxyText {
  message: HopMessage;
  rules: string[];
}

type Dnat = Extract<Dispatch, { action: "dnat" }>;

/** What kube-proxy on a node did, with what the hop texts need to say it. */
export interface ProxyAct {
  node: NodeState;
  port: ServicePortView;
  entry: ProxyEntry;
  packet: PacketHeader;
}

/** How each of kube-proxy's verdicts reads in one mode. */
interface ModeTexts {
  /** The packet arrives from the wire and a rule of the mode catches it; `from` ends "arrives at NODE". */
  caught(act: ProxyAct, from: HopMessage): ProxyText;
  dnat(act: ProxyAct, result: Dnat): ProxyText;
  reject(act: ProxyAct, comment: string): ProxyText;
  drop(act: ProxyAct, comment: string): ProxyText;
  firewall(act: ProxyAct): ProxyText;
  snat(act: ProxyAct, result: Dnat, masquerade: Masquerade): ProxyText;
}

function text(message: HopMessage, rules: string[]): ProxyText {
  return { message, rules };
}

/** Each mode's text for each reason kube-proxy masquerades (iptables: the whole text; the others: the why). */
const MASQUERADE = {
  iptables: {
    "cluster-policy": "hop.snat-cluster-policy",
    "local-source": "hop.snat-local-source",
    "off-pod-network": "hop.snat-off-pod-network",
    hairpin: "hop.snat-hairpin",
  },
  nftables: {
    "cluster-policy": "hop.snat-why-nft-cluster-policy",
    "local-source": "hop.snat-why-nft-local-source",
    "off-pod-network": "hop.snat-why-nft-off-pod-network",
    hairpin: "hop.snat-why-nft-hairpin",
  },
  ipvs: {
    "cluster-policy": "hop.snat-why-ipvs-cluster-policy",
    "local-source": "hop.snat-why-ipvs-local-source",
    "off-pod-network": "hop.snat-why-ipvs-off-pod-network",
    hairpin: "hop.snat-why-ipvs-hairpin",
  },
} as const satisfies Record<KubeProxyMode, Record<Masquerade, HopMessage["code"]>>;

/** The iptables chains a masquerade decision is written in (proxier.go: KUBE-EXT, KUBE-SVC, KUBE-SEP). */
function iptablesMasqueradeChain(act: ProxyAct, result: Dnat, masquerade: Masquerade): string {
  if (masquerade === "hairpin") return sepChainOf(act.port, result.choice.endpoint);
  if (masquerade === "off-pod-network") return svcChainOf(act.port);
  return extChainOf(act.port);
}

/** The affinity phrase, the same in every mode (iptables `recent`, nftables affinity sets, IPVS persistence). */
function affinityPhrase(endpoint: EndpointView, how: Extract<Pick, { by: "affinity" }>): HopMessage {
  return hopMessage("hop.pick-affinity", {
    client: how.clientIP,
    endpoint: endpoint.key,
    ago: how.ago.toFixed(2),
    timeout: how.timeout,
  });
}

/** proxier.go (iptables): KUBE-SERVICES → KUBE-EXT/KUBE-SVC/KUBE-SVL → KUBE-SEP, picked by `statistic --mode random`. */
const IPTABLES: ModeTexts = {
  caught: ({ node, port, entry, packet }, from) => {
    const chain = entry === "nodePort" ? "KUBE-NODEPORTS" : "KUBE-SERVICES";
    return text(
      hopMessage("hop.node-caught", { node: node.name, from, chain, dst: addr(packet.dst), port: port.name }),
      [chain],
    );
  },
  dnat: ({ node, port, packet }, { decision, choice }) => {
    const { endpoint, how } = choice;
    const sep = sepChainOf(port, endpoint);
    const pick =
      how.by === "affinity"
        ? affinityPhrase(endpoint, how)
        : how.by === "random" && how.rule < how.of - 1
          ? hopMessage("hop.pick-random", {
              chain: sep,
              rule: how.rule + 1,
              of: how.of,
              probability: savedProbability(1 / (how.of - how.rule)),
            })
          : hopMessage("hop.pick-final", {
              chain: sep,
              of: how.by === "random" ? how.of : decision.endpoints.length,
            });
    return text(
      hopMessage(decision.local ? "hop.proxy-dnat-local" : "hop.proxy-dnat", {
        mode: "iptables",
        node: node.name,
        chains: decision.chains.join(" → "),
        pick,
        count: decision.endpoints.length,
        from: addr(packet.dst),
        to: endpoint.key,
      }),
      [...decision.chains, sep],
    );
  },
  reject: ({ node, packet }, comment) =>
    text(
      hopMessage("hop.proxy-reject", { mode: "iptables", node: node.name, comment, dst: addr(packet.dst) }),
      [comment],
    ),
  drop: ({ node }, comment) =>
    text(hopMessage("hop.proxy-drop", { mode: "iptables", node: node.name, comment }), [comment]),
  firewall: ({ node, port, packet }) =>
    text(
      hopMessage("hop.proxy-firewall", { node: node.name, client: packet.src.ip, chain: fwChainOf(port) }),
      [fwChainOf(port), "KUBE-PROXY-FIREWALL"],
    ),
  snat: (act, result, masquerade) =>
    text(hopMessage(MASQUERADE.iptables[masquerade], { from: act.packet.src.ip, to: act.node.internalIP }), [
      iptablesMasqueradeChain(act, result, masquerade),
      "KUBE-MARK-MASQ",
    ]),
};

/** The nftables verdict map that holds a packet's destination (nftables/proxier.go syncProxyRules). */
function nftMap(entry: ProxyEntry, kind: "service" | "no-endpoint"): string {
  const nodePort = entry === "nodePort";
  if (kind === "service") return nodePort ? "service-nodeports" : "service-ips";
  return nodePort ? "no-endpoint-nodeports" : "no-endpoint-services";
}

/** The chains a packet walks in the kube-proxy table: the verdict map's target, then the policy chain. */
function nftChains(act: ProxyAct, local: boolean): string[] {
  const names = nftChainNames(act.port);
  const policy = local ? names.local : names.cluster;
  return act.entry === "clusterIP" ? [policy] : [names.external, policy];
}

/** nftables/proxier.go: the `services` chain's verdict maps → external-/service-/local- chains → endpoint- chains, picked by `numgen random mod N vmap`. */
const NFTABLES: ModeTexts = {
  caught: ({ node, port, entry, packet }, from) => {
    const map = nftMap(entry, "service");
    return text(
      hopMessage("hop.node-caught-nft", {
        node: node.name,
        from,
        map,
        dst: addr(packet.dst),
        port: port.name,
      }),
      ["services", map],
    );
  },
  dnat: (act, { decision, choice }) => {
    const { endpoint, how } = choice;
    const map = nftMap(act.entry, "service");
    const chains = nftChains(act, decision.local);
    const target = nftEndpointNames(act.port, endpoint);
    const pick =
      how.by === "affinity"
        ? affinityPhrase(endpoint, how)
        : hopMessage("hop.pick-numgen", {
            of: decision.endpoints.length,
            value: how.by === "numgen" ? how.value : 0,
            chain: target.chain,
          });
    return text(
      hopMessage(decision.local ? "hop.proxy-dnat-local" : "hop.proxy-dnat", {
        mode: "nftables",
        node: act.node.name,
        chains: [`@${map}`, ...chains].join(" → "),
        pick,
        count: decision.endpoints.length,
        from: addr(act.packet.dst),
        to: endpoint.key,
      }),
      [map, ...chains, target.chain, ...(how.by === "affinity" ? [target.affinity] : [])],
    );
  },
  reject: ({ node, entry, packet }, comment) => {
    const map = nftMap(entry, "no-endpoint");
    return text(
      hopMessage("hop.proxy-reject-nft", { node: node.name, map, dst: addr(packet.dst), comment }),
      [map, "reject-chain"],
    );
  },
  drop: ({ node, entry, packet }, comment) => {
    const map = nftMap(entry, "no-endpoint");
    return text(hopMessage("hop.proxy-drop-nft", { node: node.name, map, dst: addr(packet.dst), comment }), [
      map,
    ]);
  },
  firewall: ({ node, port, packet }) => {
    const chain = nftChainNames(port).firewall;
    return text(
      hopMessage("hop.proxy-firewall-nft", {
        node: node.name,
        dst: addr(packet.dst),
        chain,
        client: packet.src.ip,
      }),
      ["firewall-check", "firewall-ips", chain],
    );
  },
  snat: (act, result, masquerade) => {
    const names = nftChainNames(act.port);
    const chain =
      masquerade === "hairpin"
        ? nftEndpointNames(act.port, result.choice.endpoint).chain
        : masquerade === "off-pod-network"
          ? (nftChains(act, result.decision.local)[0] ?? names.cluster)
          : names.external;
    return text(
      hopMessage("hop.snat-nft", {
        from: act.packet.src.ip,
        to: act.node.internalIP,
        why: hopMessage(MASQUERADE.nftables[masquerade], { chain }),
      }),
      [chain, "mark-for-masquerade", "masquerading"],
    );
  },
};

/** A virtual server as the hop names it: `TCP 10.96.0.10:53` (ipvsadm -Ln prints the address:port the viewer marks). */
function virtualServerName(packet: PacketHeader): string {
  return `${packet.protocol} ${addr(packet.dst)}`;
}

/** ipvs/proxier.go: the ipset that matches the destination, then the IPVS virtual server and its real servers, scheduled round robin. */
const IPVS: ModeTexts = {
  caught: ({ node, port, entry, packet }, from) => {
    const set = ipsetOf(port, entry);
    const vs = virtualServerName(packet);
    return text(hopMessage("hop.node-caught-ipvs", { node: node.name, from, vs, port: port.name, set }), [
      addr(packet.dst),
      set,
    ]);
  },
  dnat: ({ node, port, entry, packet }, { decision, choice }) => {
    const { endpoint, how } = choice;
    const vs = virtualServerName(packet);
    const set = ipsetOf(port, entry);
    const pick =
      how.by === "affinity"
        ? affinityPhrase(endpoint, how)
        : hopMessage("hop.pick-round-robin", {
            server: how.by === "round-robin" ? how.server + 1 : 1,
            of: decision.endpoints.length,
          });
    const params = {
      mode: "ipvs",
      node: node.name,
      chains: `ipset ${set} → ${vs} rr`,
      pick,
      count: decision.endpoints.length,
      from: addr(packet.dst),
      to: endpoint.key,
    };
    const message = decision.fallback
      ? hopMessage("hop.proxy-dnat-ipvs-fallback", params)
      : hopMessage(decision.local ? "hop.proxy-dnat-local" : "hop.proxy-dnat", params);
    return text(message, [addr(packet.dst), set, endpoint.key]);
  },
  reject: ({ node, packet }) => {
    const vs = virtualServerName(packet);
    return text(hopMessage("hop.proxy-reject-ipvs", { node: node.name, vs }), [addr(packet.dst)]);
  },
  // IPVS never drops for a Local policy: with no local endpoint its real servers are the cluster's.
  drop: (act, comment) => IPTABLES.drop(act, comment),
  firewall: ({ node, packet }) =>
    text(
      hopMessage("hop.proxy-firewall-ipvs", {
        node: node.name,
        dst: addr(packet.dst),
        client: packet.src.ip,
      }),
      ["KUBE-LOAD-BALANCER-FW", "KUBE-SOURCE-RANGES-FIREWALL"],
    ),
  snat: (act, _result, masquerade) => {
    const set =
      masquerade === "hairpin"
        ? "KUBE-LOOP-BACK"
        : masquerade === "off-pod-network"
          ? "KUBE-CLUSTER-IP"
          : ipsetOf(act.port, act.entry);
    return text(
      hopMessage("hop.snat-ipvs", {
        from: act.packet.src.ip,
        to: act.node.internalIP,
        why: hopMessage(MASQUERADE.ipvs[masquerade], { set }),
      }),
      [set, "KUBE-MARK-MASQ"],
    );
  },
};

const TEXTS: Record<KubeProxyMode, ModeTexts> = { iptables: IPTABLES, nftables: NFTABLES, ipvs: IPVS };

/** The hop texts of kube-proxy's mode. */
export function proxyTexts(mode: KubeProxyMode): ModeTexts {
  return TEXTS[mode];
}
