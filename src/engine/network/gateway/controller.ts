import { matchesSelector } from "../../cluster/labels.ts";
import type { Ref } from "../../cluster/types.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { type DiagnosticMessage, message, renderMessage } from "../../messages/index.ts";
import { gatewayRef } from "../../refs.ts";
import { hostnamesOverlap, intersectHostnames } from "./hostname.ts";
import {
  GATEWAY_GROUP,
  type GatewayView,
  isGatewayKind,
  type ListenerView,
  type ParentRefView,
  type ReferenceGrantView,
  type RouteKind,
  type RouteView,
  readGateway,
  readReferenceGrant,
  readRoute,
  referenceAllowed,
} from "./spec.ts";

/**
 * The one Gateway API implementation the simulator runs: Envoy Gateway, whose GatewayClass names
 * this controller (gateway.envoyproxy.io/gatewayclass-controller, its documented default).
 */
export const ENVOY_GATEWAY_CONTROLLER = "gateway.envoyproxy.io/gatewayclass-controller";

/**
 * A metav1.Condition as the controller writes it (times and generations left out: no clock), with
 * its message as an engine message too (`text`): the status holds the English, the app shows `text`
 * in the learner's language.
 */
export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
  text: DiagnosticMessage;
}

export function condition(
  type: string,
  status: boolean | "Unknown",
  reason: string,
  text: DiagnosticMessage,
): Condition {
  const value = status === "Unknown" ? status : status ? "True" : "False";
  return { type, status: value, reason, message: renderMessage(text), text };
}

export interface GatewayClassState {
  name: string;
  controller: string;
  ours: boolean;
  source: SourcedObject;
}

/** A route attached to a listener, with the hostnames it serves there (`[]`: any). */
export interface AttachedRoute {
  route: RouteView;
  hostnames: string[];
}

export interface ListenerState {
  listener: ListenerView;
  /** Accepted, Programmed and ResolvedRefs all True: the proxy serves it. */
  valid: boolean;
  supportedKinds: { group: string; kind: string }[];
  conditions: Condition[];
  routes: AttachedRoute[];
}

export interface GatewayState {
  view: GatewayView;
  /** Whether Envoy Gateway manages it (its GatewayClass names the controller and exists). */
  served: boolean;
  /** Why not, when not served. */
  why: DiagnosticMessage | null;
  listeners: ListenerState[];
  /** Accepted (Programmed is added with the address, see cluster/gateways.ts). */
  accepted: Condition;
}

export interface RouteParentState {
  parentRef: ParentRefView;
  gateway: Ref;
  conditions: Condition[];
}

export interface RouteState {
  view: RouteView;
  /** One entry per parentRef whose Gateway Envoy Gateway manages; others get no status. */
  parents: RouteParentState[];
  /** Why each invalid backendRef is invalid (500s for the requests sent to it), by its field. */
  invalidBackends: Map<string, { reason: string; text: DiagnosticMessage }>;
  /** parentRefs that name no Gateway of ours, with why (a warning). */
  unowned: { parentRef: ParentRefView; why: DiagnosticMessage }[];
}

/** The controller's reading of every Gateway API object: what a status writer and the proxies both need. */
export interface GatewayModel {
  classes: Map<string, GatewayClassState>;
  gateways: Map<Ref, GatewayState>;
  routes: RouteState[];
}

/** What the controller looks up outside Gateway API: Services and Secrets ("NS/NAME") and namespace labels. */
export interface ClusterLookup {
  services: ReadonlySet<string>;
  secrets: ReadonlySet<string>;
  namespaceLabels: ReadonlyMap<string, Record<string, string>>;
}

/**
 * The route kinds Envoy Gateway attaches to each listener protocol: HTTPRoute and GRPCRoute on
 * HTTP and HTTPS (gRPC is HTTP/2), TLSRoute on TLS (tlsroute_types.go: "A TLSRoute MUST be
 * attached to a Listener of protocol TLS"). TCP and UDP listeners are not modelled.
 */
const KINDS_BY_PROTOCOL: Record<string, RouteKind[]> = {
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute"],
};

function readClasses(objects: readonly SourcedObject[]): Map<string, GatewayClassState> {
  const classes = new Map<string, GatewayClassState>();
  for (const source of objects) {
    if (!isGatewayKind(source, "GatewayClass")) continue;
    const spec = source.object.spec ?? {};
    const controller = typeof spec.controllerName === "string" ? spec.controllerName : "";
    classes.set(source.object.metadata.name, {
      name: source.object.metadata.name,
      controller,
      ours: controller === ENVOY_GATEWAY_CONTROLLER,
      source,
    });
  }
  return classes;
}

/**
 * Gateway API GatewaySpec.Listeners: listeners on one port are compatible when all are HTTP, or all
 * are HTTPS or TLS (told apart by hostname, that is SNI); any other mix is a protocol conflict.
 */
