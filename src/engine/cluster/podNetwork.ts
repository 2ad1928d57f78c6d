import { formatIPv4, parseCIDR } from "./ip.ts";
import type { NodeState } from "./types.ts";

/**
 * Pod IPs from each node's pod CIDR. A simulator choice standing for the CNI's host-local IPAM:
 * addresses are handed out in order from .2 (the bridge plugin keeps .1 for the node's gateway)
 * up to the last address before broadcast.
 */
export class PodIPAllocator {
  private readonly next = new Map<string, { address: number; last: number }>();

  constructor(nodes: readonly NodeState[]) {
    for (const node of nodes) {
      const cidr = parseCIDR(node.podCIDR);
      if (cidr) this.next.set(node.name, { address: cidr.base + 2, last: cidr.base + cidr.size - 2 });
    }
  }

  /** The next free address on the node, or null when its range is exhausted. */
  allocate(nodeName: string): string | null {
    const range = this.next.get(nodeName);
    if (!range || range.address > range.last) return null;
    return formatIPv4(range.address++);
  }
}
