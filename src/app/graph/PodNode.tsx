import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { refKind, refName } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { lastBatch } from "../store/selectors.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { useGraphModel } from "./context.ts";
import { HiddenHandles } from "./HiddenHandles.tsx";
import { type PodFlowNode, podDrawnState } from "./layout.ts";

/** The kinds of the workloads that make pods, by their ref's kind (refs.ts). */
const WORKLOAD_KINDS: Record<string, string> = {
  deployment: "Deployment",
  replicaset: "ReplicaSet",
  statefulset: "StatefulSet",
  daemonset: "DaemonSet",
};

/** A pod: name, IP, ports and readiness; lit when it is an endpoint of the hovered Service; counts its answers in a batch. */
export const PodNode = memo(function PodNode({ id, data, selected }: NodeProps<PodFlowNode>) {
  const t = useT();
  const model = useGraphModel();
  // The hovered Service, when its EndpointSlices list this pod: the labels its selector matched are marked.
  const chosenBy = useAppStore((s) =>
    s.hoveredRef !== null && model.endpoints.get(s.hoveredRef)?.includes(id) ? s.hoveredRef : null,
  );
  const lit = chosenBy !== null;
  const matched = Object.entries((chosenBy && model.selectors.get(chosenBy)) ?? {});
  // What this pod answered of the Requests view's last batch (not a Time view figure).
  const answered = useAppStore((s) => (s.timeMode ? 0 : (lastBatch(s)?.backends[id] ?? 0)));
  // In the time view: deleted on an unreachable node, kept by the API server until its kubelet confirms.
  const terminating = useAppStore((s) => s.timeMode && (s.timeState?.terminatingPods.includes(id) ?? false));
  const { pod, unreachable } = data;
  const state = podDrawnState(pod, unreachable);
  const style = {
    ready: "border-emerald-500 bg-white",
    notReady: "border-amber-500 border-dashed bg-amber-50",
    pending: "border-slate-400 border-dashed bg-slate-100",
    unreachable: "border-red-400 border-dashed bg-slate-200 text-slate-500 opacity-80",
  }[state];
  const ports = pod.containers.flatMap((c) => c.ports.map((p) => p.containerPort)).join(", ");
  const owner = pod.owner
    ? { kind: WORKLOAD_KINDS[refKind(pod.owner)] ?? refKind(pod.owner), name: refName(pod.owner) }
    : null;
  return (
    <>
      <article
        aria-label={t("pod.label", { name: pod.name })}
        data-state={state}
        data-lit={lit ? "true" : undefined}
        className={`relative h-full w-full overflow-hidden rounded-md border-2 px-1.5 py-0.5 text-left text-[12px] leading-4 shadow-sm ${style} ${
          lit ? "ring-4 ring-sky-400" : ""
        } ${selected ? "outline-2 outline-blue-600" : ""}`}
      >
        <HiddenHandles />
        <h4 className="truncate font-semibold text-[13px] text-slate-900 leading-[18px]">{pod.name}</h4>
        <p className="flex gap-1 font-mono text-slate-700">
          <span className="min-w-0 truncate">
            {pod.podIP ?? "—"}
            {ports ? `:${ports}` : ""}
          </span>
          {answered > 0 && (
            // Beside the address, so the pod's name stays whole.
            <span className="ml-auto shrink-0 rounded-full bg-blue-600 px-1.5 font-bold font-sans text-[11px] text-white">
              {t("pod.answered", { count: answered })}
            </span>
          )}
        </p>
        {matched.length > 0 ? (
          <p className="flex gap-1 truncate" title={t("pod.matched")}>
            {matched.map(([key, value]) => (
              <mark key={key} className="rounded bg-sky-100 px-1 font-mono text-sky-900 ring-1 ring-sky-400">
                {key}={value}
              </mark>
            ))}
          </p>
        ) : (
          <p className="flex gap-1 text-slate-600">
            <span className="min-w-0 truncate">
              {state === "unreachable"
                ? t("pod.unreachable")
                : state === "pending"
                  ? t("pod.pending")
                  : state === "ready"
                    ? t("pod.ready")
                    : t("pod.notReady")}
              {terminating ? ` · ${t("pod.terminating")}` : ""}
              {pod.namespace !== "default" ? ` · ${pod.namespace}` : ""}
            </span>
            {owner && (
              // The workload that made it (Deployment, StatefulSet...), as kubectl's "Controlled By".
              <span
                title={t("pod.owner", owner)}
                className="ml-auto min-w-0 shrink truncate rounded bg-indigo-50 px-1 text-[11px] text-indigo-900 ring-1 ring-indigo-200"
              >
                {owner.kind} {owner.name}
              </span>
            )}
          </p>
        )}
      </article>
      {/* Its containers and their ports, shown while the pod is pointed at or selected: they share its
        network namespace, so one reaches another at localhost (kubernetes.io/docs/concepts/workloads/pods/#pod-networking). */}
      <section aria-label={t("pod.containers", { name: pod.name })} className="pod-containers">
        <ul>
          {pod.containers.map((c) => (
            <li key={c.name} className="flex gap-1">
              <span className="font-semibold">{c.name}</span>
              <span className="min-w-0 truncate text-slate-600">{c.image}</span>
              <span className="ml-auto shrink-0 font-mono">
                {c.ports
                  .map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ""}`)
                  .join(", ") || "—"}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-0.5 text-slate-600">{t("pod.localhost")}</p>
      </section>
    </>
  );
});
