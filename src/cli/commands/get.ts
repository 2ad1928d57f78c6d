import { buildCluster, type Cluster, type KubeObject, loadManifests } from "../../engine/index.ts";
import {
  type CliIO,
  type Command,
  EXIT_INVALID,
  EXIT_OK,
  type OptionValues,
  UsageError,
} from "../command.ts";
import { formatDiagnostic, readSources } from "./validate.ts";

type Kind =
  | "pods"
  | "services"
  | "endpointslices"
  | "nodes"
  | "ingresses"
  | "gatewayclasses"
  | "gateways"
  | "httproutes";

/** Kinds without a namespace: listed whatever -n says. */
const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set(["nodes", "gatewayclasses"]);

/** kubectl's names and short names for each resource (`kubectl api-resources`). */
const ALIASES: Record<string, Kind | "all"> = {
  pod: "pods",
  pods: "pods",
  po: "pods",
  service: "services",
  services: "services",
  svc: "services",
  endpointslice: "endpointslices",
  endpointslices: "endpointslices",
  ep: "endpointslices",
  node: "nodes",
  nodes: "nodes",
  no: "nodes",
  ingress: "ingresses",
  ingresses: "ingresses",
  ing: "ingresses",
  // Gateway API CRDs' names and short names (+kubebuilder:resource shortName).
  gatewayclass: "gatewayclasses",
  gatewayclasses: "gatewayclasses",
  gc: "gatewayclasses",
  gateway: "gateways",
  gateways: "gateways",
  gtw: "gateways",
  httproute: "httproutes",
  httproutes: "httproutes",
  all: "all",
};

/** What `kubectl get all` prints a prefix for: the namespaced kinds the simulator builds. */
const ALL_KINDS: readonly Kind[] = ["pods", "services", "endpointslices", "ingresses"];

/** The prefix kubectl puts before names when several kinds are listed together (`pod/web-0`). */
const QUALIFIED: Record<Kind, string> = {
  pods: "pod",
  services: "service",
  endpointslices: "endpointslice.discovery.k8s.io",
  nodes: "node",
  ingresses: "ingress.networking.k8s.io",
  gatewayclasses: "gatewayclass.gateway.networking.k8s.io",
  gateways: "gateway.gateway.networking.k8s.io",
  httproutes: "httproute.gateway.networking.k8s.io",
};

/**
 * The simulator has no clock yet: every object exists from the moment the manifests are applied,
 * so AGE is always 0s until the virtual clock (issue: time model) gives objects creation times.
 */
const AGE = "0s";

interface Row {
  namespace: string;
  name: string;
  cells: string[];
  object: KubeObject;
}

interface Table {
  headers: string[];
  wideHeaders: string[];
  rows: Row[];
}

const NONE = "<none>";

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

function podRows(cluster: Cluster): Table {
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
        object: pod.object,
        cells: [`${ready}/${total}`, status, "0", AGE, pod.podIP ?? NONE, pod.nodeName ?? NONE, NONE, NONE],
      };
    }),
  };
}

function serviceRows(cluster: Cluster): Table {
  return {
    headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    wideHeaders: ["SELECTOR"],
    rows: cluster.services.map((svc) => {
      // kubectl printers.go getServiceExternalIP.
      let external = svc.externalIPs.length ? svc.externalIPs.join(",") : NONE;
      if (svc.type === "ExternalName") external = svc.externalName ?? NONE;
      if (svc.type === "LoadBalancer") {
        const addresses = [...svc.loadBalancerIPs, ...svc.externalIPs];
        external = addresses.length ? addresses.join(",") : "<pending>";
      }
      // printers.go makePortString: PORT[:NODEPORT]/PROTOCOL.
      const ports = svc.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`);
      const selector = Object.entries(svc.selector ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`);
      return {
        namespace: svc.namespace,
        name: svc.name,
        object: svc.object,
        cells: [
          svc.type,
          svc.clusterIP ?? NONE,
          external,
          ports.join(",") || NONE,
          AGE,
          selector.join(",") || NONE,
        ],
      };
    }),
  };
}

function endpointSliceRows(cluster: Cluster): Table {
  return {
    headers: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
    wideHeaders: [],
    rows: cluster.endpointSlices.map((slice) => ({
      namespace: slice.namespace,
      name: slice.name,
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
        AGE,
      ],
    })),
  };
}

