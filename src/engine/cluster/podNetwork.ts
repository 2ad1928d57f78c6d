import { cidrContains, formatIPv4, parseCIDR, parseIPv4 } from "./ip.ts";
import type { NodeState } from "./types.ts";

/**
 * Pod IPs from each node's pod CIDR. A simulator choice standing for the CNI's host-local IPAM:
 * addresses are handed out in order from .2 (the bridge plugin keeps .1 for the node's gateway)
 * up to the last address before broadcast.
 */
export class PodIPAllocator {
  private readonly next = new Map<string, { address: number; last: number }>();

  /** `inUse`: addresses already handed out; allocation goes on after the highest, as host-local's last-reserved IP does. */
  constructor(nodes: readonly NodeState[], inUse: Iterable<string> = []) {
    const used = [...inUse].map(parseIPv4).filter((ip) => ip !== null);
    for (const node of nodes) {
      const cidr = parseCIDR(node.podCIDR);
      if (!cidr) continue;
      const highest = used
        .filter((ip) => cidrContains(cidr, ip))
        .reduce((a, b) => Math.max(a, b), cidr.base + 1);
      this.next.set(node.name, { address: highest + 1, last: cidr.base + cidr.size - 2 });
    }
  }

  /** The next free address on the node, or null when its range is exhausted. */
  allocate(nodeName: string): string | null {
    const range = this.next.get(nodeName);
    if (!range || range.address > range.last) return null;
    return formatIPv4(range.address++);
  }
}
