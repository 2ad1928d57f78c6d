import { formatIPv4, parseCIDR, parseIPv4 } from "./ip.ts";

/**
 * What the simulated cloud controller gives each type LoadBalancer Service: `spec.loadBalancerIP`
 * when set (deprecated in v1.24, still honoured by clouds that support it), else the next free
 * address of settings.loadBalancerCIDR from .10 up, in manifest order (a simulator choice; a real
 * cloud picks from its own pool). Returns one address, or null when the pool is used up, per request.
 */
export function allocateLoadBalancerIPs(
  requests: readonly { requested?: string }[],
  loadBalancerCIDR: string,
): (string | null)[] {
  const cidr = parseCIDR(loadBalancerCIDR);
  if (!cidr) throw new Error(`invalid load-balancer CIDR in settings: ${loadBalancerCIDR}`);
  const taken = new Set(requests.flatMap((r) => (r.requested ? [r.requested] : [])));
  let next = cidr.base + 10;
  const last = cidr.base + cidr.size - 2;
  return requests.map((r) => {
    if (r.requested && parseIPv4(r.requested) !== null) return r.requested;
    while (next <= last && taken.has(formatIPv4(next))) next++;
    if (next > last) return null;
    const ip = formatIPv4(next++);
    taken.add(ip);
    return ip;
  });
}
