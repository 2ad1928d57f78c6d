import { asRecord, asRecords } from "../../cluster/fields.ts";
import { allocateNodePorts, NODE_PORT_RANGE_FULL } from "../../cluster/nodePorts.ts";
import { nodePortRequests } from "../../cluster/services.ts";
import type { ClusterSettings } from "../../cluster/types.ts";
import type { SourcedObject } from "../types.ts";
import { type FieldError, fieldError } from "./field.ts";

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
  // Only Services that hold node ports take part: a ClusterIP Service without a nodePort asks nothing
  // of the range, and reading every Service in full cost a large manifest more than its parse.
  const holders = services.filter(holdsNodePorts);
  const assignments = allocateNodePorts(nodePortRequests(holders), settings.nodePortRange);
  assignments.forEach((assignment, i) => {
    const source = holders[i];
    if (assignment.full !== undefined && source)
      add(source, fieldError(assignment.full, NODE_PORT_RANGE_FULL));
  });
}

/** NodePort and LoadBalancer Services (types.go: they allocate), and any other that names a nodePort. */
function holdsNodePorts(source: SourcedObject): boolean {
  const spec = asRecord(source.object.spec);
  return (
    spec.type === "NodePort" ||
    spec.type === "LoadBalancer" ||
    asRecords(spec.ports).some((port) => port.nodePort !== undefined)
  );
}
