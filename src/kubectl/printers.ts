import {
  type Cluster,
  deploymentRef,
  type EndpointSliceState,
  type KubeObject,
  type PodState,
  parseRef,
  statefulSetRef,
} from "../engine/index.ts";
import { type Selector, selectorMatches } from "./selector.ts";

/**
 * kubectl's table printers (k8s.io/kubernetes/pkg/printers/internalversion/printers.go) over the
 * simulated cluster: one implementation for `svclab get`, the console and the inspector.
 */
export type Resource =
  | "pods"
  | "services"
  | "endpointslices"
  | "endpoints"
  | "nodes"
  | "ingresses"
  | "ingressclasses"
  | "deployments"
  | "statefulsets"
  | "gatewayclasses"
  | "gateways"
  | "httproutes"
  | "grpcroutes"
  | "tlsroutes";

export interface Row {
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  /** The columns after NAME that kubectl always prints. */
  cells: string[];
  /** The columns `-o wide` adds. */
  wide: string[];
  object: KubeObject;
}

export interface Table {
  headers: string[];
  wideHeaders: string[];
  rows: Row[];
}

/** How old an object is, as AGE prints it. */
export type AgeOf = (object: KubeObject) => string;

/**
 * The simulator's objects exist from the moment the manifests are applied: without a clock of the
 * caller's (the console counts from when it first saw an object), AGE is 0s.
 */
const NO_CLOCK: AgeOf = () => "0s";

export const NONE = "<none>";

/** The resources that live in no namespace (`kubectl api-resources` NAMESPACED false). */
export const CLUSTER_SCOPED: ReadonlySet<Resource> = new Set(["nodes", "gatewayclasses", "ingressclasses"]);

/** The prefix kubectl puts before names when several kinds are listed together (`pod/web-0`). */
export const QUALIFIED: Record<Resource, string> = {
  pods: "pod",
  services: "service",
  endpointslices: "endpointslice.discovery.k8s.io",
  endpoints: "endpoints",
  nodes: "node",
  ingresses: "ingress.networking.k8s.io",
  ingressclasses: "ingressclass.networking.k8s.io",
  deployments: "deployment.apps",
  statefulsets: "statefulset.apps",
  gatewayclasses: "gatewayclass.gateway.networking.k8s.io",
  gateways: "gateway.gateway.networking.k8s.io",
  httproutes: "httproute.gateway.networking.k8s.io",
  grpcroutes: "grpcroute.gateway.networking.k8s.io",
  tlsroutes: "tlsroute.gateway.networking.k8s.io",
};

/** kubectl's listWithMoreString: the first three, then "+ N more...", or <unset> for none. */
function listWithMore(list: readonly string[], empty: string, max = 3): string {
  if (list.length === 0) return empty;
  const shown = list.slice(0, max).join(",");
  return list.length > max ? `${shown} + ${list.length - max} more...` : shown;
}

function conditionStatus(object: KubeObject, type: string): string | undefined {
  const conditions = object.status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  const found = conditions.find((c) => (c as { type?: unknown }).type === type) as
    | { status?: unknown }
    | undefined;
  return typeof found?.status === "string" ? found.status : undefined;
}

