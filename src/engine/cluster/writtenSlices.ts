import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { message } from "../messages/index.ts";
import { endpointSliceRef, svcRef } from "../refs.ts";
import {
  ENDPOINTSLICE_CONTROLLER,
  MANAGED_BY_LABEL,
  SERVICE_NAME_LABEL,
} from "./controllers/endpointSlices.ts";
import { warningAt } from "./diagnostics.ts";
import { podRefOf } from "./endpointRefs.ts";
import { asNumber, asRecord, asRecords, asString } from "./fields.ts";
import type { EndpointSlicePort, EndpointSliceState, EndpointState, ServiceState } from "./types.ts";

function readEndpoint(endpoint: Record<string, unknown>, namespace: string): EndpointState {
  const conditions = asRecord(endpoint.conditions);
  // discovery/v1 EndpointConditions: unset ready means ready, unset serving means as ready, unset terminating false.
  const ready = conditions.ready !== false;
  const hostname = asString(endpoint.hostname);
  const nodeName = asString(endpoint.nodeName);
  const targetRef = podRefOf(endpoint.targetRef, namespace);
  const zone = asString(endpoint.zone);
  const hints = asRecord(endpoint.hints);
  const names = (list: unknown) =>
    asRecords(list).flatMap((h) => (typeof h.name === "string" ? [h.name] : []));
  const forZones = names(hints.forZones);
  const forNodes = names(hints.forNodes);
  return {
    addresses: Array.isArray(endpoint.addresses)
      ? endpoint.addresses.filter((a) => typeof a === "string")
      : [],
    conditions: {
      ready,
      serving: typeof conditions.serving === "boolean" ? conditions.serving : ready,
      terminating: conditions.terminating === true,
    },
    ...(hostname ? { hostname } : {}),
    ...(nodeName ? { nodeName } : {}),
    ...(zone ? { zone } : {}),
    // discovery/v1 EndpointHints as written: kube-proxy follows them as the controller's (topology.go).
    ...(forZones.length || forNodes.length ? { hints: { forZones, forNodes } } : {}),
    ...(targetRef ? { targetRef } : {}),
  };
}

function readPorts(ports: unknown): EndpointSlicePort[] {
  return asRecords(ports).flatMap((p) => {
    const port = asNumber(p.port);
    const name = asString(p.name);
    if (port === undefined) return [];
    return [
      {
        ...(name ? { name } : {}),
        port,
        protocol: p.protocol === "UDP" || p.protocol === "SCTP" ? p.protocol : "TCP",
      },
    ];
  });
}

/**
 * EndpointSlices the user wrote (or the API server's own `kubernetes` slice): kept as read, and
 * tied to their Service by the kubernetes.io/service-name label, which is how kube-proxy finds them.
 * A slice labelled as the EndpointSlice controller's, of a Service with a selector (a pasted
 * `kubectl get endpointslices -o yaml`), is the controller's to rewrite from the pods: its reconciler
 * takes over the slices it manages (kubernetes/endpointslice reconciler.go, by the managed-by label), so
 * the controller's own slices stand for it rather than beside it.
 */
export function readWrittenSlices(
  sources: readonly SourcedObject[],
  services: readonly ServiceState[],
): {
  slices: EndpointSliceState[];
  warnings: Diagnostic[];
} {
  const warnings: Diagnostic[] = [];
  const selecting = new Set(services.flatMap((s) => (s.selector ? [s.ref] : [])));
  const slices = sources.flatMap((source): EndpointSliceState[] => {
    const { object } = source;
    const namespace = object.metadata.namespace ?? "default";
    const ref = endpointSliceRef(namespace, object.metadata.name);
    const serviceName = object.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!serviceName) {
      const text = message("endpointSlice.noServiceName", { slice: ref, label: SERVICE_NAME_LABEL });
      warnings.push(warningAt(source, "metadata.labels", text, ref));
      return [];
    }
    const managedBy = object.metadata.labels?.[MANAGED_BY_LABEL] ?? "";
    if (managedBy === ENDPOINTSLICE_CONTROLLER && selecting.has(svcRef(namespace, serviceName))) return [];
    const addressType =
      object.addressType === "IPv6" || object.addressType === "FQDN" ? object.addressType : "IPv4";
    return [
      {
        ref,
        namespace,
        name: object.metadata.name,
        service: svcRef(namespace, serviceName),
        addressType,
        endpoints: asRecords(object.endpoints).map((e) => readEndpoint(e, namespace)),
        ports: readPorts(object.ports),
        managedBy,
        object,
        source,
      },
    ];
  });
  return { slices, warnings };
}
