import { cidrContains, formatIPv4, parseCIDR, parseIPv4 } from "./ip.ts";
import type { NodeState } from "./types.ts";

/**
 * Pod IPs from each node's pod CIDR. A simulator choice standing for the CNI's host-local IPAM:
 * addresses are handed out in order from .2 (the bridge plugin keeps .1 for the node's gateway)
 * up to the last address before broadcast.
 */
export class PodIPAllocator {
  private readonly ranges = new Map<
    string,
    { first: number; last: number; next: number; used: Set<number> }
  >();

  /**
   * `inUse`: addresses already handed out. Allocation goes on after the highest of them and wraps round
   * to the free ones below it, as host-local's range iterator does from its last reserved IP
   * (containernetworking/plugins, plugins/ipam/host-local/backend/allocator/allocator.go).
   */
  constructor(nodes: readonly NodeState[], inUse: Iterable<string> = []) {
    const used = [...inUse].map(parseIPv4).filter((ip) => ip !== null);
    for (const node of nodes) {
      const cidr = parseCIDR(node.podCIDR);
      if (!cidr) continue;
      const mine = used.filter((ip) => cidrContains(cidr, ip));
      const highest = mine.reduce((a, b) => Math.max(a, b), cidr.base + 1);
      this.ranges.set(node.name, {
        first: cidr.base + 2,
        last: cidr.base + cidr.size - 2,
        next: highest + 1,
        used: new Set(mine),
      });
    }
  }

  /** The next free address on the node, or null when its range is exhausted. */
  allocate(nodeName: string): string | null {
    const range = this.ranges.get(nodeName);
    if (!range) return null;
    const count = range.last - range.first + 1;
    const start = range.next > range.last ? range.first : range.next;
    for (let i = 0; i < count; i++) {
      const address = range.first + ((start - range.first + i) % count);
      if (range.used.has(address)) continue;
      range.used.add(address);
      range.next = address + 1;
      return formatIPv4(address);
    }
    return null;
  }
}

/** Whether `ip` is one of the node's pod addresses (inside its podCIDR), as a pod's reported status.podIP must be. */
export function inPodCIDR(node: NodeState, ip: string): boolean {
  const cidr = parseCIDR(node.podCIDR);
  const address = parseIPv4(ip);
  return cidr !== null && address !== null && cidrContains(cidr, address);
}