/** `k=v,k=v` sorted by key (labels.FormatLabels), or <none>. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const pairs = Object.entries(labels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  return pairs.join(",") || NONE;
}

function podTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
    wideHeaders: ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
    rows: cluster.pods.map((pod) => {
      const total = pod.containers.length;
      // READY counts ready containers, which the node lifecycle controller does not change.
      const ready = conditionStatus(pod.object, "ContainersReady") === "True" ? total : 0;
      // A pod bound to a node but without an address is still being set up by the kubelet.
      const status = pod.phase === "Pending" && pod.nodeName !== null ? "ContainerCreating" : pod.phase;
      return {
        namespace: pod.namespace,
        name: pod.name,
        labels: pod.labels,
        object: pod.object,
        cells: [`${ready}/${total}`, status, "0", age(pod.object)],
        wide: [pod.podIP ?? NONE, pod.nodeName ?? NONE, NONE, NONE],
      };
    }),
  };
}

function serviceTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    wideHeaders: ["SELECTOR"],
    rows: cluster.services.map((svc) => {
      // kubectl printers.go getServiceExternalIP.
      let external = svc.externalIPs.length ? svc.externalIPs.join(",") : NONE;
      if (svc.type === "ExternalName") external = svc.externalName ?? NONE;
      if (svc.type === "LoadBalancer") {
        // printers.go loadBalancerStatusStringer: each ingress entry's IP, or else its hostname.
        const ingress = svc.loadBalancerIngress.map((i) => i.ip ?? i.hostname ?? "");
        const addresses = [...ingress, ...svc.externalIPs];
        external = addresses.length ? addresses.join(",") : "<pending>";
      }
      // printers.go makePortString: PORT[:NODEPORT]/PROTOCOL.
      const ports = svc.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`);
      return {
        namespace: svc.namespace,
        name: svc.name,
        labels: svc.object.metadata.labels ?? {},
        object: svc.object,
        cells: [svc.type, svc.clusterIP ?? NONE, external, ports.join(",") || NONE, age(svc.object)],
        wide: [formatLabels(svc.selector)],
      };
    }),
  };
}

function endpointSliceTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
    wideHeaders: [],
    rows: cluster.endpointSlices.map((slice) => ({
      namespace: slice.namespace,
      name: slice.name,
      labels: slice.object.metadata.labels ?? {},
      object: slice.object,
      // printers.go formatDiscoveryPorts and formatDiscoveryEndpoints.
      cells: [
        slice.addressType,
        listWithMore(
          slice.ports.map((p) => String(p.port)),
          "<unset>",
        ),
        listWithMore(
          slice.endpoints.flatMap((e) => e.addresses),
          "<unset>",
        ),
        age(slice.object),
      ],
      wide: [],
    })),
  };
}

interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: "Pod"; namespace: string; name: string };
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports: { name?: string; port: number; protocol: string }[];
}

/** endpoints/util.go LessEndpointAddress: addresses in the byte order of their IP text (10.0.0.10 before 10.0.0.9). */
const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

/**
 * The subsets the endpoints controller writes for the same endpoints its EndpointSlices hold: ready
 * addresses and not-ready ones (endpoints_controller.go addEndpointSubset), one subset per set of
 * ports, each sorted as endpoints.RepackSubsets leaves them.
 */
export function subsetsFromSlices(slices: readonly EndpointSliceState[]): EndpointSubset[] {
  const subsets = new Map<string, Required<EndpointSubset>>();
  for (const slice of slices) {
    const ports = slice.ports.map((p) => ({ ...p }));
    const key = JSON.stringify(ports);
    const subset = subsets.get(key) ?? { addresses: [], notReadyAddresses: [], ports };
    subsets.set(key, subset);
    for (const e of slice.endpoints) {
      const pod = e.targetRef ? parseRef(e.targetRef) : null;
      for (const ip of e.addresses) {
        const address: EndpointAddress = {
          ip,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}),
          ...(pod?.namespace ? { targetRef: { kind: "Pod", namespace: pod.namespace, name: pod.name } } : {}),
        };
        (e.conditions.ready ? subset.addresses : subset.notReadyAddresses).push(address);
      }
    }
  }
  return [...subsets.values()].flatMap((ss) => {
    if (ss.addresses.length === 0 && ss.notReadyAddresses.length === 0) return [];
    return [
      {
        ...(ss.addresses.length ? { addresses: ss.addresses.sort(byIP) } : {}),
        ...(ss.notReadyAddresses.length ? { notReadyAddresses: ss.notReadyAddresses.sort(byIP) } : {}),
        ports: ss.ports,
      },
    ];
  });
}

/**
 * The v1 Endpoints objects, as a cluster of the current release holds them: the endpoints controller
 * writes one for each Service with a selector (from the same pods its EndpointSlices hold), the API
 * server one for `kubernetes` (controlplane/reconcilers); a Service without a selector has only the
 * Endpoints written for it (which the mirroring controller copies into slices), never one derived from
 * hand-written EndpointSlices; an ExternalName Service has none.
 */
