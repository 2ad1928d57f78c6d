import type { Diagnostic, KubeObject, SourcedObject } from "../manifests/types.ts";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import {
  type ClusterLookup,
  type Condition,
  condition,
  ENVOY_GATEWAY_CONTROLLER,
  type GatewayModel,
  type GatewayState,
} from "../network/gateway/controller.ts";
import { GATEWAY_GROUP, isGatewayKind, readRoute } from "../network/gateway/spec.ts";
import { deploymentRef, gatewayRef, svcRef } from "../refs.ts";
import { warningAt } from "./diagnostics.ts";
import { fnv32a } from "./hash.ts";
import type { ServiceState } from "./types.ts";

/** The "file" Envoy Gateway's objects come from: its install and what it creates, not the learner's. */
export const ENVOY_GATEWAY_FILE = "(created by Envoy Gateway)";
/** Envoy Gateway's namespace, where it puts each Gateway's proxy Deployment and Service. */
export const ENVOY_GATEWAY_NAMESPACE = "envoy-gateway-system";
/** envoy-gateway internal/infrastructure: ports below 1024 are served by the unprivileged proxy at port + 10000. */
const PRIVILEGED_PORT_SHIFT = 10000;

/**
 * The name of a Gateway's proxy Deployment and Service: `envoy-NS-NAME-HASH`, as Envoy Gateway
 * names them; the 8 hex digits are FNV-1a of "NS/NAME" here (a simulator choice: Envoy Gateway
 * hashes with SHA-256).
 */
export function envoyProxyName(namespace: string, name: string): string {
  const hash = fnv32a(`${namespace}/${name}`).toString(16).padStart(8, "0");
  const base = `envoy-${namespace}-${name}`.slice(0, 54).replace(/-+$/, "");
  return `${base}-${hash}`;
}

export function envoyServiceRef(namespace: string, name: string): string {
  return svcRef(ENVOY_GATEWAY_NAMESPACE, envoyProxyName(namespace, name));
}

export function envoyDeploymentRef(namespace: string, name: string): string {
  return deploymentRef(ENVOY_GATEWAY_NAMESPACE, envoyProxyName(namespace, name));
}

/** The container port the proxy listens on for a listener port. */
export function envoyContainerPort(port: number): number {
  return port < 1024 ? port + PRIVILEGED_PORT_SHIFT : port;
}

/** What the controller can look up among the objects: Services, Secrets, namespace labels. */
export function lookupOf(objects: readonly SourcedObject[]): ClusterLookup {
  const services = new Set<string>();
  const secrets = new Set<string>();
  const namespaceLabels = new Map<string, Record<string, string>>();
  for (const { object } of objects) {
    const key = `${object.metadata.namespace ?? "default"}/${object.metadata.name}`;
    if (object.apiVersion !== "v1") continue;
    if (object.kind === "Service") services.add(key);
    else if (object.kind === "Secret") secrets.add(key);
    else if (object.kind === "Namespace")
      // The API server labels every namespace with its name (NamespaceDefaultLabelName, 1.22+).
      namespaceLabels.set(object.metadata.name, {
        ...object.metadata.labels,
        "kubernetes.io/metadata.name": object.metadata.name,
      });
  }
  return { services, secrets, namespaceLabels };
}

function labelsOf(gateway: GatewayState): Record<string, string> {
  return {
    "app.kubernetes.io/name": "envoy",
    "app.kubernetes.io/component": "proxy",
    "app.kubernetes.io/managed-by": "envoy-gateway",
    "gateway.envoyproxy.io/owning-gateway-name": gateway.view.name,
    "gateway.envoyproxy.io/owning-gateway-namespace": gateway.view.namespace,
  };
}

/** The distinct HTTP, HTTPS and TLS listener ports of a Gateway, in listener order. */
function listenerPorts(gateway: GatewayState): { port: number; protocol: string }[] {
  const out: { port: number; protocol: string }[] = [];
  for (const { listener } of gateway.listeners) {
    if (!["HTTP", "HTTPS", "TLS"].includes(listener.protocol)) continue;
    if (!out.some((p) => p.port === listener.port))
      out.push({ port: listener.port, protocol: listener.protocol });
  }
  return out;
}

