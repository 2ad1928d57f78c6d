import type { ControllerEvent } from "../cluster/controllers/events.ts";

/**
 * One thing the control plane (or the scenario) did, in the shape of `kubectl get events`: the
 * reasons are the real ones where Kubernetes records an event (NodeNotReady, SuccessfulCreate,
 * Killing...), and the simulator's own where it shows what no event records (EndpointRemoved,
 * ProxyRulesSynced, LoadBalancerBackendRemoved...).
 */
export interface SimEvent extends ControllerEvent {
  /** Seconds from the start of the scenario. */
  t: number;
  /** The same message in English (renderMessage(text)): what `svclab simulate` prints. */
  message: string;
}
