import type { NodeState, PodState } from "../cluster/types.ts";
import type { PacketHeader } from "../trace/types.ts";
import { type DataPlane, memo } from "./dataplane.ts";

/** A port a pod's container declares (spec.containers[].ports[]). */
export interface DeclaredPort {
  declared: true;
  container: string;
  containerPort: number;
  protocol: string;
  /** The port's name, when it has one. */
  name: string | undefined;
  /** Its field path in the pod's spec. */
  field: string;
}

/**
 * containerPort is informational (Pod API: "Not specifying a port here DOES NOT prevent that port
 * from being exposed"): with none declared, the simulator assumes the process listens.
 */
export const UNDECLARED = { declared: false, field: "spec.containers" } as const;

export type Listener = DeclaredPort | typeof UNDECLARED;

/** A pod's declared container ports, worked out once per containers list: every delivery asks for them. */
function declaredPorts(dp: DataPlane, pod: PodState): DeclaredPort[] {
  return memo(dp.cache.containerPorts, pod.containers, () =>
    pod.containers.flatMap((container, c) =>
      container.ports.map(
        (port, p): DeclaredPort => ({
          declared: true,
          container: container.name,
          containerPort: port.containerPort,
          protocol: port.protocol,
          name: port.name,
          field: `spec.containers[${c}].ports[${p}].containerPort`,
        }),
      ),
    ),
  );
}

/** The container port a packet reaches, or null when the pod declares ports and none matches. */
export function listener(dp: DataPlane, pod: PodState, packet: PacketHeader): Listener | null {
  const declared = declaredPorts(dp, pod);
  if (declared.length === 0) return UNDECLARED;
  return declared.find((l) => l.containerPort === packet.dst.port && l.protocol === packet.protocol) ?? null;
}

/** The host-network pod on `node` that declares the port a packet reaches the node's address on. */
export function hostPodListening(dp: DataPlane, node: NodeState, packet: PacketHeader): PodState | undefined {
  return dp.hostPods
    .get(node.name)
    ?.find((pod) => listener(dp, pod, packet) !== null && pod.containers.some((c) => c.ports.length > 0));
}
