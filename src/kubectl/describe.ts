import {
  type Cluster,
  type KubeObject,
  namespacedRef,
  renderMessage,
  type ServiceState,
} from "../engine/index.ts";
import { NONE, subsetsFromSlices } from "./printers.ts";
import type { ResourceInfo } from "./resources.ts";

/** A describe line: a label and its value(s) (more than one continue below, aligned), or a heading. */
type Line = [label: string, ...values: string[]];

/**
 * kubectl describe's layout (pkg/describe describe.go): `Label:` then the value, aligned by a
 * tabwriter with padding 2 over the whole block; a list value continues on the lines below.
 */
function render(lines: readonly Line[]): string {
  const width = Math.max(...lines.filter((l) => l.length > 1).map((l) => l[0].length + 1)) + 2;
  return lines
    .flatMap(([label, ...values]) => {
      if (values.length === 0) return [label];
      const [first = "", ...rest] = values;
      return [`${`${label}:`.padEnd(width)}${first}`, ...rest.map((v) => `${" ".repeat(width)}${v}`)];
    })
    .join("\n");
}

const pairs = (map: Readonly<Record<string, string>> | undefined): string[] => {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`) : [NONE];
};

function meta(object: KubeObject, namespaced: boolean): Line[] {
  return [
    ["Name", object.metadata.name],
    ...(namespaced ? [["Namespace", object.metadata.namespace ?? "default"] as Line] : []),
    ["Labels", ...pairs(object.metadata.labels)],
    ["Annotations", ...pairs(object.metadata.annotations)],
  ];
}

/** The simulator records no events per object: "Events: <none>", as kubectl prints for a quiet one. */
const EVENTS: Line = ["Events", NONE];

function describeService(cluster: Cluster, object: KubeObject): string {
  const svc = cluster.services.find(
    (s) => s.name === object.metadata.name && s.namespace === (object.metadata.namespace ?? "default"),
  );
  if (!svc) return render([...meta(object, true), EVENTS]);
  const lines: Line[] = [
    ...meta(object, true),
    ["Selector", svc.selector ? pairs(svc.selector).join(",") : NONE],
    ["Type", svc.type],
  ];
  if (svc.clusterIP) {
    lines.push(["IP Family Policy", "SingleStack"], ["IP Families", "IPv4"]);
    lines.push(["IP", svc.clusterIP], ["IPs", svc.clusterIP]);
  }
  if (svc.externalName) lines.push(["External Name", svc.externalName]);
  if (svc.externalIPs.length) lines.push(["External IPs", svc.externalIPs.join(",")]);
  // describe.go buildIngressString: each entry's IP (with its ipMode) or else its hostname.
  if (svc.loadBalancerIngress.length)
    lines.push([
      "LoadBalancer Ingress",
      svc.loadBalancerIngress.map((i) => (i.ip ? `${i.ip} (${i.ipMode ?? "VIP"})` : i.hostname)).join(", "),
    ]);
  lines.push(...servicePortLines(cluster, svc));
  lines.push(["Session Affinity", svc.sessionAffinity]);
  if (svc.externalTrafficPolicy) lines.push(["External Traffic Policy", svc.externalTrafficPolicy]);
  if (svc.healthCheckNodePort) lines.push(["HealthCheck NodePort", String(svc.healthCheckNodePort)]);
  lines.push(["Internal Traffic Policy", svc.internalTrafficPolicy], EVENTS);
  return render(lines);
}

/**
 * describe.go describeService: Port, TargetPort, NodePort and Endpoints for each port, the Endpoints
 * from the Service's EndpointSlices, ready endpoints only (kubernetes PRs 124598, 126932).
 */
export function servicePortLines(cluster: Cluster, svc: ServiceState): [string, string][] {
  const subsets = subsetsFromSlices(cluster.endpointSlices.filter((s) => s.service === svc.ref));
  const lines: [string, string][] = [];
  for (const p of svc.ports) {
    lines.push(["Port", `${p.name ?? "<unset>"}  ${p.port}/${p.protocol}`]);
    lines.push(["TargetPort", `${p.targetPort}/${p.protocol}`]);
    if (p.nodePort) lines.push(["NodePort", `${p.name ?? "<unset>"}  ${p.nodePort}/${p.protocol}`]);
    // The endpoints' port of the same name: a named targetPort resolved in each pod.
    const endpoints = subsets.flatMap((ss) => {
      const port = ss.ports.find((q) => (q.name ?? "") === (p.name ?? ""))?.port;
      return port === undefined ? [] : (ss.addresses ?? []).map((a) => `${a.ip}:${port}`);
    });
    lines.push(["Endpoints", endpoints.join(",")]);
  }
  return lines;
}

function describePod(cluster: Cluster, object: KubeObject): string {
  const pod = cluster.pods.find(
    (p) => p.name === object.metadata.name && p.namespace === (object.metadata.namespace ?? "default"),
  );
  if (!pod) return render([...meta(object, true), EVENTS]);
  const node = cluster.nodes.find((n) => n.name === pod.nodeName);
  const owner = object.metadata.ownerReferences?.[0];
  const lines: Line[] = [
    ["Name", pod.name],
    ["Namespace", pod.namespace],
    ["Priority", "0"],
    ["Service Account", "default"],
    ["Node", node ? `${node.name}/${node.internalIP}` : NONE],
    ["Labels", ...pairs(pod.labels)],
    ["Annotations", ...pairs(object.metadata.annotations)],
    ["Status", pod.phase],
    ["IP", pod.podIP ?? ""],
    ...(owner ? [["Controlled By", `${owner.kind}/${owner.name}`] as Line] : []),
    ["Containers:"],
    ...pod.containers.flatMap((c): Line[] => [
      [`  ${c.name}:`],
      ["    Image", c.image ?? ""],
      ["    Port", c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(", ") || NONE],
      ["    State", "Running"],
      ["    Ready", pod.ready ? "True" : "False"],
    ]),
    ["Conditions:"],
    ["  Type              Status"],
    [`  Ready             ${pod.ready ? "True" : "False"}`],
    ...(pod.pendingReason ? [["Message", renderMessage(pod.pendingReason)] as Line] : []),
    EVENTS,
  ];
  return render(lines);
}

function describeNode(cluster: Cluster, object: KubeObject): string {
  const node = cluster.nodes.find((n) => n.name === object.metadata.name);
  if (!node) return render([...meta(object, false), EVENTS]);
  const pods = cluster.pods.filter((p) => p.nodeName === node.name);
  const taints = node.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`);
  return render([
    ["Name", node.name],
    ["Roles", NONE],
    ["Labels", ...pairs(node.labels)],
    ["Taints", ...(taints.length ? taints : [NONE])],
    ["Unschedulable", String(node.unschedulable)],
    ["Conditions:"],
    ["  Type    Status"],
    [`  Ready   ${node.ready ? "True" : "Unknown"}`],
    ["Addresses:"],
    ["  InternalIP", node.internalIP],
    ["  Hostname", node.name],
    ["PodCIDR", node.podCIDR],
    ["PodCIDRs", node.podCIDR],
    [`Non-terminated Pods:          (${pods.length} in total)`],
    ["  Namespace   Name"],
    ...pods.map((p): Line => [`  ${p.namespace.padEnd(12)}${p.name}`]),
    EVENTS,
  ]);
}