function endpointsObjects(cluster: Cluster): KubeObject[] {
  const written = objectsOf(cluster, "v1", "Endpoints");
  return cluster.services.flatMap((svc): KubeObject[] => {
    if (svc.type === "ExternalName") return [];
    const apiServer = svc.namespace === "default" && svc.name === "kubernetes";
    if (svc.selector === null && !apiServer) {
      return written.filter(
        (e) => e.metadata.name === svc.name && (e.metadata.namespace ?? "default") === svc.namespace,
      );
    }
    const subsets = subsetsFromSlices(cluster.endpointSlices.filter((s) => s.service === svc.ref));
    const metadata = { name: svc.name, namespace: svc.namespace, labels: svc.object.metadata.labels ?? {} };
    return [{ apiVersion: "v1", kind: "Endpoints", metadata, ...(subsets.length ? { subsets } : {}) }];
  });
}

/**
 * The warning the API server returns with every v1 Endpoints request since 1.33 (KEP-4974), which
 * kubectl prints to standard error.
 */
export const ENDPOINTS_WARNING =
  "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice";

/** printers.go formatEndpoints: ip:port for each port of each subset, the first three then "+ N more...". */
function formatEndpoints(object: KubeObject): string {
  const subsets = (Array.isArray(object.subsets) ? object.subsets : []) as Partial<EndpointSubset>[];
  if (subsets.length === 0) return NONE;
  const all = subsets.flatMap((ss) => {
    const ips = (ss.addresses ?? []).map((a) => a.ip);
    const ports = ss.ports ?? [];
    return ports.length === 0 ? ips : ports.flatMap((p) => ips.map((ip) => `${ip}:${p.port}`));
  });
  return listWithMore(all, "");
}

function endpointsTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "ENDPOINTS", "AGE"],
    wideHeaders: [],
    rows: endpointsObjects(cluster).map((ep) => ({
      namespace: ep.metadata.namespace ?? "default",
      name: ep.metadata.name,
      labels: ep.metadata.labels ?? {},
      object: ep,
      cells: [formatEndpoints(ep), age(ep)],
      wide: [],
    })),
  };
}

function nodeTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
    wideHeaders: ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
    rows: cluster.nodes.map((node) => {
      // printers.go printNode: Ready or NotReady (Unknown too), then SchedulingDisabled when cordoned.
      const status = [conditionStatus(node.object, "Ready") === "True" ? "Ready" : "NotReady"];
      if (node.unschedulable) status.push("SchedulingDisabled");
      const roles = Object.keys(node.labels)
        .filter((k) => k.startsWith("node-role.kubernetes.io/"))
        .map((k) => k.slice("node-role.kubernetes.io/".length))
        .sort();
      const info = (node.object.status?.nodeInfo ?? {}) as Record<string, unknown>;
      const text = (key: string) =>
        typeof info[key] === "string" && info[key] ? String(info[key]) : "<unknown>";
      const addresses = (node.object.status?.addresses ?? []) as { type?: string; address?: string }[];
      const externalIP = addresses.find((a) => a.type === "ExternalIP")?.address ?? NONE;
      return {
        namespace: "",
        name: node.name,
        labels: node.labels,
        object: node.object,
        cells: [
          status.join(","),
          roles.join(",") || NONE,
          age(node.object),
          typeof info.kubeletVersion === "string" ? info.kubeletVersion : "",
        ],
        wide: [
          node.internalIP,
          externalIP,
          text("osImage"),
          text("kernelVersion"),
          text("containerRuntimeVersion"),
        ],
      };
    }),
  };
}

function ingressTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
    wideHeaders: [],
    rows: objectsOf(cluster, "networking.k8s.io/v1", "Ingress").map((ing) => {
      const spec = ing.spec ?? {};
      const rules = (Array.isArray(spec.rules) ? spec.rules : []) as { host?: unknown }[];
      const hosts = rules.flatMap((r) => (typeof r.host === "string" && r.host ? [r.host] : []));
      const lb = (ing.status?.loadBalancer ?? {}) as { ingress?: { ip?: string; hostname?: string }[] };
      const address = (lb.ingress ?? []).flatMap((a) => a.ip ?? a.hostname ?? []).join(",");
      const tls = Array.isArray(spec.tls) && spec.tls.length > 0;
      return {
        namespace: ing.metadata.namespace ?? "default",
        name: ing.metadata.name,
        labels: ing.metadata.labels ?? {},
        object: ing,
        // printers.go printIngress: formatHosts ("*" for none), and "80, 443" once TLS is configured.
        cells: [
          typeof spec.ingressClassName === "string" ? spec.ingressClassName : NONE,
          listWithMore(hosts, "*"),
          address,
          tls ? "80, 443" : "80",
          age(ing),
        ],
        wide: [],
      };
    }),
  };
}

/** printers.go printIngressClass: CONTROLLER, PARAMETERS (Kind.group/name, or <none>), AGE. */
function ingressClassTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "CONTROLLER", "PARAMETERS", "AGE"],
    wideHeaders: [],
    rows: objectsOf(cluster, "networking.k8s.io/v1", "IngressClass").map((ic) => {
      const parameters = ic.spec?.parameters as
        | { kind?: string; apiGroup?: string; name?: string }
        | undefined;
      return {
        ...rowOf(ic, [
          String(ic.spec?.controller ?? ""),
          parameters
            ? `${parameters.kind}${parameters.apiGroup ? `.${parameters.apiGroup}` : ""}/${parameters.name}`
            : NONE,
          age(ic),
        ]),
        namespace: "",
      };
    }),
  };
}

export function objectsOf(cluster: Cluster, apiVersion: string, kind: string): KubeObject[] {
  return cluster.objects.map((o) => o.object).filter((o) => o.kind === kind && o.apiVersion === apiVersion);
}

interface Containers {
  names: string;
  images: string;
}

/** printers.go layoutContainerCells: the template's container names and images, comma-joined. */
function containerCells(workload: KubeObject): Containers {
  const template = (workload.spec?.template ?? {}) as {
    spec?: { containers?: { name?: string; image?: string }[] };
  };
  const containers = template.spec?.containers ?? [];
  return {
    names: containers.map((c) => c.name ?? "").join(","),
    images: containers.map((c) => c.image ?? "").join(","),
  };
}

/** metav1.FormatLabelSelector for matchLabels (matchExpressions as `key op (values)`). */
function formatLabelSelector(workload: KubeObject): string {
  const selector = (workload.spec?.selector ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  const parts = [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector.matchExpressions ?? []).map(
      (e) => `${e.key} ${e.operator.toLowerCase()}${e.values?.length ? ` (${e.values.join(",")})` : ""}`,
    ),
  ];
  return parts.join(",") || NONE;
}

/** The pods a workload owns, and how many of them are ready. */
function ownedPods(cluster: Cluster, ref: string): { pods: PodState[]; ready: number } {
  const pods = cluster.pods.filter((p) => p.owner === ref);
  return { pods, ready: pods.filter((p) => p.ready).length };
}

const replicasOf = (workload: KubeObject): number =>
  typeof workload.spec?.replicas === "number" ? workload.spec.replicas : 1;

function deploymentTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
    wideHeaders: ["CONTAINERS", "IMAGES", "SELECTOR"],
    rows: objectsOf(cluster, "apps/v1", "Deployment").map((d) => {
      const namespace = d.metadata.namespace ?? "default";
      const { pods, ready } = ownedPods(cluster, deploymentRef(namespace, d.metadata.name));
      const containers = containerCells(d);
      // printers.go printDeployment: READY readyReplicas/desired; every pod has the current template,
      // and with minReadySeconds 0 a ready pod is available.
      return {
        namespace,
        name: d.metadata.name,
        labels: d.metadata.labels ?? {},
        object: d,
        cells: [`${ready}/${replicasOf(d)}`, String(pods.length), String(ready), age(d)],
        wide: [containers.names, containers.images, formatLabelSelector(d)],
      };
    }),
  };
}

function statefulSetTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "READY", "AGE"],
    wideHeaders: ["CONTAINERS", "IMAGES"],
    rows: objectsOf(cluster, "apps/v1", "StatefulSet").map((s) => {
      const namespace = s.metadata.namespace ?? "default";
      const { ready } = ownedPods(cluster, statefulSetRef(namespace, s.metadata.name));
      const containers = containerCells(s);
      // printers.go printStatefulSet: READY readyReplicas/desired.
      return {
        namespace,
        name: s.metadata.name,
        labels: s.metadata.labels ?? {},
        object: s,
        cells: [`${ready}/${replicasOf(s)}`, age(s)],
        wide: [containers.names, containers.images],
      };
    }),
  };
}

function gatewayObjects(cluster: Cluster, kind: string): KubeObject[] {
  return cluster.objects
    .map((o) => o.object)
    .filter((o) => o.kind === kind && o.apiVersion.startsWith("gateway.networking.k8s.io/"));
}

function rowOf(object: KubeObject, cells: string[], wide: string[] = []): Row {
  return {
    namespace: object.metadata.namespace ?? "default",
    name: object.metadata.name,
    labels: object.metadata.labels ?? {},
    object,
    cells,
    wide,
  };
}

/** The CRDs' additionalPrinterColumns (apis/v1 +kubebuilder:printcolumn): Controller, Accepted, Age; Description wide. */
function gatewayClassTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "CONTROLLER", "ACCEPTED", "AGE"],
    wideHeaders: ["DESCRIPTION"],
    rows: gatewayObjects(cluster, "GatewayClass").map((gc) => {
      const spec = gc.spec ?? {};
      return {
        ...rowOf(
          gc,
          [String(spec.controllerName ?? ""), conditionStatus(gc, "Accepted") ?? "Unknown", age(gc)],
          [typeof spec.description === "string" ? spec.description : NONE],
        ),
        namespace: "",
      };
    }),
  };
}

/** Class, Address (status.addresses[*].value), Programmed, Age. */
function gatewayTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"],
    wideHeaders: [],
    rows: gatewayObjects(cluster, "Gateway").map((gw) => {
      const addresses = (gw.status?.addresses ?? []) as { value?: string }[];
      return rowOf(gw, [
        String(gw.spec?.gatewayClassName ?? ""),
        addresses.flatMap((a) => a.value ?? []).join(","),
        conditionStatus(gw, "Programmed") ?? "Unknown",
        age(gw),
      ]);
    }),
  };
}

/**
 * A route kind's printer columns (+kubebuilder:printcolumn): HTTPRoute and GRPCRoute print
 * Hostnames (the JSON list, as kubectl prints a list column) and Age; TLSRoute (v1) prints Age only.
 */
const routeTable =
  (kind: "HTTPRoute" | "GRPCRoute") =>
  (cluster: Cluster, age: AgeOf): Table => ({
    headers: ["NAME", "HOSTNAMES", "AGE"],
    wideHeaders: [],
    rows: gatewayObjects(cluster, kind).map((route) => {
      const hostnames = route.spec?.hostnames;
      return rowOf(route, [Array.isArray(hostnames) ? JSON.stringify(hostnames) : "", age(route)]);
    }),
  });

function tlsRouteTable(cluster: Cluster, age: AgeOf): Table {
  return {
    headers: ["NAME", "AGE"],
    wideHeaders: [],
    rows: gatewayObjects(cluster, "TLSRoute").map((route) => rowOf(route, [age(route)])),
  };
}

export const TABLES: Record<Resource, (cluster: Cluster, age: AgeOf) => Table> = {
  pods: podTable,
  services: serviceTable,
  endpointslices: endpointSliceTable,
  endpoints: endpointsTable,
  nodes: nodeTable,
  ingresses: ingressTable,
  ingressclasses: ingressClassTable,
  deployments: deploymentTable,
  statefulsets: statefulSetTable,
  gatewayclasses: gatewayClassTable,
  gateways: gatewayTable,
  httproutes: routeTable("HTTPRoute"),
  grpcroutes: routeTable("GRPCRoute"),
  tlsroutes: tlsRouteTable,
};