function portFamily(protocol: string): string {
  return protocol === "HTTPS" || protocol === "TLS" ? "TLS" : protocol;
}

/**
 * A listener as Envoy Gateway programs it (gateway_types.go ListenerConditionType): Accepted False
 * UnsupportedProtocol for protocols the simulator does not model; ResolvedRefs False
 * InvalidCertificateRef (a missing Secret) or RefNotPermitted (another namespace's Secret without a
 * ReferenceGrant), InvalidRouteKinds (allowedRoutes.kinds lists none it supports); Conflicted
 * ProtocolConflict when listeners share a port with incompatible protocols (portFamily).
 */
function listenerState(
  gateway: GatewayView,
  listener: ListenerView,
  grants: readonly ReferenceGrantView[],
  lookup: ClusterLookup,
): ListenerState {
  const conditions: Condition[] = [];
  const kinds = KINDS_BY_PROTOCOL[listener.protocol] ?? [];
  const http = kinds.length > 0;
  const conflict = gateway.listeners.find(
    (l) => l.port === listener.port && portFamily(l.protocol) !== portFamily(listener.protocol),
  );
  const all = kinds.map((kind) => ({ group: GATEWAY_GROUP, kind }));
  const supportedKinds = listener.allowedRoutes.kinds
    ? all.filter((k) => listener.allowedRoutes.kinds?.some((w) => w.group === k.group && w.kind === k.kind))
    : all;
  let accepted = condition("Accepted", true, "Accepted", message("gateway.status.listenerAccepted"));
  if (!http)
    accepted = condition(
      "Accepted",
      false,
      "UnsupportedProtocol",
      message("gateway.status.unsupportedProtocol", { protocol: listener.protocol }),
    );
  else if (conflict)
    accepted = condition(
      "Accepted",
      false,
      "ProtocolConflict",
      message("gateway.status.protocolConflict", {
        listener: conflict.name,
        port: listener.port,
        protocol: conflict.protocol,
      }),
    );
  let resolved = condition(
    "ResolvedRefs",
    true,
    "ResolvedRefs",
    message("gateway.status.listenerResolvedRefs"),
  );
  if (http && listener.allowedRoutes.kinds && supportedKinds.length === 0)
    resolved = condition(
      "ResolvedRefs",
      false,
      "InvalidRouteKinds",
      message("gateway.status.invalidRouteKinds", { kinds: kinds.join(", ") }),
    );
  // HTTPS, and TLS in Terminate mode, need a certificate; TLS Passthrough has none (the backend's).
  if (
    listener.protocol === "HTTPS" ||
    (listener.protocol === "TLS" && listener.tls?.mode !== "Passthrough")
  ) {
    const ref = listener.tls?.certificateRefs[0];
    const from = { group: GATEWAY_GROUP, kind: "Gateway", namespace: gateway.namespace };
    if (!ref)
      resolved = condition(
        "ResolvedRefs",
        false,
        "InvalidCertificateRef",
        message("gateway.status.noCertificateRefs", { protocol: listener.protocol }),
      );
    else if (ref.group !== "" || ref.kind !== "Secret")
      resolved = condition(
        "ResolvedRefs",
        false,
        "InvalidCertificateRef",
        message("gateway.status.certificateNotSecret", { kind: ref.kind }),
      );
    else if (!referenceAllowed(grants, from, ref))
      resolved = condition(
        "ResolvedRefs",
        false,
        "RefNotPermitted",
        message("gateway.status.secretNotPermitted", {
          secret: `${ref.namespace}/${ref.name}`,
          namespace: gateway.namespace,
        }),
      );
    else if (!lookup.secrets.has(`${ref.namespace}/${ref.name}`))
      resolved = condition(
        "ResolvedRefs",
        false,
        "InvalidCertificateRef",
        message("gateway.status.secretMissing", { secret: `${ref.namespace}/${ref.name}` }),
      );
  }
  conditions.push(accepted, resolved);
  const valid = accepted.status === "True" && resolved.status === "True";
  conditions.push(
    condition(
      "Programmed",
      valid,
      valid ? "Programmed" : "Invalid",
      message(valid ? "gateway.status.listenerProgrammed" : "gateway.status.listenerInvalid"),
    ),
    condition(
      "Conflicted",
      conflict !== undefined,
      conflict ? "ProtocolConflict" : "NoConflicts",
      conflict
        ? message("gateway.status.portConflict", { port: listener.port })
        : message("gateway.status.noConflicts"),
    ),
  );
  return { listener, valid, supportedKinds, conditions, routes: [] };
}

