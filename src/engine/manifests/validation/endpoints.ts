import { message } from "../../messages/index.ts";
import { child, duplicate, invalid, notSupported, required, tooMany, warning } from "./field.ts";
import { parseIP, specialIPProblem } from "./ip.ts";
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isFullyQualifiedDomainName,
  isQualifiedName,
  isValidPortNum,
} from "./names.ts";
import { PROTOCOLS } from "./pod.ts";
import { type Fields, isObj, type Obj } from "./values.ts";

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
/** discovery/validation maxEndpoints, maxAddresses, maxPorts */
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

/** validation.go validateEndpointSubsets: each subset has addresses (IPs, not special) and ports. */
export function validateEndpoints(endpoints: Obj, f: Fields): void {
  for (const { item: subset, path } of f.objects(endpoints, "subsets", "")) {
    const addresses = f.objects(subset, "addresses", path);
    const notReady = f.objects(subset, "notReadyAddresses", path);
    if (addresses.length === 0 && notReady.length === 0) {
      f.add(required(path, message("endpoints.addressesRequired")));
    }
    for (const { item, path: at } of [...addresses, ...notReady]) validateEndpointAddress(item, at, f);
    const ports = f.objects(subset, "ports", path);
    for (const { item: port, path: at } of ports) {
      const name = f.string(port, "name", at);
      if (!name && ports.length > 1) f.add(required(child(at, "name")));
      else if (name) for (const msg of isDNS1123Label(name)) f.add(invalid(child(at, "name"), name, msg));
      validatePortNumberAndProtocol(port, at, f, true);
    }
  }
}

/** validation.go validateEndpointAddress */
function validateEndpointAddress(address: Obj, path: string, f: Fields): void {
  const ip = f.string(address, "ip", path) ?? "";
  if (!parseIP(ip)) f.add(invalid(child(path, "ip"), ip, message("ip.isValidIP")));
  else {
    const problem = specialIPProblem(ip);
    if (problem) f.add(invalid(child(path, "ip"), ip, problem));
  }
  const hostname = f.string(address, "hostname", path);
  if (hostname)
    for (const msg of isDNS1123Label(hostname)) f.add(invalid(child(path, "hostname"), hostname, msg));
  const nodeName = f.string(address, "nodeName", path);
  if (nodeName)
    for (const msg of isDNS1123Subdomain(nodeName)) f.add(invalid(child(path, "nodeName"), nodeName, msg));
}

function validatePortNumberAndProtocol(port: Obj, path: string, f: Fields, portRequired: boolean): void {
  const number = f.int(port, "port", path);
  if (number !== undefined || portRequired) {
    for (const msg of isValidPortNum(number ?? 0)) f.add(invalid(child(path, "port"), number ?? 0, msg));
  }
  const protocol = f.string(port, "protocol", path);
  if (!protocol) f.add(required(child(path, "protocol")));
  else if (!PROTOCOLS.includes(protocol)) f.add(notSupported(child(path, "protocol"), protocol, PROTOCOLS));
  const appProtocol = f.string(port, "appProtocol", path);
  if (appProtocol !== undefined) {
    for (const msg of isQualifiedName(appProtocol))
      f.add(invalid(child(path, "appProtocol"), appProtocol, msg));
  }
}

/** discovery/validation ValidateEndpointSlice: addressType, addresses valid for it, ports. */
export function validateEndpointSlice(slice: Obj, f: Fields): void {
  const addressType = f.string(slice, "addressType", "");
  if (addressType === undefined) f.add(required("addressType"));
  else if (!ADDRESS_TYPES.includes(addressType))
    f.add(notSupported("addressType", addressType, ADDRESS_TYPES));
  const endpoints = f.objects(slice, "endpoints", "");
  if (endpoints.length > MAX_ENDPOINTS) f.add(tooMany("endpoints", endpoints.length, MAX_ENDPOINTS));
  for (const { item: endpoint, path } of endpoints) {
    const addresses = f.strings(endpoint, "addresses", path);
    const addressesPath = child(path, "addresses");
    if (addresses.length === 0) f.add(required(addressesPath, message("endpoints.atLeastOneAddress")));
    else if (addresses.length > MAX_ADDRESSES) f.add(tooMany(addressesPath, addresses.length, MAX_ADDRESSES));
    for (const { value, path: at } of addresses) validateSliceAddress(value, at, addressType, f);
    const nodeName = f.string(endpoint, "nodeName", path);
    if (nodeName)
      for (const msg of isDNS1123Subdomain(nodeName)) f.add(invalid(child(path, "nodeName"), nodeName, msg));
    const hostname = f.string(endpoint, "hostname", path);
    if (hostname)
      for (const msg of isDNS1123Label(hostname)) f.add(invalid(child(path, "hostname"), hostname, msg));
    const conditions = f.object(endpoint, "conditions", path);
    if (conditions)
      for (const key of ["ready", "serving", "terminating"])
        f.bool(conditions, key, child(path, "conditions"));
  }
  const ports = f.objects(slice, "ports", "");
  if (ports.length > MAX_PORTS) f.add(tooMany("ports", ports.length, MAX_PORTS));
  const names = new Set<string>();
  for (const { item: port, path } of ports) {
    const name = f.string(port, "name", path) ?? "";
    if (name) for (const msg of isDNS1123Label(name)) f.add(invalid(child(path, "name"), name, msg));
    if (names.has(name)) f.add(duplicate(child(path, "name"), name));
    names.add(name);
    validatePortNumberAndProtocol(port, path, f, false);
  }
  const meta = slice.metadata;
  const serviceName =
    isObj(meta) && isObj(meta.labels) ? meta.labels["kubernetes.io/service-name"] : undefined;
  if (typeof serviceName !== "string" || serviceName === "") {
    // kube-proxy and CoreDNS find a Service's slices by this label; the API server does not require it
    f.add(warning("metadata.labels", message("endpoints.noServiceName")));
  }
}

function validateSliceAddress(
  address: string,
  path: string,
  addressType: string | undefined,
  f: Fields,
): void {
  if (addressType === "IPv4" || addressType === "IPv6") {
    const ip = parseIP(address);
    const family = addressType === "IPv4" ? 4 : 6;
    if (!ip || ip.version !== family)
      f.add(invalid(path, address, message("endpoints.addressOfType", { addressType })));
    else {
      const problem = specialIPProblem(address);
      if (problem) f.add(invalid(path, address, problem));
    }
  } else if (addressType === "FQDN") {
    for (const msg of isFullyQualifiedDomainName(address)) f.add(invalid(path, address, msg));
  }
}
