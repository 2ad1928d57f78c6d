import type { EndpointSliceState, NodeState, Ref, ServiceState } from "../cluster/types.ts";
import { type EventMessage, message } from "../messages/index.ts";
import { lbRef } from "../refs.ts";
import type { HealthCheckSettings } from "./settings.ts";

/** kube-proxy's --healthz-bind-address port: what a load balancer checks for externalTrafficPolicy Cluster. */
export const KUBE_PROXY_HEALTH_PORT = 10256;

/** One node as one load balancer's health checks see it. */
export interface BackendHealth {
  node: string;
  /** In the load balancer's pool: it sends new connections here. */
  healthy: boolean;
  /** Consecutive failed checks, and consecutive passed ones. */
  failures: number;
  successes: number;
  /** The last check's result, when one has been recorded: when, and why it passed or failed. */
  last?: { t: number; passed: boolean; detail: EventMessage };
}

/** A Service's cloud load balancer and the health of each node behind it. */
export interface LoadBalancerHealth {
  /** `lb/NS/NAME`. */
  lb: Ref;
  service: Ref;
  /** What each probe asks for: `http://NODE:10256/healthz` or the Service's healthCheckNodePort. */
  check: { port: number; path: string; what: string };
  backends: BackendHealth[];
}

/**
 * The check a cloud provider creates for a Service load balancer (cloud-provider-gcp
 * GetServiceHealthCheckPathPort): externalTrafficPolicy Local gets the Service's
 * healthCheckNodePort, which kube-proxy answers 200 only on nodes with a ready local endpoint;
 * Cluster gets kube-proxy's own health port on every node.
 */
export function checkOf(service: ServiceState): LoadBalancerHealth["check"] {
  if (service.externalTrafficPolicy === "Local" && service.healthCheckNodePort) {
    return {
      port: service.healthCheckNodePort,
      path: "/healthz",
      what: `healthCheckNodePort ${service.healthCheckNodePort}: 200 only where a ready endpoint of ${service.ref} runs`,
    };
  }
  return {
    port: KUBE_PROXY_HEALTH_PORT,
    path: "/healthz",
    what: `kube-proxy's health port ${KUBE_PROXY_HEALTH_PORT}: 200 on every node whose kube-proxy runs`,
  };
}

export interface Probe {
  passed: boolean;
  /** Whether the answer comes at once (200, or kube-proxy's 503) or only when the timeout ends (no answer). */
  timedOut: boolean;
  detail: EventMessage;
}

/** Whether kube-proxy on `node` has a ready endpoint of the Service in the rules it last synced. */
function hasLocalEndpoint(
  service: ServiceState,
  node: string,
  proxied: readonly EndpointSliceState[],
): boolean {
  return proxied.some(
    (slice) =>
      slice.service === service.ref && slice.endpoints.some((e) => e.nodeName === node && e.conditions.ready),
  );
}

/** One probe from the load balancer to a node. */
export function probe(
  service: ServiceState,
  node: NodeState,
  proxied: readonly EndpointSliceState[],
  settings: HealthCheckSettings,
): Probe {
  const check = checkOf(service);
  const url = `http://${node.internalIP}:${check.port}${check.path}`;
  if (node.failed)
    return {
      passed: false,
      timedOut: true,
      detail: message("event.healthCheck.noAnswer", { url, timeout: settings.timeout }),
    };
  if (check.port !== KUBE_PROXY_HEALTH_PORT && !hasLocalEndpoint(service, node.name, proxied)) {
    // proxy/healthcheck service_health.go: 503 with "localEndpoints": 0.
    return { passed: false, timedOut: false, detail: message("event.healthCheck.noLocalEndpoint", { url }) };
  }
  return { passed: true, timedOut: false, detail: message("event.healthCheck.ok", { url }) };
}

/** Load balancers of every LoadBalancer Service that has an address, in their steady state at the start. */
export function initialHealth(
  services: readonly ServiceState[],
  nodes: readonly NodeState[],
  proxied: readonly EndpointSliceState[],
  settings: HealthCheckSettings,
): LoadBalancerHealth[] {
  return services
    .filter((s) => s.type === "LoadBalancer" && s.loadBalancerIPs.length > 0)
    .map((service) => ({
      lb: lbRef(service.namespace, service.name),
      service: service.ref,
      check: checkOf(service),
      // The simulator starts from a long-settled state: each node is where its checks have long put it.
      backends: nodes.map((node) => {
        const passed = probe(service, node, proxied, settings).passed;
        return { node: node.name, healthy: passed, failures: 0, successes: 0 };
      }),
    }));
}

/**
 * A probe's result reaches the load balancer: after `unhealthyThreshold` consecutive failures a
 * healthy node leaves the pool, after `healthyThreshold` consecutive successes an unhealthy one
 * joins it again (GCP health checks). Returns the change, if any.
 */
export function record(
  backend: BackendHealth,
  t: number,
  result: Probe,
  settings: HealthCheckSettings,
): "removed" | "added" | null {
  backend.last = { t, passed: result.passed, detail: result.detail };
  if (result.passed) {
    backend.failures = 0;
    backend.successes++;
    if (!backend.healthy && backend.successes >= settings.healthyThreshold) {
      backend.healthy = true;
      return "added";
    }
    return null;
  }
  backend.successes = 0;
  backend.failures++;
  if (backend.healthy && backend.failures >= settings.unhealthyThreshold) {
    backend.healthy = false;
    return "removed";
  }
  return null;
}