function nodeRows(cluster: Cluster): Table {
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
        object: node.object,
        cells: [
          status.join(","),
          roles.join(",") || NONE,
          AGE,
          typeof info.kubeletVersion === "string" ? info.kubeletVersion : "",
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

function ingressRows(cluster: Cluster): Table {
  const ingresses = cluster.objects
    .map((o) => o.object)
    .filter((o) => o.kind === "Ingress" && o.apiVersion === "networking.k8s.io/v1");
  return {
    headers: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
    wideHeaders: [],
    rows: ingresses.map((ing) => {
      const spec = ing.spec ?? {};
      const rules = (Array.isArray(spec.rules) ? spec.rules : []) as { host?: unknown }[];
      const hosts = rules.flatMap((r) => (typeof r.host === "string" && r.host ? [r.host] : []));
      const lb = (ing.status?.loadBalancer ?? {}) as { ingress?: { ip?: string; hostname?: string }[] };
      const address = (lb.ingress ?? []).flatMap((a) => a.ip ?? a.hostname ?? []).join(",");
      const tls = Array.isArray(spec.tls) && spec.tls.length > 0;
      return {
        namespace: ing.metadata.namespace ?? "default",
        name: ing.metadata.name,
        object: ing,
        // printers.go printIngress: formatHosts ("*" for none), and "80, 443" once TLS is configured.
        cells: [
          typeof spec.ingressClassName === "string" ? spec.ingressClassName : NONE,
          listWithMore(hosts, "*"),
          address,
          tls ? "80, 443" : "80",
          AGE,
        ],
      };
    }),
  };
}

function gatewayObjects(cluster: Cluster, kind: string): KubeObject[] {
  return cluster.objects
    .map((o) => o.object)
    .filter((o) => o.kind === kind && o.apiVersion.startsWith("gateway.networking.k8s.io/"));
}

function rowOf(object: KubeObject, cells: string[]): Row {
  return { namespace: object.metadata.namespace ?? "default", name: object.metadata.name, object, cells };
}

/** The CRDs' additionalPrinterColumns (apis/v1 +kubebuilder:printcolumn): Controller, Accepted, Age; Description wide. */
function gatewayClassRows(cluster: Cluster): Table {
  return {
    headers: ["NAME", "CONTROLLER", "ACCEPTED", "AGE"],
    wideHeaders: ["DESCRIPTION"],
    rows: gatewayObjects(cluster, "GatewayClass").map((gc) => {
      const spec = gc.spec ?? {};
      return {
        ...rowOf(gc, [
          String(spec.controllerName ?? ""),
          conditionStatus(gc, "Accepted") ?? "Unknown",
          AGE,
          typeof spec.description === "string" ? spec.description : NONE,
        ]),
        namespace: "",
      };
    }),
  };
}

/** Class, Address (status.addresses[*].value), Programmed, Age. */
function gatewayRows(cluster: Cluster): Table {
  return {
    headers: ["NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"],
    wideHeaders: [],
    rows: gatewayObjects(cluster, "Gateway").map((gw) => {
      const addresses = (gw.status?.addresses ?? []) as { value?: string }[];
      return rowOf(gw, [
        String(gw.spec?.gatewayClassName ?? ""),
        addresses.flatMap((a) => a.value ?? []).join(","),
        conditionStatus(gw, "Programmed") ?? "Unknown",
        AGE,
      ]);
    }),
  };
}

/** Hostnames (the JSON list, as kubectl prints a list column), Age. */
function httpRouteRows(cluster: Cluster): Table {
  return {
    headers: ["NAME", "HOSTNAMES", "AGE"],
    wideHeaders: [],
    rows: gatewayObjects(cluster, "HTTPRoute").map((route) => {
      const hostnames = route.spec?.hostnames;
      return rowOf(route, [Array.isArray(hostnames) ? JSON.stringify(hostnames) : "", AGE]);
    }),
  };
}

const TABLES: Record<Kind, (cluster: Cluster) => Table> = {
  pods: podRows,
  services: serviceRows,
  endpointslices: endpointSliceRows,
  nodes: nodeRows,
  ingresses: ingressRows,
  gatewayclasses: gatewayClassRows,
  gateways: gatewayRows,
  httproutes: httpRouteRows,
};

/** kubectl's tabwriter: columns padded to their widest cell plus three spaces. */
function render(lines: readonly string[][]): string {
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

interface Scope {
  namespace: string;
  all: boolean;
}

function selectRows(kind: Kind, table: Table, scope: Scope): Row[] {
  const rows = table.rows.filter(
    (r) => CLUSTER_SCOPED.has(kind) || scope.all || r.namespace === scope.namespace,
  );
  // The API server lists by key: namespace, then name.
  return rows.sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function tableText(
  kind: Kind,
  cluster: Cluster,
  scope: Scope,
  wide: boolean,
  qualified: boolean,
): string | null {
  const table = TABLES[kind](cluster);
  const rows = selectRows(kind, table, scope);
  if (rows.length === 0) return null;
  const namespaced = !CLUSTER_SCOPED.has(kind) && scope.all;
  const width = table.headers.length - 1;
  const header = [...(namespaced ? ["NAMESPACE"] : []), ...table.headers, ...(wide ? table.wideHeaders : [])];
  const lines = rows.map((r) => [
    ...(namespaced ? [r.namespace] : []),
    qualified ? `${QUALIFIED[kind]}/${r.name}` : r.name,
    ...r.cells.slice(0, wide ? undefined : width),
  ]);
  return render([header, ...lines]);
}

function parseKind(positionals: readonly string[]): Kind | "all" {
  const [resource, ...extra] = positionals;
  if (resource === undefined) {
    throw new UsageError(
      "say what to get: pods, services, endpointslices, nodes, ingresses, gatewayclasses, gateways, httproutes or all",
    );
  }
  if (extra.length)
    throw new UsageError(`unexpected argument "${extra[0]}": getting objects by name is not supported yet`);
  const kind = ALIASES[resource.toLowerCase()];
  if (!kind) {
    throw new UsageError(
      `unknown resource type "${resource}": use pods (po), services (svc), endpointslices (ep), nodes (no), ingresses (ing), gatewayclasses (gc), gateways (gtw), httproutes or all`,
    );
  }
  return kind;
}

function run(values: OptionValues, positionals: string[], io: CliIO): number {
  const kind = parseKind(positionals);
  const output = values.output;
  if (output !== undefined && output !== "json" && output !== "wide") {
    throw new UsageError(`unknown output format "${String(output)}": use -o json or -o wide`);
  }
  // The resource type is the only positional: files come from -f alone.
  const loaded = loadManifests(readSources(values, [], io));
  // Standard output stays the listing (or JSON) alone; every diagnostic goes to standard error.
  for (const d of loaded.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (!loaded.ok) return EXIT_INVALID;
  const cluster = buildCluster(loaded.value);
  for (const d of cluster.warnings) io.err(`${formatDiagnostic(d)}\n`);
  const scope: Scope = {
    namespace: typeof values.namespace === "string" ? values.namespace : "default",
    all: values["all-namespaces"] === true,
  };
  const kinds = kind === "all" ? ALL_KINDS : [kind];
  if (output === "json") {
    const items = kinds.flatMap((k) => selectRows(k, TABLES[k](cluster), scope).map((r) => r.object));
    // kubectl get -o json prints a v1 List with four-space indentation.
    const list = { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
    io.out(`${JSON.stringify(list, null, 4)}\n`);
    return EXIT_OK;
  }
  const tables = kinds.flatMap((k) => tableText(k, cluster, scope, output === "wide", kind === "all") ?? []);
  if (tables.length === 0) {
    io.err(
      (kind !== "all" && CLUSTER_SCOPED.has(kind)) || scope.all
        ? "No resources found\n"
        : `No resources found in ${scope.namespace} namespace.\n`,
    );
    return EXIT_OK;
  }
  io.out(`${tables.join("\n\n")}\n`);
  return EXIT_OK;
}

export const getCommand: Command = {
  name: "get",
  summary:
    "list pods, services, endpointslices, nodes, ingresses or Gateway API objects as the cluster would hold them",
  usage: [
    "Usage: svclab get pods|services|endpointslices|nodes|ingresses|gatewayclasses|gateways|httproutes|all",
    "                  -f FILE [-f FILE ...] [-o json|wide]",
    "                  [-n NAMESPACE | -A]",
    "",
    "Loads the manifests, builds the cluster (scheduling, IPs, ports, EndpointSlices) and lists objects",
    "like kubectl get. Short names: po, svc, ep, no, ing, gc, gtw. Namespace 'default' unless -n or -A.",
    "",
    "  -f, --filename FILE      a manifest file, or '-' for standard input (may repeat)",
    "  -o, --output FORMAT      json (a v1 List of real objects) or wide (more columns)",
    "  -n, --namespace NS       list objects in namespace NS",
    "  -A, --all-namespaces     list objects in every namespace",
  ].join("\n"),
  options: {
    filename: { type: "string", short: "f", multiple: true },
    output: { type: "string", short: "o" },
    namespace: { type: "string", short: "n" },
    "all-namespaces": { type: "boolean", short: "A" },
  },
  run,
};
