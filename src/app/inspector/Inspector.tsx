import type { ReactNode } from "react";
import type { IngressSummary } from "../../engine/index.ts";
import {
  type Cluster,
  isGatewayKind,
  objectRef,
  type SourcedObject,
  type Trace,
} from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { Lazy, lazyNamed } from "../layout/Lazy.tsx";
import type { AppState } from "../store/index.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";

// The details (kubectl's printers, describe, a node's rules, a packet's hops) load with the first
// selection: the first screen's inspector is empty.
const GatewayApiDetails = lazyNamed(() => import("./GatewayApiDetails.tsx"), "GatewayApiDetails");
const IngressDetails = lazyNamed(() => import("./IngressDetails.tsx"), "IngressDetails");
const NodeDetails = lazyNamed(() => import("./NodeDetails.tsx"), "NodeDetails");
const PodDetails = lazyNamed(() => import("./ObjectDetails.tsx"), "PodDetails");
const ServiceDetails = lazyNamed(() => import("./ObjectDetails.tsx"), "ServiceDetails");
const PacketDetails = lazyNamed(() => import("./PacketDetails.tsx"), "PacketDetails");

type Inspected =
  | { kind: "node"; node: Cluster["nodes"][number] }
  | { kind: "pod"; pod: Cluster["pods"][number] }
  | { kind: "service"; service: Cluster["services"][number] }
  | { kind: "ingress"; ingress: IngressSummary }
  | { kind: "gatewayApi"; source: SourcedObject };

/** The object `ref` names, if the inspector has details for it; a Deployment the editor's caret is in has
 * none, and then the inspector stays collapsed rather than widening to print a bare name. */
function inspected(cluster: Cluster, ingresses: readonly IngressSummary[], ref: string): Inspected | null {
  const node = cluster.nodes.find((n) => n.ref === ref);
  if (node) return { kind: "node", node };
  const pod = cluster.pods.find((p) => p.ref === ref);
  if (pod) return { kind: "pod", pod };
  const service = cluster.services.find((s) => s.ref === ref);
  if (service) return { kind: "service", service };
  const ingress = ingresses.find((i) => i.ref === ref);
  if (ingress) return { kind: "ingress", ingress };
  const gatewayApi = cluster.objects.find(
    (o) =>
      ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute"].some((kind) =>
        isGatewayKind(o, kind),
      ) && objectRef(o.object) === ref,
  );
  return gatewayApi ? { kind: "gatewayApi", source: gatewayApi } : null;
}

function objectView(cluster: Cluster, object: Inspected): ReactNode {
  switch (object.kind) {
    case "node":
      return <NodeDetails node={object.node} />;
    case "pod":
      return <PodDetails pod={object.pod} />;
    case "service":
      return (
        <ServiceDetails
          service={object.service}
          slices={cluster.endpointSlices.filter((s) => s.service === object.service.ref)}
        />
      );
    case "ingress":
      return <IngressDetails ingress={object.ingress} />;
    case "gatewayApi":
      return <GatewayApiDetails source={object.source} />;
  }
}

/** The packet the inspector shows: the selected request's, or in the Time view the packet clicked. */
export function inspectedPacket(state: AppState): { id: number; trace: Trace } | undefined {
  if (state.timeMode) return state.timePacket ?? undefined;
  return state.requests.find((r) => r.id === state.selectedRequest);
}

/** Whether the inspector has nothing to show: then it shrinks and gives its room to the graph. */
export function inspectorEmpty(state: AppState): boolean {
  if (state.inspecting === "request" && inspectedPacket(state)) return false;
  const cluster = shownCluster(state);
  return !(cluster && state.selectedRef && inspected(cluster, state.ingresses, state.selectedRef));
}

/** The right-hand panel: details of the selected object, or the hop table of the selected packet. */
export function Inspector() {
  const t = useT();
  const cluster = useAppStore(shownCluster);
  const selectedRef = useAppStore((s) => s.selectedRef);
  const ingresses = useAppStore((s) => s.ingresses);
  const inspecting = useAppStore((s) => s.inspecting);
  const request = useAppStore(inspectedPacket);
  const object = cluster && selectedRef ? inspected(cluster, ingresses, selectedRef) : null;
  const body =
    inspecting === "request" && request ? (
      <PacketDetails id={request.id} trace={request.trace} />
    ) : object && cluster ? (
      objectView(cluster, object)
    ) : (
      <p className="text-slate-500 text-sm">{t("inspector.empty")}</p>
    );
  return (
    <aside
      aria-label={t("inspector.region")}
      className="flex h-full min-h-0 flex-col overflow-y-auto bg-white p-3 text-sm"
    >
      <h2 className="sr-only">{t("inspector.region")}</h2>
      <Lazy className="">{body}</Lazy>
    </aside>
  );
}
