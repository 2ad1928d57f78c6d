import { message } from "../../messages/index.ts";
import { child, duplicate, type FieldError, invalid, notSupported, required, warning } from "./field.ts";
import { validateLabels } from "./meta.ts";
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "./names.ts";
import { type Fields, isAbsent, type Obj } from "./values.ts";

export const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const RESTART_POLICIES = ["Always", "Never", "OnFailure"];
const DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];

/**
 * validation.go ValidatePodSpec, the parts that decide networking: containers and their ports,
 * hostNetwork, hostname/subdomain, nodeName, nodeSelector, restart and DNS policies.
 * `restartPolicies` narrows the allowed restart policies (workload templates allow only Always).
 */
export function validatePodSpec(
  spec: Obj,
  path: string,
  f: Fields,
  restartPolicies = RESTART_POLICIES,
): void {
  const hostNetwork = f.bool(spec, "hostNetwork", path) ?? false;
  const containerNames = new Set<string>();
  const portNames = new Map<string, string>();
  const containers = f.objects(spec, "containers", path);
  if (Array.isArray(spec.containers) ? spec.containers.length === 0 : isAbsent(spec.containers)) {
    f.add(required(child(path, "containers")));
  }
  for (const list of ["initContainers", "containers"]) {
    for (const { item, path: at } of list === "containers" ? containers : f.objects(spec, list, path)) {
      validateContainer(
        item,
        at,
        f,
        containerNames,
        hostNetwork,
        list === "containers" ? portNames : undefined,
      );
    }
  }
  const restartPolicy = f.string(spec, "restartPolicy", path);
  if (restartPolicy !== undefined && !restartPolicies.includes(restartPolicy)) {
    f.add(notSupported(child(path, "restartPolicy"), restartPolicy, restartPolicies));
  }
  const dnsPolicy = f.string(spec, "dnsPolicy", path);
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(dnsPolicy)) {
    f.add(notSupported(child(path, "dnsPolicy"), dnsPolicy, DNS_POLICIES));
  }
  for (const key of ["hostname", "subdomain"]) {
    const value = f.string(spec, key, path);
    if (value) for (const msg of isDNS1123Label(value)) f.add(invalid(child(path, key), value, msg));
  }
  const nodeName = f.string(spec, "nodeName", path);
  // validation.go ValidatePodSpec: ValidateNodeName = NameIsDNSSubdomain
  if (nodeName)
    for (const msg of isDNS1123Subdomain(nodeName)) f.add(invalid(child(path, "nodeName"), nodeName, msg));
  const nodeSelector = f.stringMap(spec, "nodeSelector", path);
  if (nodeSelector) f.add(...validateLabels(nodeSelector, child(path, "nodeSelector")));
}

function validateContainer(
  container: Obj,
  path: string,
  f: Fields,
  names: Set<string>,
  hostNetwork: boolean,
  podPortNames: Map<string, string> | undefined,
): void {
  const name = f.string(container, "name", path);
  if (!name) f.add(required(child(path, "name")));
  else {
    for (const msg of isDNS1123Label(name)) f.add(invalid(child(path, "name"), name, msg));
    // validation.go validateContainers: names are unique across init and regular containers
    if (names.has(name)) f.add(duplicate(child(path, "name"), name));
    names.add(name);
  }
  const image = f.string(container, "image", path);
  if (!image) f.add(required(child(path, "image")));
  f.add(...validateContainerPorts(container, path, f, hostNetwork, podPortNames));
}

/** validation.go validateContainerPorts (of the container at `path`): names are IANA_SVC_NAMEs unique in the container; numbers in range. */
function validateContainerPorts(
  container: Obj,
  path: string,
  f: Fields,
  hostNetwork: boolean,
  podPortNames: Map<string, string> | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  for (const { item: port, path: at } of f.objects(container, "ports", path)) {
    const name = f.string(port, "name", at);
    if (name) {
      const msgs = isValidPortName(name);
      for (const msg of msgs) errs.push(invalid(child(at, "name"), name, msg));
      if (msgs.length === 0 && names.has(name)) errs.push(duplicate(child(at, "name"), name));
      else if (msgs.length === 0) {
        const first = podPortNames?.get(name);
        // pkg/api/pod/warnings.go: a name repeated in another container is accepted with a warning
        if (first !== undefined) {
          errs.push(warning(at, message("pod.duplicatePortName", { name, first })));
        } else podPortNames?.set(name, at);
      }
      names.add(name);
    }
    const containerPort = f.int(port, "containerPort", at);
    if (containerPort === undefined ? isAbsent(port.containerPort) : containerPort === 0) {
      errs.push(required(child(at, "containerPort")));
    } else if (containerPort !== undefined) {
      for (const msg of isValidPortNum(containerPort))
        errs.push(invalid(child(at, "containerPort"), containerPort, msg));
    }
    const hostPort = f.int(port, "hostPort", at);
    if (hostPort) {
      for (const msg of isValidPortNum(hostPort)) errs.push(invalid(child(at, "hostPort"), hostPort, msg));
      // validation.go validateHostNetwork
      if (hostNetwork && containerPort !== undefined && hostPort !== containerPort) {
        errs.push(invalid(child(at, "hostPort"), hostPort, message("pod.hostPortMatch")));
      }
    }
    const protocol = f.string(port, "protocol", at);
    if (!protocol) errs.push(required(child(at, "protocol")));
    else if (!PROTOCOLS.includes(protocol))
      errs.push(notSupported(child(at, "protocol"), protocol, PROTOCOLS));
  }
  return errs;
}
