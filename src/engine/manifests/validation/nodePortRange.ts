import { allocateNodePorts, NODE_PORT_RANGE_FULL } from "../../cluster/nodePorts.ts";
import { nodePortRequests } from "../../cluster/services.ts";
import type { ClusterSettings } from "../../cluster/types.ts";
import type { SourcedObject } from "../types.ts";
import type { FieldError } from "./field.ts";

/**
 * Services the node port range cannot hold, in the order they are applied: the API server refuses
 * each with an internal error (storage/alloc.go initNodePorts: "failed to allocate a nodePort: range
 * is full"), on the port it could not allocate.
 */
export function checkNodePortRange(
  services: readonly SourcedObject[],
  settings: ClusterSettings,
  add: (source: SourcedObject, error: FieldError) => void,
): void {
  const assignments = allocateNodePorts(nodePortRequests(services), settings.nodePortRange);
  assignments.forEach((assignment, i) => {
    const source = services[i];
    if (assignment.full !== undefined && source)
      add(source, { path: assignment.full, severity: "error", message: NODE_PORT_RANGE_FULL });
  });
}
