import type { EndpointSliceState, PodState, ServiceState } from "../../engine/index.ts";
import { refName } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { Fields, labelsText } from "./Fields.tsx";

/** A pod: address, node, labels, ports and readiness. */
export function PodDetails({ pod }: { pod: PodState }) {
  const t = useT();
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.pod", { name: pod.name })}</h3>
      <Fields
        rows={[
          [t("field.ip"), pod.podIP ?? "—"],
          [t("field.node"), pod.nodeName ?? pod.pendingReason ?? t("pod.pending")],
          [t("field.labels"), labelsText(pod.labels)],
          [
            t("field.ports"),
            pod.containers
              .flatMap((c) =>
                c.ports.map(
                  (p) => `${c.name}: ${p.name ? `${p.name} ` : ""}${p.containerPort}/${p.protocol}`,
                ),
              )
              .join(", ") || "—",
          ],
          [t("field.ready"), pod.ready ? t("yes") : t("no")],
        ]}
      />
    </section>
  );
}

/** A Service: its addresses and ports, its selector, and the EndpointSlices behind it. */
export function ServiceDetails({ service, slices }: { service: ServiceState; slices: EndpointSliceState[] }) {
  const t = useT();
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.service", { name: service.name })}</h3>
      <Fields
        rows={[
          [
            t("field.type"),
            service.externalName ? `${service.type} → ${service.externalName}` : service.type,
          ],
          [t("field.clusterIP"), service.clusterIP ?? "—"],
          [
            t("field.ports"),
            service.ports
              .map(
                (p) =>
                  `${p.name ? `${p.name} ` : ""}${p.port}→${p.targetPort}${p.nodePort ? ` (nodePort ${p.nodePort})` : ""}/${p.protocol}`,
              )
              .join(", ") || "—",
          ],
          [t("field.selector"), service.selector ? labelsText(service.selector) : t("service.noSelector")],
          [t("field.externalIPs"), service.externalIPs.join(", ") || "—"],
          [t("field.lbIPs"), service.loadBalancerIPs.join(", ") || "—"],
        ]}
      />
      <h4 className="mt-4 font-semibold text-xs">{t("inspector.slices")}</h4>
      {slices.length === 0 && <p className="text-slate-500 text-xs">{t("inspector.noSlices")}</p>}
      {slices.map((slice) => (
        <table key={slice.ref} className="mt-1 w-full text-left text-[11px]">
          <caption className="text-left font-mono text-slate-600">
            {slice.name} · {slice.ports.map((p) => `${p.name ?? ""}:${p.port}`).join(" ")} · {slice.managedBy}
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
                <td>{e.conditions.ready ? t("yes") : t("no")}</td>
                <td>{e.nodeName ?? "—"}</td>
                <td>{e.targetRef ? refName(e.targetRef) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
