import {
  CLUSTER_SCOPED,
  ENDPOINTS_WARNING,
  noResources,
  printJsonList,
  printTable,
  type Scope,
  selectObjects,
} from "../../kubectl/printers.ts";
import { type CliIO, type Command, EXIT_OK, type OptionValues, UsageError } from "../command.ts";
import { CLUSTER_SETTING_OPTIONS, clusterSettingHelp } from "../options.ts";
import { buildSession } from "./trace.ts";
import { formatDiagnostic } from "./validate.ts";

/** The resources `svclab get` lists (the console, over the same printers, knows more). */
type Kind =
  | "pods"
  | "services"
  | "endpointslices"
  | "endpoints"
  | "nodes"
  | "ingresses"
  | "gatewayclasses"
  | "gateways"
  | "httproutes"
  | "grpcroutes"
  | "tlsroutes";

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
  // `ep` is kubectl's short name for v1 Endpoints (kubectl api-resources), not for EndpointSlices.
  endpoints: "endpoints",
  ep: "endpoints",
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
  grpcroute: "grpcroutes",
  grpcroutes: "grpcroutes",
  tlsroute: "tlsroutes",
  tlsroutes: "tlsroutes",
  all: "all",
};

/** What `kubectl get all` prints a prefix for: the namespaced kinds the simulator builds. */
const ALL_KINDS: readonly Kind[] = ["pods", "services", "endpointslices", "ingresses"];

function parseKind(positionals: readonly string[]): Kind | "all" {
  const [resource, ...extra] = positionals;
  if (resource === undefined) {
    throw new UsageError(
      "say what to get: pods, services, endpointslices, endpoints, nodes, ingresses, gatewayclasses, gateways, httproutes, grpcroutes, tlsroutes or all",
    );
  }
  if (extra.length)
    throw new UsageError(`unexpected argument "${extra[0]}": getting objects by name is not supported yet`);
  const kind = ALIASES[resource.toLowerCase()];
  if (!kind) {
    throw new UsageError(
      `unknown resource type "${resource}": use pods (po), services (svc), endpointslices, endpoints (ep), nodes (no), ingresses (ing), gatewayclasses (gc), gateways (gtw), httproutes, grpcroutes, tlsroutes or all`,
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
  // The resource type is the only positional: files come from -f alone. Standard output stays the
  // listing (or JSON) alone; every diagnostic goes to standard error.
  const loaded = buildSession(values, io);
  if (typeof loaded === "number") return loaded;
  const { cluster } = loaded;
  for (const d of cluster.warnings) io.err(`${formatDiagnostic(d)}\n`);
  const scope: Scope = {
    namespace: typeof values.namespace === "string" ? values.namespace : "default",
    all: values["all-namespaces"] === true,
  };
  const kinds = kind === "all" ? ALL_KINDS : [kind];
  if (kinds.includes("endpoints")) io.err(`${ENDPOINTS_WARNING}\n`);
  if (output === "json") {
    io.out(`${printJsonList(kinds.flatMap((k) => selectObjects(k, cluster, scope)))}\n`);
    return EXIT_OK;
  }
  const tables = kinds.flatMap(
    (k) => printTable(k, cluster, scope, { wide: output === "wide", qualified: kind === "all" }) ?? [],
  );
  if (tables.length === 0) {
    io.err(`${noResources(scope, kind !== "all" && CLUSTER_SCOPED.has(kind))}\n`);
    return EXIT_OK;
  }
  io.out(`${tables.join("\n\n")}\n`);
  return EXIT_OK;
}

export const getCommand: Command = {
  name: "get",
  summary:
    "list pods, services, endpointslices, endpoints, nodes, ingresses or Gateway API objects as the cluster would hold them",
  usage: [
    "Usage: svclab get pods|services|endpointslices|endpoints|nodes|ingresses|gatewayclasses|gateways|httproutes|grpcroutes|tlsroutes|all",
    "                  -f FILE [-f FILE ...] [-o json|wide]",
    "                  [-n NAMESPACE | -A]",
    "",
    "Loads the manifests, builds the cluster (scheduling, IPs, ports, EndpointSlices) and lists objects",
    "like kubectl get. Short names: po, svc, ep (v1 Endpoints), no, ing, gc, gtw. Namespace 'default' unless -n or -A.",
    "",
    "  -f, --filename FILE      a manifest file, or '-' for standard input (may repeat)",
    "  -o, --output FORMAT      json (a v1 List of real objects) or wide (more columns)",
    "  -n, --namespace NS       list objects in namespace NS",
    "  -A, --all-namespaces     list objects in every namespace",
    clusterSettingHelp(25),
  ].join("\n"),
  options: {
    filename: { type: "string", short: "f", multiple: true },
    output: { type: "string", short: "o" },
    namespace: { type: "string", short: "n" },
    "all-namespaces": { type: "boolean", short: "A" },
    ...CLUSTER_SETTING_OPTIONS,
  },
  run,
};