/** kubectl's tabwriter: columns padded to their widest cell plus three spaces. */
export function renderColumns(lines: readonly string[][]): string {
  const widths: number[] = [];
  for (const line of lines) {
    line.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return lines
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
        .join("")
        .trimEnd(),
    )
    .join("\n");
}

export interface Scope {
  namespace: string;
  /** -A: every namespace, with a NAMESPACE column. */
  all: boolean;
  /** -l: only objects whose labels match. */
  selector?: Selector;
  /** Names given after the resource: only these, in the order given. */
  names?: readonly string[];
}

/** The rows kubectl would list, in the API server's order (namespace, then name) or the names' order. */
export function selectRows(resource: Resource, table: Table, scope: Scope): Row[] {
  const rows = table.rows.filter(
    (r) =>
      (CLUSTER_SCOPED.has(resource) || scope.all || r.namespace === scope.namespace) &&
      (!scope.selector || selectorMatches(scope.selector, r.labels)),
  );
  if (scope.names?.length) {
    return scope.names.flatMap((name) => rows.filter((r) => r.name === name));
  }
  return rows.sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/**
 * One object's row as `kubectl get RESOURCE NAME -o wide --show-labels` prints it, as (column, cell)
 * pairs after NAME: what the inspector shows, from the same printers. Null when there is no such object.
 */
export function printFields(
  resource: Resource,
  cluster: Cluster,
  namespace: string,
  name: string,
  age: AgeOf = NO_CLOCK,
): [string, string][] | null {
  const table = TABLES[resource](cluster, age);
  const row = selectRows(resource, table, { namespace, all: false, names: [name] })[0];
  if (!row) return null;
  const headers = [...table.headers.slice(1), ...table.wideHeaders, "LABELS"];
  const cells = [...row.cells, ...row.wide, formatLabels(row.labels)];
  return headers.map((header, i) => [header, cells[i] ?? ""]);
}

/** The objects `kubectl get -o json|yaml` would print. */
export function selectObjects(resource: Resource, cluster: Cluster, scope: Scope): KubeObject[] {
  return selectRows(resource, TABLES[resource](cluster, NO_CLOCK), scope).map((r) => r.object);
}

export interface TableOptions {
  wide?: boolean;
  /** Names as `pod/web-0`, as `kubectl get all` and `kubectl get pod,svc` print them. */
  qualified?: boolean;
  /** --show-labels: a LABELS column last. */
  showLabels?: boolean;
  age?: AgeOf;
}

/** One resource's table as kubectl prints it, or null when no object matches. */
export function printTable(
  resource: Resource,
  cluster: Cluster,
  scope: Scope,
  options: TableOptions = {},
): string | null {
  const table = TABLES[resource](cluster, options.age ?? NO_CLOCK);
  const rows = selectRows(resource, table, scope);
  if (rows.length === 0) return null;
  const namespaced = !CLUSTER_SCOPED.has(resource) && scope.all;
  const header = [
    ...(namespaced ? ["NAMESPACE"] : []),
    ...table.headers,
    ...(options.wide ? table.wideHeaders : []),
    ...(options.showLabels ? ["LABELS"] : []),
  ];
  const lines = rows.map((r) => [
    ...(namespaced ? [r.namespace] : []),
    options.qualified ? `${QUALIFIED[resource]}/${r.name}` : r.name,
    ...r.cells,
    ...(options.wide ? r.wide : []),
    ...(options.showLabels ? [formatLabels(r.labels)] : []),
  ]);
  return renderColumns([header, ...lines]);
}

/** `kubectl get -o json`: a v1 List with four-space indentation. */
export function printJsonList(items: readonly KubeObject[]): string {
  return JSON.stringify(
    { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } },
    null,
    4,
  );
}

/** What kubectl prints to standard error when nothing matched. */
export function noResources(scope: Scope, clusterScoped: boolean): string {
  return clusterScoped || scope.all
    ? "No resources found"
    : `No resources found in ${scope.namespace} namespace.`;
}
