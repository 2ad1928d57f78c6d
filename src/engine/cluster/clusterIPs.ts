import { StableAllocator, staticBandSize } from "./allocator.ts";
import { formatIPv4, parseCIDR, parseIPv4 } from "./ip.ts";

/** kubeadm: the `kubernetes` Service takes the first address of the range, kube-dns the tenth. */
export function reservedServiceIPs(serviceCIDR: string): { kubernetes: string; kubeDNS: string } {
  const cidr = parseCIDR(serviceCIDR);
  const base = cidr?.base ?? 0;
  return { kubernetes: formatIPv4(base + 1), kubeDNS: formatIPv4(base + 10) };
}

export interface ClusterIPRequest {
  /** `svc/NS/NAME`: the key that keeps the address stable. */
  ref: string;
  /** spec.clusterIP as written: an address, "None" (headless), or undefined / "" to allocate. */
  requested: string | undefined;
  externalName: boolean;
}

/**
 * ClusterIPs from the Service CIDR: requested addresses are honoured first, then every other
 * Service gets one derived from its ref (StableAllocator), never the network or broadcast address
 * nor the addresses kubeadm gives the `kubernetes` and kube-dns Services.
 * Returns, per request in order, the address, "None" for headless, or null for ExternalName.
 */
export function allocateClusterIPs(
  requests: readonly ClusterIPRequest[],
  serviceCIDR: string,
): (string | null)[] {
  const cidr = parseCIDR(serviceCIDR);
  if (!cidr) throw new Error(`invalid service CIDR in settings: ${serviceCIDR}`);
  const allocator = new StableAllocator(1, cidr.size - 2, staticBandSize(cidr.size, 16, 16, 256));
  const reserved = reservedServiceIPs(serviceCIDR);
  const isReserved = new Set([reserved.kubernetes, reserved.kubeDNS]);
  const wanted = (r: ClusterIPRequest) =>
    r.requested && r.requested !== "None" ? parseIPv4(r.requested) : null;
  for (const r of requests) {
    const ip = wanted(r);
    if (!r.externalName && ip !== null) allocator.reserve(ip - cidr.base);
  }
  for (const ip of isReserved) allocator.reserve((parseIPv4(ip) ?? 0) - cidr.base);
  return requests.map((r) => {
    if (r.externalName) return null;
    if (r.requested === "None") return "None";
    if (r.requested) return r.requested;
    const offset = allocator.allocate(r.ref);
    return offset === null ? null : formatIPv4(cidr.base + offset);
  });
}
