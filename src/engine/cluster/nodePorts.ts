import { StableAllocator, staticBandSize } from "./allocator.ts";

export interface NodePortRequest {
  /** `svc/NS/NAME`: with the port number, the key that keeps each nodePort stable. */
  ref: string;
  /** spec.ports[].port and spec.ports[].nodePort as written. */
  ports: { port: number; nodePort?: number }[];
  /** NodePort, or LoadBalancer with allocateLoadBalancerNodePorts left true. */
  allocate: boolean;
  /** LoadBalancer with externalTrafficPolicy Local: spec.healthCheckNodePort as written, or null to allocate. */
  healthCheck?: { requested?: number };
}

export interface NodePortAssignment {
  nodePorts: (number | undefined)[];
  healthCheckNodePort?: number;
}

/**
 * nodePorts from the node port range (kube-apiserver --service-node-port-range). Requested ports are
 * honoured first; the rest come from StableAllocator keyed by Service and port, so editing one
 * Service never moves another's ports.
 */
export function allocateNodePorts(
  requests: readonly NodePortRequest[],
  range: { min: number; max: number },
): NodePortAssignment[] {
  const size = range.max - range.min + 1;
  const allocator = new StableAllocator(range.min, range.max, staticBandSize(size, 16, 32, 128));
  for (const r of requests) {
    for (const p of r.ports) if (p.nodePort !== undefined) allocator.reserve(p.nodePort);
    if (r.healthCheck?.requested !== undefined) allocator.reserve(r.healthCheck.requested);
  }
  return requests.map((r) => {
    // storage/alloc.go initNodePorts: ports with the same number (e.g. 53/TCP and 53/UDP) share one nodePort.
    const byPort = new Map<number, number>();
    const nodePorts = r.ports.map((p) => {
      if (p.nodePort !== undefined) {
        if (!byPort.has(p.port)) byPort.set(p.port, p.nodePort);
        return p.nodePort;
      }
      // initNodePorts: without allocation, specific requests are still respected.
      if (!r.allocate) return undefined;
      const shared =
        byPort.get(p.port) ?? r.ports.find((q) => q.port === p.port && q.nodePort !== undefined)?.nodePort;
      const value = shared ?? allocator.allocate(`${r.ref}:${p.port}`) ?? undefined;
      if (value !== undefined) byPort.set(p.port, value);
      return value;
    });
    if (!r.healthCheck) return { nodePorts };
    // storage/alloc.go allocHealthCheckNodePort: one more port from the same range.
    const healthCheckNodePort =
      r.healthCheck.requested ?? allocator.allocate(`${r.ref}:healthCheckNodePort`) ?? undefined;
    return { nodePorts, ...(healthCheckNodePort !== undefined ? { healthCheckNodePort } : {}) };
  });
}
