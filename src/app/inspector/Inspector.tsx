import type { ReactNode } from "react";
import type { Cluster } from "../../engine/index.ts";
import type { IngressSummary } from "../engine/ingresses.ts";
import { useT } from "../i18n/useT.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { IngressDetails } from "./IngressDetails.tsx";
import { NodeDetails } from "./NodeDetails.tsx";
import { PodDetails, ServiceDetails } from "./ObjectDetails.tsx";
import { PacketDetails } from "./PacketDetails.tsx";

function objectView(cluster: Cluster, ingresses: readonly IngressSummary[], ref: string): ReactNode {
  const node = cluster.nodes.find((n) => n.ref === ref);
  if (node) return <NodeDetails node={node} />;
  const pod = cluster.pods.find((p) => p.ref === ref);
  if (pod) return <PodDetails pod={pod} />;
  const service = cluster.services.find((s) => s.ref === ref);
  if (service)
    return (
      <ServiceDetails service={service} slices={cluster.endpointSlices.filter((s) => s.service === ref)} />
    );
  const ingress = ingresses.find((i) => i.ref === ref);
  if (ingress) return <IngressDetails ingress={ingress} />;
  return <p className="font-mono text-sm">{ref}</p>;
}

/** The right-hand panel: details of the selected object, or the hop table of the selected packet. */
export function Inspector() {
  const t = useT();
  const cluster = useAppStore(shownCluster);
  const selectedRef = useAppStore((s) => s.selectedRef);
  const ingresses = useAppStore((s) => s.ingresses);
  const inspecting = useAppStore((s) => s.inspecting);
  const request = useAppStore((s) => s.requests.find((r) => r.id === s.selectedRequest));
  const body =
    inspecting === "request" && request ? (
      <PacketDetails id={request.id} trace={request.trace} />
    ) : cluster && selectedRef ? (
      objectView(cluster, ingresses, selectedRef)
    ) : (
      <p className="text-slate-500 text-sm">{t("inspector.empty")}</p>
    );
  return (
    <aside
      aria-label={t("inspector.region")}
      className="flex h-full min-h-0 flex-col overflow-y-auto bg-white p-3 text-sm"
    >
      <h2 className="sr-only">{t("inspector.region")}</h2>
      {body}
    </aside>
  );
}
