import { message } from "../messages/index.ts";
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
  /**
   * The field whose port the range could not supply (`spec.ports[1]`, `spec.healthCheckNodePort`):
   * the API server refuses such a Service whole, so it holds no port it asked the range for.
   */
  full?: string;
}

/** storage/alloc.go initNodePorts and allocHealthCheckNodePort, as the API server answers an empty range. */
export const NODE_PORT_RANGE_FULL = message("nodePort.rangeFull");

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
    // Ports this Service took from the range, given back if it is refused (PortAllocationOperation.Revert).
    const taken: number[] = [];
    let full: string | undefined;
    const next = (key: string, path: string): number | undefined => {
      const value = allocator.allocate(`${r.ref}:${key}`);
      if (value === null) full ??= path;
      else taken.push(value);
      return value ?? undefined;
    };
    // storage/alloc.go initNodePorts: ports with the same number (e.g. 53/TCP and 53/UDP) share one nodePort.
    const byPort = new Map<number, number>();
    const nodePorts = r.ports.map((p, i) => {
      if (p.nodePort !== undefined) {
        if (!byPort.has(p.port)) byPort.set(p.port, p.nodePort);
        return p.nodePort;
      }
      // initNodePorts: without allocation, specific requests are still respected.
      if (!r.allocate) return undefined;
      const shared =
        byPort.get(p.port) ?? r.ports.find((q) => q.port === p.port && q.nodePort !== undefined)?.nodePort;
      const value = shared ?? next(String(p.port), `spec.ports[${i}]`);
      if (value !== undefined) byPort.set(p.port, value);
      return value;
    });
    // storage/alloc.go allocHealthCheckNodePort: one more port from the same range.
    const healthCheckNodePort = r.healthCheck
      ? (r.healthCheck.requested ?? next("healthCheckNodePort", "spec.healthCheckNodePort"))
      : undefined;
    if (full !== undefined) {
      for (const value of taken) allocator.release(value);
      return { nodePorts: r.ports.map((p) => p.nodePort), full };
    }
    return { nodePorts, ...(healthCheckNodePort !== undefined ? { healthCheckNodePort } : {}) };
  });
}
