import type { EventMessage } from "../../messages/index.ts";
import type { Ref } from "../types.ts";

/**
 * An event a controller records (core/v1 Event, as `kubectl get events` lists it), before the clock
 * stamps it with its instant: the reason is the one the Kubernetes controller records.
 */
export interface ControllerEvent {
  type: "Normal" | "Warning";
  reason: string;
  object: Ref;
  text: EventMessage;
}