function describeWorkload(cluster: Cluster, object: KubeObject, kind: string): string {
  const namespace = object.metadata.namespace ?? "default";
  const ref = namespacedRef(kind.toLowerCase(), namespace, object.metadata.name);
  const pods = cluster.pods.filter((p) => p.owner === ref);
  const ready = pods.filter((p) => p.ready).length;
  const desired = typeof object.spec?.replicas === "number" ? object.spec.replicas : 1;
  const selector = (object.spec?.selector ?? {}) as { matchLabels?: Record<string, string> };
  const template = (object.spec?.template ?? {}) as {
    metadata?: { labels?: Record<string, string> };
    spec?: { containers?: { name?: string; image?: string }[] };
  };
  // describe.go DeploymentDescriber: "N desired | N updated | N total | N available | N unavailable".
  const replicas =
    kind === "Deployment"
      ? `${desired} desired | ${pods.length} updated | ${pods.length} total | ${ready} available | ${desired - ready} unavailable`
      : `${desired} desired | ${pods.length} total`;
  return render([
    ...meta(object, true),
    ["Selector", pairs(selector.matchLabels).join(",")],
    ["Replicas", replicas],
    ...(kind === "Deployment" ? [["StrategyType", "RollingUpdate"] as Line] : []),
    ["Pod Template"],
    ["  Labels", ...pairs(template.metadata?.labels)],
    ["  Containers"],
    ...(template.spec?.containers ?? []).flatMap((c): Line[] => [
      [`   ${c.name}`],
      ["    Image", c.image ?? ""],
    ]),
    EVENTS,
  ]);
}

/** `kubectl describe` of one object. */
export function describeObject(cluster: Cluster, info: ResourceInfo, object: KubeObject): string {
  switch (info.resource) {
    case "services":
      return describeService(cluster, object);
    case "pods":
      return describePod(cluster, object);
    case "nodes":
      return describeNode(cluster, object);
    case "deployments":
    case "statefulsets":
      return describeWorkload(cluster, object, info.kind);
    default:
      return render([...meta(object, info.resource !== "gatewayclasses"), EVENTS]);
  }
}
