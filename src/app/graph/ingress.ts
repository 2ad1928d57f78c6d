import type { IngressSummary, PodState, Ref } from "../../engine/index.ts";
import { INGRESS_NGINX_DEPLOYMENT_REF } from "../../engine/index.ts";
import type { Rect } from "./geometry.ts";

// How an Ingress is drawn: a box with its class, a TLS badge and its rules, one line each, grouped
// by host; and the way requests reach it, which depends on who implements it. ingress-gce gives
// each Ingress an L7 load balancer of its own outside the cluster; ingress-nginx runs as ordinary
// pods behind one LoadBalancer Service, so a request reaches an nginx Ingress through those pods.

export type IngressData = { ingress: IngressSummary; lines: IngressLine[]; hidden: number };

/** One line of the rules summary: a host heading, or a path under it and the backend it sends to. */
export type IngressLine =
  | { kind: "host"; text: string }
  | { kind: "path"; text: string; backend: string }
  | { kind: "default"; backend: string };

export const INGRESS_BOX = { width: 210, header: 48, line: 15, pad: 8, maxLines: 6 } as const;

/** The rules as lines, grouped by host in the order written; `*` is a rule for every host. */
export function ingressLines(ingress: IngressSummary): IngressLine[] {
  const lines: IngressLine[] = [];
  let host: string | null = null;
  for (const p of ingress.paths) {
    if (p.host !== host) {
      host = p.host;
      lines.push({ kind: "host", text: p.host || "*" });
    }
    lines.push({
      kind: "path",
      text: `${p.path}${p.pathType === "Exact" ? " (Exact)" : ""}`,
      backend: p.backend.text,
    });
  }
  if (ingress.defaultBackend) {
    lines.push({ kind: "default", backend: ingress.defaultBackend.text });
  }
  return lines;
}

/** The Ingresses stacked from `top` in column `x`, each as tall as the rules it shows. */
export function placeIngresses(
  ingresses: readonly IngressSummary[],
  x: number,
  top: number,
  gap: number,
): { ref: Ref; box: Rect; data: IngressData }[] {
  let y = top;
  return ingresses.map((ingress) => {
    const all = ingressLines(ingress);
    const lines = all.slice(0, INGRESS_BOX.maxLines);
    const shown = lines.length + (all.length > lines.length ? 1 : 0);
    const box = {
      x,
      y,
      width: INGRESS_BOX.width,
      height: INGRESS_BOX.header + shown * INGRESS_BOX.line + INGRESS_BOX.pad,
    };
    y += box.height + gap;
    return { ref: ingress.ref, box, data: { ingress, lines, hidden: all.length - lines.length } };
  });
}

/** ingress-gce's load balancers, one per served gce Ingress: drawn beside the cloud load balancers of Services. */
export function ingressLoadBalancers(
  ingresses: readonly IngressSummary[],
): { ref: Ref; ips: string[]; target: Ref }[] {
  return ingresses.flatMap((i) =>
    i.implementation === "gce" && i.frontDoor
      ? [{ ref: i.frontDoor, ips: i.address ? [i.address] : [], target: i.ref }]
      : [],
  );
}

/**
 * The routes a request for an Ingress may take, beyond those of load balancers and Services: from
 * each ingress-nginx controller pod to each nginx Ingress (the pods hold its configuration), and
 * from each Ingress to the Services its rules and default backend name.
 */
export function ingressRoutes(
  ingresses: readonly IngressSummary[],
  pods: readonly PodState[],
): [source: Ref, target: Ref][] {
  const controllers = pods.filter((p) => p.owner === INGRESS_NGINX_DEPLOYMENT_REF).map((p) => p.ref);
  const routes: [Ref, Ref][] = [];
  for (const ingress of ingresses) {
    if (ingress.implementation === "nginx") {
      for (const pod of controllers) routes.push([pod, ingress.ref]);
    }
    const backends = [
      ...ingress.paths.map((p) => p.backend),
      ...(ingress.defaultBackend ? [ingress.defaultBackend] : []),
    ];
    for (const service of new Set(backends.flatMap((b) => (b.service ? [b.service] : [])))) {
      routes.push([ingress.ref, service]);
    }
  }
  return routes;
}