/**
 * The proxy Envoy Gateway runs for one Gateway: a Deployment of Envoy (one replica, its default)
 * and a LoadBalancer Service with externalTrafficPolicy Local (its default, so that Envoy sees
 * the client's address) with one port per listener port.
 */
function proxyObjects(gateway: GatewayState): KubeObject[] {
  const ports = listenerPorts(gateway);
  if (ports.length === 0) return [];
  const name = envoyProxyName(gateway.view.namespace, gateway.view.name);
  const labels = labelsOf(gateway);
  const metadata = { name, namespace: ENVOY_GATEWAY_NAMESPACE, labels };
  const portName = (p: { port: number; protocol: string }) => `${p.protocol.toLowerCase()}-${p.port}`;
  return [
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata,
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: "envoy",
                image: "docker.io/envoyproxy/envoy:distroless-v1.35.0",
                ports: ports.map((p) => ({
                  name: portName(p),
                  containerPort: envoyContainerPort(p.port),
                  protocol: "TCP",
                })),
              },
            ],
            serviceAccountName: name,
            restartPolicy: "Always",
            dnsPolicy: "ClusterFirst",
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata,
      spec: {
        type: "LoadBalancer",
        externalTrafficPolicy: "Local",
        selector: labels,
        ports: ports.map((p) => ({
          name: portName(p),
          port: p.port,
          protocol: "TCP",
          targetPort: envoyContainerPort(p.port),
        })),
        sessionAffinity: "None",
        internalTrafficPolicy: "Cluster",
      },
    },
  ];
}

/** Envoy Gateway's namespace and each served Gateway's proxy, present when some GatewayClass names its controller. */
export function envoyGatewayObjects(model: GatewayModel): SourcedObject[] {
  if (![...model.classes.values()].some((c) => c.ours)) return [];
  const namespace: KubeObject = {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ENVOY_GATEWAY_NAMESPACE },
  };
  const proxies = [...model.gateways.values()].filter((g) => g.served).flatMap(proxyObjects);
  return [namespace, ...proxies].map((object) => ({
    object,
    file: ENVOY_GATEWAY_FILE,
    documentIndex: 0,
    positions: new Map(),
  }));
}

type StatusTexts = Record<string, DiagnosticMessage>;

function withStatus(
  source: SourcedObject,
  status: Record<string, unknown>,
  texts: StatusTexts,
): SourcedObject {
  return { ...source, object: { ...source.object, status }, statusTexts: texts };
}

/** Conditions as the status holds them (no `text`); each message's text goes to `texts` under its field path. */
function statusConditions(conditions: readonly Condition[], path: string, texts: StatusTexts) {
  return conditions.map(({ text, ...written }, i) => {
    texts[`${path}[${i}].message`] = text;
    return written;
  });
}

function gatewayStatus(
  gateway: GatewayState,
  address: string | undefined,
  texts: StatusTexts,
): Record<string, unknown> {
  if (!gateway.served) {
    const pending = message("gateway.status.pending");
    return {
      conditions: statusConditions(
        [
          condition("Accepted", "Unknown", "Pending", pending),
          condition("Programmed", "Unknown", "Pending", pending),
        ],
        "status.conditions",
        texts,
      ),
    };
  }
  const programmed = address
    ? condition("Programmed", true, "Programmed", message("gateway.status.programmed"))
    : condition("Programmed", false, "AddressNotAssigned", message("gateway.status.addressNotAssigned"));
  return {
    ...(address ? { addresses: [{ type: "IPAddress", value: address }] } : {}),
    conditions: statusConditions([gateway.accepted, programmed], "status.conditions", texts),
    listeners: gateway.listeners.map((l, i) => ({
      name: l.listener.name,
      supportedKinds: l.supportedKinds,
      attachedRoutes: l.routes.length,
      conditions: statusConditions(l.conditions, `status.listeners[${i}].conditions`, texts),
    })),
  };
}