function gatewayState(
  view: GatewayView,
  classes: Map<string, GatewayClassState>,
  grants: readonly ReferenceGrantView[],
  lookup: ClusterLookup,
): GatewayState {
  const gatewayClass = classes.get(view.className);
  const why = !gatewayClass
    ? message("gateway.why.missingClass", { name: view.className })
    : !gatewayClass.ours
      ? message("gateway.why.otherController", {
          name: view.className,
          controller: gatewayClass.controller,
          ours: ENVOY_GATEWAY_CONTROLLER,
        })
      : null;
  const listeners = why ? [] : view.listeners.map((l) => listenerState(view, l, grants, lookup));
  const valid = listeners.filter((l) => l.valid).length;
  // GatewayReasonListenersNotValid: Accepted stays True while some listener can be programmed.
  const accepted = why
    ? condition("Accepted", "Unknown", "Pending", message("gateway.status.pending"))
    : valid === listeners.length
      ? condition("Accepted", true, "Accepted", message("gateway.status.gatewayAccepted"))
      : condition(
          "Accepted",
          valid > 0,
          "ListenersNotValid",
          message("gateway.status.listenersNotValid", {
            invalid: listeners.length - valid,
            total: listeners.length,
          }),
        );
  return { view, served: why === null, why, listeners, accepted };
}

/** Which listeners of a Gateway a parentRef selects: by sectionName (a listener's name) and port. */
function selectedListeners(gateway: GatewayState, parentRef: ParentRefView): ListenerState[] {
  return gateway.listeners.filter(
    (l) =>
      (parentRef.sectionName === undefined || l.listener.name === parentRef.sectionName) &&
      (parentRef.port === undefined || l.listener.port === parentRef.port),
  );
}

function namespaceAllowed(
  listener: ListenerState,
  gateway: GatewayView,
  namespace: string,
  lookup: ClusterLookup,
): boolean {
  const { from, selector } = listener.listener.allowedRoutes;
  if (from === "All") return true;
  if (from === "Same") return namespace === gateway.namespace;
  const labels = lookup.namespaceLabels.get(namespace) ?? { "kubernetes.io/metadata.name": namespace };
  return selector !== undefined && matchesSelector(selector, labels);
}

/**
 * One parentRef of a route against its Gateway (RouteConditionReason): NoMatchingParent when no
 * listener has the sectionName/port, NotAllowedByListeners when the listeners' allowedRoutes refuse
 * the route's namespace or kind, NoMatchingListenerHostname when no hostname intersects; else
 * Accepted, and the route is attached to each listener that takes it.
 */
function attach(
  route: RouteView,
  parentRef: ParentRefView,
  gateway: GatewayState,
  lookup: ClusterLookup,
): Condition {
  const selected = selectedListeners(gateway, parentRef);
  const name = `${gateway.view.namespace}/${gateway.view.name}`;
  if (selected.length === 0)
    return condition("Accepted", false, "NoMatchingParent", noMatchingParent(name, parentRef));
  const takesKind = (l: ListenerState) => l.supportedKinds.some((k) => k.kind === route.kind);
  // tlsroute_types.go: a TLSRoute on a listener whose protocol is not TLS is UnsupportedValue.
  if (route.kind === "TLSRoute" && !selected.some((l) => l.listener.protocol === "TLS"))
    return condition(
      "Accepted",
      false,
      "UnsupportedValue",
      message("gateway.status.noTlsListener", { gateway: name }),
    );
  const allowed = selected.filter(
    (l) => l.valid && takesKind(l) && namespaceAllowed(l, gateway.view, route.namespace, lookup),
  );
  if (allowed.length === 0)
    return condition(
      "Accepted",
      false,
      "NotAllowedByListeners",
      message("gateway.status.notAllowedByListeners", {
        gateway: name,
        kind: route.kind,
        namespace: route.namespace,
      }),
    );
  let attached = 0;
  let conflict: RouteView | undefined;
  for (const listener of allowed) {
    const hostnames = intersectHostnames(listener.listener.hostname, route.hostnames);
    if (!hostnames) continue;
    // grpcroute_types.go Hostnames (cross serving): an HTTPRoute and a GRPCRoute whose hostnames
    // intersect on one listener: the older route (then the first by "{namespace}/{name}") is kept.
    const other = listener.routes.find(
      (a) => crossServing(a.route.kind, route.kind) && hostnamesOverlap(a.hostnames, hostnames),
    );
    if (other) {
      conflict = other.route;
      continue;
    }
    listener.routes.push({ route, hostnames });
    attached++;
  }
  if (attached === 0 && conflict)
    return condition(
      "Accepted",
      false,
      "Conflicted",
      message("gateway.status.conflicted", { kind: conflict.kind, route: conflict.key }),
    );
  if (attached === 0)
    return condition(
      "Accepted",
      false,
      "NoMatchingListenerHostname",
      message("gateway.status.noMatchingListenerHostname"),
    );
  return condition("Accepted", true, "Accepted", message("gateway.status.routeAccepted"));
}

