import { message } from "../../messages/index.ts";
import { child, fieldError, invalid, notSupported, required } from "./field.ts";
import { parseIP } from "./ip.ts";
import {
  isDNS1035Label,
  isDNS1123Subdomain,
  isDomainPrefixedPath,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
} from "./names.ts";
import { type Fields, isAbsent, type Obj } from "./values.ts";

const PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];
const INVALID_PATH_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_PATH_SUFFIXES = ["/..", "/."];

/** networking/validation ValidateIngressSpec: rules, paths, backends, TLS hosts and the class name. */
export function validateIngress(ingress: Obj, f: Fields): void {
  const spec = f.object(ingress, "spec", "") ?? {};
  const rules = f.objects(spec, "rules", "spec");
  const defaultBackend = f.object(spec, "defaultBackend", "spec");
  if (rules.length === 0 && !defaultBackend) {
    f.add(invalid("spec", rules, message("ingress.backendOrRules")));
  }
  if (defaultBackend) validateBackend(defaultBackend, "spec.defaultBackend", f);
  for (const { item: rule, path } of rules) {
    const host = f.string(rule, "host", path);
    if (host) validateHost(host, child(path, "host"), f);
    const http = f.object(rule, "http", path);
    if (http) validateHTTPRule(http, child(path, "http"), f);
  }
  for (const { item: tls, path } of f.objects(spec, "tls", "spec")) {
    for (const { value, path: hostPath } of f.strings(tls, "hosts", path)) {
      const check = value.includes("*") ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      for (const msg of check(value)) f.add(invalid(hostPath, value, msg));
    }
    const secretName = f.string(tls, "secretName", path);
    if (secretName) {
      for (const msg of isDNS1123Subdomain(secretName))
        f.add(invalid(child(path, "secretName"), secretName, msg));
    }
  }
  const className = f.string(spec, "ingressClassName", "spec");
  if (className !== undefined) {
    for (const msg of isDNS1123Subdomain(className)) f.add(invalid("spec.ingressClassName", className, msg));
  }
  validateClassAnnotation(ingress, className, f);
}

const CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/** networking/validation ValidateIngressCreate: the deprecated class annotation must agree with ingressClassName. */
function validateClassAnnotation(ingress: Obj, className: string | undefined, f: Fields): void {
  const meta = f.object(ingress, "metadata", "") ?? {};
  const annotation = f.stringMap(meta, "annotations", "metadata")?.[CLASS_ANNOTATION];
  if (annotation === undefined || className === undefined || annotation === className) return;
  f.add(
    invalid(child("metadata.annotations", CLASS_ANNOTATION), annotation, message("ingress.classAnnotation")),
  );
}

/** validateIngressRules: a host is a DNS name or a `*.` wildcard, never an IP address. */
function validateHost(host: string, path: string, f: Fields): void {
  if (parseIP(host)) f.add(invalid(path, host, message("ingress.hostIP")));
  const check = host.includes("*") ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
  for (const msg of check(host)) f.add(invalid(path, host, msg));
}

/** validateHTTPIngressRuleValue and validateHTTPIngressPath. */
function validateHTTPRule(http: Obj, path: string, f: Fields): void {
  const paths = f.objects(http, "paths", path);
  if (paths.length === 0) f.add(required(child(path, "paths")));
  for (const { item, path: at } of paths) {
    const pathType = f.string(item, "pathType", at);
    const value = f.string(item, "path", at) ?? "";
    const backend = f.object(item, "backend", at);
    if (backend) validateBackend(backend, child(at, "backend"), f);
    else f.add(required(child(at, "backend")));
    if (pathType === undefined) {
      f.add(required(child(at, "pathType"), message("ingress.pathType")));
      continue;
    }
    if (!PATH_TYPES.includes(pathType)) {
      f.add(notSupported(child(at, "pathType"), pathType, PATH_TYPES));
      continue;
    }
    if (pathType === "ImplementationSpecific" && value === "") continue;
    if (!value.startsWith("/")) f.add(invalid(child(at, "path"), value, message("ingress.absolutePath")));
    if (pathType === "ImplementationSpecific") continue;
    for (const sequence of INVALID_PATH_SEQUENCES) {
      if (value.includes(sequence))
        f.add(invalid(child(at, "path"), value, message("ingress.pathSequence", { sequence })));
    }
    for (const suffix of INVALID_PATH_SUFFIXES) {
      if (value.endsWith(suffix))
        f.add(invalid(child(at, "path"), value, message("ingress.pathSuffix", { suffix })));
    }
  }
}

/** validateIngressBackend: a service with a name and exactly one of port name and port number. */
function validateBackend(backend: Obj, path: string, f: Fields): void {
  const service = f.object(backend, "service", path);
  const resource = f.object(backend, "resource", path);
  if (service && resource) {
    f.add(invalid(path, "", message("ingress.bothBackends")));
    return;
  }
  if (resource) return;
  if (!service) {
    f.add(invalid(path, "", message("ingress.backendRequired")));
    return;
  }
  const servicePath = child(path, "service");
  const name = f.string(service, "name", servicePath);
  if (!name) f.add(required(child(servicePath, "name")));
  // networking/validation: ValidateServiceName (DNS-1035)
  else for (const msg of isDNS1035Label(name)) f.add(invalid(child(servicePath, "name"), name, msg));
  const port = f.object(service, "port", servicePath) ?? {};
  const portPath = child(servicePath, "port");
  const portName = f.string(port, "name", portPath);
  const portNumber = f.int(port, "number", portPath);
  if (portName && portNumber) f.add(invalid(servicePath, "", message("ingress.bothPorts")));
  else if (portName) {
    for (const msg of isValidPortName(portName)) f.add(invalid(child(portPath, "name"), portName, msg));
  } else if (portNumber) {
    for (const msg of isValidPortNum(portNumber)) f.add(invalid(child(portPath, "number"), portNumber, msg));
  } else if (isAbsent(port.number) || port.number === 0) {
    f.add(required(portPath, message("ingress.portRequired")));
  }
}

/** networking/validation ValidateIngressClassSpec: the controller is a required domain-prefixed path. */
export function validateIngressClass(ingressClass: Obj, f: Fields): void {
  const spec = f.object(ingressClass, "spec", "") ?? {};
  const controller = f.string(spec, "controller", "spec");
  if (!controller) {
    f.add(required("spec.controller"));
    return;
  }
  if (controller.length > 250) {
    f.add(fieldError("spec.controller", message("ingress.controllerTooLong")));
  }
  for (const msg of isDomainPrefixedPath(controller)) f.add(invalid("spec.controller", controller, msg));
}