/** The address of a Gateway: its proxy Service's load-balancer address. */
export function gatewayAddress(
  gateway: GatewayState,
  services: ReadonlyMap<string, ServiceState>,
): string | undefined {
  return services.get(envoyServiceRef(gateway.view.namespace, gateway.view.name))?.loadBalancerIPs[0];
}

/**
 * The controller's status writes: GatewayClass Accepted, each Gateway's addresses, conditions and
 * listeners (attachedRoutes), each HTTPRoute's status.parents; objects nobody serves keep the CRD's
 * default status, and a warning says why.
 */
export function admitGateways(
  objects: readonly SourcedObject[],
  model: GatewayModel,
  services: readonly ServiceState[],
): { objects: SourcedObject[]; warnings: Diagnostic[] } {
  const byRef = new Map(services.map((s) => [s.ref, s]));
  const routes = new Map(model.routes.map((r) => [r.view.ref, r]));
  const warnings: Diagnostic[] = [];
  const out = objects.map((source) => {
    const { metadata } = source.object;
    if (isGatewayKind(source, "GatewayClass")) {
      if (!model.classes.get(metadata.name)?.ours) return source;
      const texts: StatusTexts = {};
      const accepted = condition("Accepted", true, "Accepted", message("gateway.status.classAccepted"));
      return withStatus(
        source,
        { conditions: statusConditions([accepted], "status.conditions", texts) },
        texts,
      );
    }
    if (isGatewayKind(source, "Gateway")) {
      const ref = gatewayRef(metadata.namespace ?? "default", metadata.name);
      const gateway = model.gateways.get(ref);
      if (!gateway) return source;
      if (gateway.why)
        warnings.push(
          warningAt(
            source,
            "spec.gatewayClassName",
            message("cluster.notServed", { object: ref, why: gateway.why }),
            ref,
          ),
        );
      for (const l of gateway.listeners) {
        const bad = l.conditions.find(
          (c) => c.status === "False" && c.type !== "Conflicted" && c.type !== "Programmed",
        );
        if (bad)
          warnings.push(
            warningAt(
              source,
              l.listener.field,
              message("gateway.listenerCondition", {
                listener: l.listener.name,
                type: bad.type,
                reason: bad.reason,
                detail: bad.text,
              }),
              ref,
            ),
          );
      }
      const texts: StatusTexts = {};
      return withStatus(source, gatewayStatus(gateway, gatewayAddress(gateway, byRef), texts), texts);
    }
    const view = readRoute(source);
    if (view) {
      const route = routes.get(view.ref);
      if (!route) return source;
      const ref = route.view.ref;
      for (const { parentRef, why } of route.unowned)
        warnings.push(
          warningAt(source, parentRef.field, message("gateway.routeUnowned", { route: ref, why }), ref),
        );
      for (const parent of route.parents) {
        for (const c of parent.conditions)
          if (c.status === "False")
            warnings.push(
              warningAt(
                source,
                parent.parentRef.field,
                message("gateway.routeCondition", {
                  route: ref,
                  gateway: parent.gateway,
                  type: c.type,
                  reason: c.reason,
                  detail: c.text,
                }),
                ref,
              ),
            );
      }
      for (const [field, problem] of route.invalidBackends)
        warnings.push(
          warningAt(
            source,
            field,
            message("gateway.invalidBackend", {
              route: ref,
              reason: problem.reason,
              detail: problem.text,
            }),
            ref,
          ),
        );
      const texts: StatusTexts = {};
      const status = {
        parents: route.parents.map((p, i) => ({
          parentRef: {
            group: GATEWAY_GROUP,
            kind: "Gateway",
            namespace: p.parentRef.namespace,
            name: p.parentRef.name,
            ...(p.parentRef.sectionName !== undefined ? { sectionName: p.parentRef.sectionName } : {}),
            ...(p.parentRef.port !== undefined ? { port: p.parentRef.port } : {}),
          },
          controllerName: ENVOY_GATEWAY_CONTROLLER,
          conditions: statusConditions(p.conditions, `status.parents[${i}].conditions`, texts),
        })),
      };
      return withStatus(source, status, texts);
    }
    return source;
  });
  return { objects: out, warnings };
}