/** NoMatchingParent's message: the Gateway, and the sectionName and port the parentRef asked for. */
function noMatchingParent(gateway: string, parentRef: ParentRefView): DiagnosticMessage {
  const { sectionName: section, port } = parentRef;
  if (section && port) return message("gateway.status.noListenerNamedOnPort", { gateway, section, port });
  if (section) return message("gateway.status.noListenerNamed", { gateway, section });
  if (port) return message("gateway.status.noListenerOnPort", { gateway, port });
  return message("gateway.status.noListener", { gateway });
}

function crossServing(a: RouteKind, b: RouteKind): boolean {
  return a !== b && a !== "TLSRoute" && b !== "TLSRoute";
}

/** The order routes attach in: the oldest first, then by "{namespace}/{name}" (the spec's tie-breakers). */
function attachOrder(a: RouteView, b: RouteView): number {
  const ca = a.created ?? "";
  const cb = b.created ?? "";
  if (ca !== cb && ca !== "" && cb !== "") return ca < cb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * HTTPBackendRef validity (RouteConditionReason): InvalidKind for anything but a core Service,
 * RefNotPermitted for a Service in another namespace without a ReferenceGrant, BackendNotFound for
 * a Service that does not exist. Requests sent to an invalid backend get 500.
 */
function invalidBackends(route: RouteView, grants: readonly ReferenceGrantView[], lookup: ClusterLookup) {
  const out = new Map<string, { reason: string; text: DiagnosticMessage }>();
  const from = { group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace };
  for (const rule of route.rules) {
    for (const ref of rule.backendRefs) {
      const name = `${ref.namespace}/${ref.name}`;
      if (ref.group !== "" || ref.kind !== "Service")
        out.set(ref.field, {
          reason: "InvalidKind",
          text: message("gateway.status.invalidKind", { kind: ref.kind }),
        });
      else if (!referenceAllowed(grants, from, ref))
        out.set(ref.field, {
          reason: "RefNotPermitted",
          text: message("gateway.status.serviceNotPermitted", {
            service: name,
            kind: route.kind,
            namespace: route.namespace,
          }),
        });
      else if (!lookup.services.has(name))
        out.set(ref.field, {
          reason: "BackendNotFound",
          text: message("gateway.status.serviceNotFound", { service: name }),
        });
    }
  }
  return out;
}

/** Envoy Gateway's reading of the Gateway API objects: classes, Gateways and their listeners, routes and where they attach. */
export function evaluateGateways(objects: readonly SourcedObject[], lookup: ClusterLookup): GatewayModel {
  const classes = readClasses(objects);
  const grants = objects.filter((o) => isGatewayKind(o, "ReferenceGrant")).map(readReferenceGrant);
  const gateways = new Map<Ref, GatewayState>();
  for (const source of objects) {
    if (!isGatewayKind(source, "Gateway")) continue;
    const view = readGateway(source);
    gateways.set(view.ref, gatewayState(view, classes, grants, lookup));
  }
  const views = objects.flatMap((o) => readRoute(o) ?? []);
  const states = new Map<RouteView, RouteState>();
  // Attach in age order, so that a conflict keeps the older route; statuses keep the objects' order.
  for (const view of [...views].sort(attachOrder)) {
    const invalid = invalidBackends(view, grants, lookup);
    const first = [...invalid.values()][0];
    const resolved = first
      ? condition("ResolvedRefs", false, first.reason, first.text)
      : condition("ResolvedRefs", true, "ResolvedRefs", message("gateway.status.routeResolvedRefs"));
    const parents: RouteParentState[] = [];
    const unowned: RouteState["unowned"] = [];
    for (const parentRef of view.parentRefs) {
      const ref = gatewayRef(parentRef.namespace, parentRef.name);
      const gateway = gateways.get(ref);
      if (parentRef.group !== GATEWAY_GROUP || parentRef.kind !== "Gateway") {
        unowned.push({
          parentRef,
          why: message("gateway.why.parentNotGateway", { kind: parentRef.kind }),
        });
      } else if (!gateway) {
        unowned.push({
          parentRef,
          why: message("gateway.why.noGateway", { gateway: `${parentRef.namespace}/${parentRef.name}` }),
        });
      } else if (gateway.why) {
        unowned.push({
          parentRef,
          why: message("gateway.why.gatewayNotServed", {
            gateway: `${parentRef.namespace}/${parentRef.name}`,
            why: gateway.why,
          }),
        });
      } else {
        parents.push({
          parentRef,
          gateway: ref,
          conditions: [attach(view, parentRef, gateway, lookup), resolved],
        });
      }
    }
    states.set(view, { view, parents, invalidBackends: invalid, unowned });
  }
  const routes = views.flatMap((view) => states.get(view) ?? []);
  return { classes, gateways, routes };
}
