import type { Diagnostic, SourcedObject } from "../manifests/types.ts";
import { message } from "../messages/index.ts";
import { endpointSliceRef, endpointsRef, svcRef } from "../refs.ts";
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from "./controllers/endpointSlices.ts";
import { warningAt } from "./diagnostics.ts";
import { podRefOf } from "./endpointRefs.ts";
import { asNumber, asRecords, asString, type Fields } from "./fields.ts";
import { generateName, streamFor } from "./hash.ts";
import { parseIPv4 } from "./ip.ts";
import { endpointSliceObject } from "./objects.ts";
import type { EndpointSlicePort, EndpointSliceState, EndpointState, ServiceState } from "./types.ts";

export const MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";
/** discovery/v1 LabelSkipMirror: an Endpoints with this label set to "true" is not mirrored. */
export const SKIP_MIRROR_LABEL = "endpointslice.kubernetes.io/skip-mirror";
/** kube-controller-manager --mirroring-max-endpoints-per-subset default. */
export const MAX_MIRRORED_PER_SUBSET = 1000;

type AddressType = EndpointSliceState["addressType"];

/** endpointslicemirroring utils getAddressType: addresses that are neither IPv4 nor IPv6 are skipped. */
function addressTypeOf(ip: string): AddressType | null {
  if (parseIPv4(ip) !== null) return "IPv4";
  return /^[0-9a-fA-F:.]+$/.test(ip) && ip.includes(":") ? "IPv6" : null;
}

/** utils addressToEndpoint: the mirror records only the ready condition. */
function addressToEndpoint(address: Fields, ready: boolean, namespace: string): EndpointState {
  const hostname = asString(address.hostname);
  const nodeName = asString(address.nodeName);
  const targetRef = podRefOf(address.targetRef, namespace);
  return {
    addresses: [asString(address.ip) ?? ""],
    // kube-proxy reads an unset serving as ready and an unset terminating as false.
    conditions: { ready, serving: ready, terminating: false },
    ...(hostname ? { hostname } : {}),
    ...(nodeName ? { nodeName } : {}),
    ...(targetRef ? { targetRef } : {}),
  };
}

function subsetPorts(subset: Fields): EndpointSlicePort[] {
  return asRecords(subset.ports).map((p) => {
    const name = asString(p.name);
    return {
      ...(name ? { name } : {}),
      port: asNumber(p.port) ?? 0,
      protocol: p.protocol === "UDP" || p.protocol === "SCTP" ? p.protocol : "TCP",
    };
  });
}

function mirror(source: SourcedObject, seed: number): EndpointSliceState[] {
  const { metadata } = source.object;
  const namespace = metadata.namespace ?? "default";
  const groups = new Map<
    string,
    { addressType: AddressType; ports: EndpointSlicePort[]; endpoints: EndpointState[] }
  >();
  for (const subset of asRecords(source.object.subsets)) {
    const ports = subsetPorts(subset);
    const key = ports.map((p) => `${p.name ?? ""}/${p.protocol}/${p.port}`).join(",");
    const addresses = [
      ...asRecords(subset.addresses).map((a) => [a, true] as const),
      ...asRecords(subset.notReadyAddresses).map((a) => [a, false] as const),
    ].slice(0, MAX_MIRRORED_PER_SUBSET);
    for (const [address, ready] of addresses) {
      const addressType = addressTypeOf(asString(address.ip) ?? "");
      if (!addressType) continue;
      const groupKey = `${addressType}-${key}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = { addressType, ports, endpoints: [] };
        groups.set(groupKey, group);
      }
      group.endpoints.push(addressToEndpoint(address, ready, namespace));
    }
  }
  const random = streamFor(seed, endpointsRef(namespace, metadata.name));
  // reconciler_helpers newEndpointSlice: the Endpoints' labels, then the two the mirror owns.
  const { [SERVICE_NAME_LABEL]: _name, [MANAGED_BY_LABEL]: _by, ...copied } = metadata.labels ?? {};
  const labels = { ...copied, [SERVICE_NAME_LABEL]: metadata.name, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER };
  const owner = [
    { apiVersion: "v1", kind: "Endpoints", name: metadata.name, controller: true, blockOwnerDeletion: true },
  ];
  return [...groups.values()].map((group) => {
    const name = generateName(`${metadata.name}-`, random);
    const state = {
      ref: endpointSliceRef(namespace, name),
      namespace,
      name,
      service: svcRef(namespace, metadata.name),
      ...group,
      managedBy: MIRRORING_CONTROLLER,
    };
    return { ...state, object: endpointSliceObject(state, labels, owner, true) };
  });
}

/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): user-written
 * Endpoints become EndpointSlices `<name>-<5 chars>`, but only for an existing Service without a
 * selector, and not when the Endpoints opts out with the skip-mirror label.
 */
export function mirrorEndpoints(
  endpoints: readonly SourcedObject[],
  services: readonly ServiceState[],
  seed: number,
): { slices: EndpointSliceState[]; warnings: Diagnostic[] } {
  const byRef = new Map(services.map((s) => [s.ref, s]));
  const warnings: Diagnostic[] = [];
  const slices = endpoints.flatMap((source) => {
    const { metadata } = source.object;
    const ref = svcRef(metadata.namespace ?? "default", metadata.name);
    if (metadata.labels?.[SKIP_MIRROR_LABEL] === "true") return [];
    const service = byRef.get(ref);
    const object = endpointsRef(metadata.namespace ?? "default", metadata.name);
    if (!service) {
      warnings.push(
        warningAt(source, "metadata.name", message("mirroring.noService", { service: ref }), object),
      );
      return [];
    }
    if (service.selector !== null) {
      const text = message("mirroring.hasSelector", { service: ref });
      warnings.push(warningAt(source, "metadata.name", text, object));
      return [];
    }
    return mirror(source, seed);
  });
  return { slices, warnings };
}
