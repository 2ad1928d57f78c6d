import { type EndpointSliceState, type PodState, refName, type ServiceState } from "../../engine/index.ts";
import { servicePortLines } from "../../kubectl/describe.ts";
import { printFields } from "../../kubectl/printers.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { Fields } from "./Fields.tsx";
import { KubectlFields } from "./KubectlFields.tsx";
import { ServiceRules } from "./ServiceRules.tsx";

/** A pod: its kubectl row, its containers' ports as kubectl describe lists them, and why it is Pending. */
export function PodDetails({ pod }: { pod: PodState }) {
  const t = useT();
  const engineText = useEngineText();
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.pod", { name: pod.name })}</h3>
      <KubectlFields resource="pods" singular="pod" namespace={pod.namespace} name={pod.name} />
      <Fields
        rows={[
          // describe.go describeContainerPorts: PORT/PROTOCOL for each container.
          ...pod.containers.map(
            (c) =>
              [
                t("field.ports"),
                `${c.name}: ${c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(", ") || "<none>"}`,
              ] as const,
          ),
          ...(pod.pendingReason ? [[t("pod.pending"), engineText(pod.pendingReason)] as const] : []),
        ]}
      />
    </section>
  );
}

/** A Service: its kubectl row and kubectl describe's port lines, then the EndpointSlices behind it. */
export function ServiceDetails({ service, slices }: { service: ServiceState; slices: EndpointSliceState[] }) {
  const t = useT();
  const cluster = useAppStore(shownCluster);
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.service", { name: service.name })}</h3>
      <KubectlFields
        resource="services"
        singular="service"
        namespace={service.namespace}
        name={service.name}
      />
      {cluster && <Fields rows={servicePortLines(cluster, service)} />}
      <h4 className="mt-4 font-semibold text-xs">{t("inspector.slices")}</h4>
      {slices.length === 0 && <p className="text-slate-500 text-xs">{t("inspector.noSlices")}</p>}
      {slices.map((slice) => {
        // kubectl get endpointslice: ADDRESSTYPE, PORTS, ENDPOINTS, AGE.
        const row = cluster ? printFields("endpointslices", cluster, slice.namespace, slice.name) : null;
        const ports = row?.find(([column]) => column === "PORTS")?.[1] ?? "";
        return (
          <table key={slice.ref} className="mt-1 w-full text-left text-[11px]">
            <caption className="text-left font-mono text-slate-600">
              {slice.name} · PORTS {ports} · {slice.managedBy}
            </caption>
            <thead>
              <tr className="text-slate-500">
                <th>{t("field.ip")}</th>
                <th>{t("field.ready")}</th>
                <th>{t("field.node")}</th>
                <th>Pod</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {slice.endpoints.map((e) => (
                <tr
                  key={`${e.addresses.join()}-${e.targetRef ?? ""}`}
                  className={e.conditions.ready ? "" : "text-red-700"}
                >
                  <td>{e.addresses.join(", ")}</td>
                  <td>
                    {e.conditions.ready ? t("yes") : t("no")}
                    {e.conditions.terminating ? ` · ${t("pod.terminating")}` : ""}
                  </td>
                  <td>{e.nodeName ?? "—"}</td>
                  <td>{e.targetRef ? refName(e.targetRef) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <ServiceRules service={service} />
    </section>
  );
}
