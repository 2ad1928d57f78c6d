import type { Ref } from "../cluster/types.ts";
import type { EventMessage } from "../messages/index.ts";

/**
 * One thing the control plane (or the scenario) did, in the shape of `kubectl get events`: the
 * reasons are the real ones where Kubernetes records an event (NodeNotReady, SuccessfulCreate,
 * Killing...), and the simulator's own where it shows what no event records (EndpointRemoved,
 * ProxyRulesSynced, LoadBalancerBackendRemoved...).
 */
export interface SimEvent {
  /** Seconds from the start of the scenario. */
  t: number;
  type: "Normal" | "Warning";
  reason: string;
  object: Ref;
  /** The message as a code and its parameters, for the app to show in the learner's language. */
  text: EventMessage;
  /** The same message in English (renderMessage(text)): what `svclab simulate` prints. */
  message: string;
}
