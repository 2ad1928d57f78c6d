import { message } from "../../messages/index.ts";
import {
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  invalidStrings,
  notSupported,
  required,
  warning,
} from "./field.ts";
import { isValidCIDR, parseIP, specialIPProblem } from "./ip.ts";
import { validateLabels } from "./meta.ts";
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
} from "./names.ts";
import { PROTOCOLS } from "./pod.ts";
import { type Fields, isAbsent, type Obj } from "./values.ts";

/** The API server's warning for spec.externalIPs (KEP-5707, Kubernetes 1.36), with what to use instead. */
export const EXTERNAL_IPS_DEPRECATED = message("service.externalIPsDeprecated");

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const SESSION_AFFINITIES = ["ClientIP", "None"];
const TRAFFIC_POLICIES = ["Cluster", "Local"];
const IP_FAMILY_POLICIES = ["PreferDualStack", "RequireDualStack", "SingleStack"];
const IP_FAMILIES = ["IPv4", "IPv6"];
/** core.MaxClientIPServiceAffinitySeconds */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** validation.go ValidateService (and the registry's ClusterIP/ipFamilies checks for a single-stack IPv4 cluster). */
export function validateService(service: Obj, f: Fields): void {
  const spec = f.object(service, "spec", "") ?? {};
  const type = f.string(spec, "type", "spec");
  const clusterIP = f.string(spec, "clusterIP", "spec");
  const clusterIPs = f.strings(spec, "clusterIPs", "spec");
  // isHeadlessService: clusterIPs (which the registry's normalizeClusterIPs filled from clusterIP) is ["None"].
  const headless = clusterIPs.length === 1 && clusterIPs[0]?.value === "None";
  // Mirrored from clusterIP by defaulting: its errors are marked on the clusterIP line the learner wrote.
  const mirrored = clusterIPs.length === 1 && clusterIPs[0]?.value === clusterIP;
  const at = mirrored ? { at: "spec.clusterIP" } : {};
  const ports = f.objects(spec, "ports", "spec");
  if (ports.length === 0 && !headless && type !== "ExternalName") f.add(required("spec.ports"));

  if (type === undefined) f.add(required("spec.type"));
  else if (!SERVICE_TYPES.includes(type)) f.add(notSupported("spec.type", type, SERVICE_TYPES));
  // validation.go ValidateService reports a headless NodePort or LoadBalancer at spec.clusterIPs[0].
  if ((type === "LoadBalancer" || type === "NodePort") && headless) {
    f.add({ ...invalid("spec.clusterIPs[0]", "None", message("service.clusterIPNone", { type })), ...at });
  }
  if (type === "ExternalName") validateExternalName(spec, clusterIPs.length > 0, at, f);
  else validateClusterIPs(clusterIP, clusterIPs, at, f);

  validatePorts(ports, type, f);

  const selector = f.stringMap(spec, "selector", "spec");
  if (selector) f.add(...validateLabels(selector, "spec.selector"));

  validateSessionAffinity(spec, f);

  const externalIPs = f.strings(spec, "externalIPs", "spec");
  for (const { value, path } of externalIPs) {
    const problem = specialIPProblem(value);
    if (problem) f.add(invalid(path, value, problem));
  }
  // KEP-5707: deprecated since Kubernetes 1.36; the API server still accepts the field and answers
  // with a warning, which kubectl prints as "Warning: spec.externalIPs is deprecated".
  if (externalIPs.length > 0) f.add(warning("spec.externalIPs", EXTERNAL_IPS_DEPRECATED));

  validateSourceRanges(service, spec, type, f);
  validateLoadBalancerClass(spec, type, f);
  validateTrafficDistribution(spec, f);
  const loadBalancerIP = f.string(spec, "loadBalancerIP", "spec");
  if (loadBalancerIP && !parseIP(loadBalancerIP)) {
    f.add(invalid("spec.loadBalancerIP", loadBalancerIP, message("ip.invalid")));
  } else if (loadBalancerIP && type !== "LoadBalancer") {
    f.add(warning("spec.loadBalancerIP", message("service.loadBalancerIPIgnored")));
  }

  validateTrafficPolicies(spec, type, externalIPs.length > 0, f);
  validateIPFamilies(spec, type, f);

  const allocate = f.bool(spec, "allocateLoadBalancerNodePorts", "spec");
  if (type === "LoadBalancer" && allocate === undefined)
    f.add(required("spec.allocateLoadBalancerNodePorts"));
  else if (type !== "LoadBalancer" && allocate !== undefined) {
    f.add(forbidden("spec.allocateLoadBalancerNodePorts", ONLY_LOAD_BALANCER));
  }
  f.bool(spec, "publishNotReadyAddresses", "spec");
}

/** Only a LoadBalancer Service may say it (validation.go, for source ranges and loadBalancerClass alike). */
const ONLY_LOAD_BALANCER = message("service.onlyLoadBalancer");
/** apimachinery IsValidCIDRForLegacyField's message. */
const INVALID_CIDR = message("service.cidrInvalid");
/** core.AnnotationLoadBalancerSourceRangesKey: the field's older, comma-separated form. */
const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

/**
 * validation.go ValidateService, "Validate SourceRanges field or annotation": the field, printed
 * as `spec.LoadBalancerSourceRanges` (its historical capital), values trimmed of spaces ("a
 * historical accident around transition from the annotation value"); without it, the annotation.
 * Either is Forbidden on a Service that is not a LoadBalancer.
 */
function validateSourceRanges(service: Obj, spec: Obj, type: string | undefined, f: Fields): void {
  const ranges = f.strings(spec, "loadBalancerSourceRanges", "spec");
  const fieldPath = "spec.LoadBalancerSourceRanges";
  if (ranges.length > 0) {
    if (type !== "LoadBalancer")
      f.add({ ...forbidden(fieldPath, ONLY_LOAD_BALANCER), at: "spec.loadBalancerSourceRanges" });
    ranges.forEach(({ value, path }, i) => {
      const trimmed = value.trim();
      if (!isValidCIDR(trimmed)) f.add({ ...invalid(index(fieldPath, i), trimmed, INVALID_CIDR), at: path });
    });
    return;
  }
  const annotations = (service.metadata as Obj | undefined)?.annotations as Obj | undefined;
  const annotation = annotations?.[SOURCE_RANGES_ANNOTATION];
  if (typeof annotation !== "string") return;
  // field.NewPath("metadata", "annotations").Key(...) prints the key in brackets.
  const annotationPath = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
  const at = child("metadata.annotations", SOURCE_RANGES_ANNOTATION);
  if (type !== "LoadBalancer") f.add({ ...forbidden(annotationPath, ONLY_LOAD_BALANCER), at });
  const value = annotation.trim();
  if (value === "") return;
  for (const cidr of value.split(",").map((v) => v.trim())) {
    if (!isValidCIDR(cidr)) f.add({ ...invalid(annotationPath, cidr, INVALID_CIDR), at });
  }
}

/** validation.go validateLoadBalancerClassField: a qualified name, and only on a LoadBalancer. */
function validateLoadBalancerClass(spec: Obj, type: string | undefined, f: Fields): void {
  const loadBalancerClass = f.string(spec, "loadBalancerClass", "spec");
  if (loadBalancerClass === undefined) return;
  if (type !== "LoadBalancer") f.add(forbidden("spec.loadBalancerClass", ONLY_LOAD_BALANCER));
  for (const msg of isQualifiedName(loadBalancerClass))
    f.add(invalid("spec.loadBalancerClass", loadBalancerClass, msg));
}

/** validation.go validateServiceTrafficDistribution (sets.List order), and warnings.go's deprecation of PreferClose. */
const TRAFFIC_DISTRIBUTIONS = ["PreferClose", "PreferSameNode", "PreferSameZone"];

function validateTrafficDistribution(spec: Obj, f: Fields): void {
  const distribution = f.string(spec, "trafficDistribution", "spec");
  if (distribution === undefined) return;
  if (!TRAFFIC_DISTRIBUTIONS.includes(distribution))
    f.add(notSupported("spec.trafficDistribution", distribution, TRAFFIC_DISTRIBUTIONS));
  else if (distribution === "PreferClose")
    f.add(warning("spec.trafficDistribution", message("service.preferCloseDeprecated")));
}

/**
 * validation.go ValidateServiceClusterIPsRelatedFields, on what normalizeClusterIPs left (a create: a
 * clusterIP alone is copied into clusterIPs, never the reverse): the errors name spec.clusterIPs.
 */
function validateClusterIPs(
  clusterIP: string | undefined,
  clusterIPs: { value: string; path: string }[],
  at: { at?: string },
  f: Fields,
): void {
  const values = clusterIPs.map((c) => c.value);
  if (clusterIP && values[0] !== undefined && values[0] !== clusterIP)
    f.add(invalidStrings("spec.clusterIPs", values, message("service.clusterIPsMatch")));
  else if (!clusterIP && values.length > 0)
    f.add(invalidStrings("spec.clusterIPs", values, message("service.clusterIPsWithoutClusterIP")));
  clusterIPs.forEach(({ value, path }, i) => {
    if (i === 0 && value === "None") {
      if (values.length > 1)
        f.add(invalidStrings("spec.clusterIPs", values, message("service.clusterIPsNoneOnly")));
    } else if (!parseIP(value)) f.add({ ...invalid(path, value, message("ip.isValidIP")), ...at });
  });
  if (values.length > 2)
    f.add(invalidStrings("spec.clusterIPs", values, message("service.clusterIPsTooMany")));
}

function validateExternalName(spec: Obj, hasClusterIPs: boolean, at: { at?: string }, f: Fields): void {
  // validation.go ValidateService: an ExternalName may have no clusterIPs (normalized from clusterIP).
  if (hasClusterIPs)
    f.add({ ...forbidden("spec.clusterIPs", message("service.externalNameNoClusterIP")), ...at });
  const externalName = (f.string(spec, "externalName", "spec") ?? "").replace(/\.$/, "");
  if (externalName === "") {
    f.add(required("spec.externalName"));
    return;
  }
  for (const msg of isDNS1123Subdomain(externalName)) f.add(invalid("spec.externalName", externalName, msg));
  if (parseIP(externalName)) {
    // Kubernetes docs (Service, type ExternalName): an IP address is accepted but treated as a DNS name
    f.add(warning("spec.externalName", message("service.externalNameIP")));
  }
}

/** validation.go validateServicePort, and ValidateService's duplicate port and nodePort checks. */
function validatePorts(ports: { item: Obj; path: string }[], type: string | undefined, f: Fields): void {
  const names = new Set<string>();
  const seenPorts = new Set<string>();
  const seenNodePorts = new Set<string>();
  for (const { item: sp, path } of ports) {
    const name = f.string(sp, "name", path);
    if (!name && ports.length > 1) f.add(required(child(path, "name")));
    else if (name) {
      for (const msg of isDNS1123Label(name)) f.add(invalid(child(path, "name"), name, msg));
      if (names.has(name)) f.add(duplicate(child(path, "name"), name));
      names.add(name);
    }
    const port = f.int(sp, "port", path);
    if (port !== undefined || isAbsent(sp.port)) {
      for (const msg of isValidPortNum(port ?? 0)) f.add(invalid(child(path, "port"), port ?? 0, msg));
    }
    const protocol = f.string(sp, "protocol", path);
    if (!protocol) f.add(required(child(path, "protocol")));
    else if (!PROTOCOLS.includes(protocol)) f.add(notSupported(child(path, "protocol"), protocol, PROTOCOLS));
    const targetPort = f.intOrString(sp, "targetPort", path);
    if (typeof targetPort === "number") {
      for (const msg of isValidPortNum(targetPort))
        f.add(invalid(child(path, "targetPort"), targetPort, msg));
    } else if (typeof targetPort === "string") {
      for (const msg of isValidPortName(targetPort))
        f.add(invalid(child(path, "targetPort"), targetPort, msg));
    }
    const appProtocol = f.string(sp, "appProtocol", path);
    if (appProtocol !== undefined) {
      for (const msg of isQualifiedName(appProtocol))
        f.add(invalid(child(path, "appProtocol"), appProtocol, msg));
    }
    const nodePort = f.int(sp, "nodePort", path);
    if (nodePort && type === "ClusterIP") {
      f.add(forbidden(child(path, "nodePort"), message("service.nodePortClusterIP")));
    }
    if (nodePort) {
      const key = `${protocol}/${nodePort}`;
      if (seenNodePorts.has(key)) f.add(duplicate(child(path, "nodePort"), nodePort));
      seenNodePorts.add(key);
    }
    if (port !== undefined) {
      const key = `${protocol}/${port}`;
      if (seenPorts.has(key)) f.add(duplicate(path, { port, protocol }));
      seenPorts.add(key);
    }
  }
}

function validateSessionAffinity(spec: Obj, f: Fields): void {
  const affinity = f.string(spec, "sessionAffinity", "spec");
  if (affinity === undefined) f.add(required("spec.sessionAffinity"));
  else if (!SESSION_AFFINITIES.includes(affinity))
    f.add(notSupported("spec.sessionAffinity", affinity, SESSION_AFFINITIES));
  const config = f.object(spec, "sessionAffinityConfig", "spec");
  if (affinity === "ClientIP") {
    // validation.go validateClientIPAffinityConfig
    const clientIP = config && f.object(config, "clientIP", "spec.sessionAffinityConfig");
    const path = "spec.sessionAffinityConfig.clientIP";
    const timeout = clientIP && f.int(clientIP, "timeoutSeconds", path);
    if (!config) f.add(required("spec.sessionAffinityConfig", message("service.whenClientIP")));
    else if (!clientIP) f.add(required(path, message("service.whenClientIP")));
    else if (timeout === undefined)
      f.add(required(child(path, "timeoutSeconds"), message("service.whenClientIP")));
    else if (!(timeout > 0 && timeout <= MAX_CLIENT_IP_AFFINITY_SECONDS)) {
      f.add(
        invalid(
          child(path, "timeoutSeconds"),
          timeout,
          message("service.affinityTimeout", { max: MAX_CLIENT_IP_AFFINITY_SECONDS }),
        ),
      );
    }
  } else if (config) {
    f.add(
      forbidden(
        "spec.sessionAffinityConfig",
        message("service.affinityConfigForbidden", { affinity: String(affinity) }),
      ),
    );
  }
}

function validateTrafficPolicies(
  spec: Obj,
  type: string | undefined,
  hasExternalIPs: boolean,
  f: Fields,
): void {
  // pkg/api/service ExternallyAccessible
  const external = type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && hasExternalIPs);
  const etp = f.string(spec, "externalTrafficPolicy", "spec");
  if (!external && etp) {
    f.add(invalid("spec.externalTrafficPolicy", etp, message("service.etpExternalOnly")));
  } else if (external && !etp) {
    f.add(required("spec.externalTrafficPolicy"));
  } else if (etp && !TRAFFIC_POLICIES.includes(etp)) {
    f.add(notSupported("spec.externalTrafficPolicy", etp, TRAFFIC_POLICIES));
  }
  const healthCheckNodePort = f.int(spec, "healthCheckNodePort", "spec");
  // validation.go validateServiceExternalTrafficPolicy: a port number, when set.
  if (healthCheckNodePort) {
    for (const msg of isValidPortNum(healthCheckNodePort))
      f.add(invalid("spec.healthCheckNodePort", healthCheckNodePort, msg));
  }
  if (healthCheckNodePort && !(type === "LoadBalancer" && etp === "Local")) {
    f.add(
      invalid("spec.healthCheckNodePort", healthCheckNodePort, message("service.healthCheckNodePortLocal")),
    );
  }
  const itp = f.string(spec, "internalTrafficPolicy", "spec");
  if (itp === undefined && type !== undefined && type !== "ExternalName" && SERVICE_TYPES.includes(type)) {
    f.add(required("spec.internalTrafficPolicy"));
  } else if (itp !== undefined && !TRAFFIC_POLICIES.includes(itp)) {
    f.add(notSupported("spec.internalTrafficPolicy", itp, TRAFFIC_POLICIES));
  }
}

/** The simulated cluster is single-stack IPv4, as kubeadm's default is (validation.go validateIPFamilies). */
function validateIPFamilies(spec: Obj, type: string | undefined, f: Fields): void {
  const policy = f.string(spec, "ipFamilyPolicy", "spec");
  const families = f.strings(spec, "ipFamilies", "spec");
  if (type === "ExternalName") {
    if (policy !== undefined)
      f.add(forbidden("spec.ipFamilyPolicy", message("service.externalNameNoIPFamily")));
    if (families.length > 0) f.add(forbidden("spec.ipFamilies", message("service.externalNameNoIPFamily")));
    return;
  }
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) {
    f.add(notSupported("spec.ipFamilyPolicy", policy, IP_FAMILY_POLICIES));
  } else if (policy === "RequireDualStack") {
    f.add(invalid("spec.ipFamilyPolicy", policy, message("service.noDualStack")));
  }
  const seen = new Set<string>();
  for (const { value, path } of families) {
    if (!IP_FAMILIES.includes(value)) f.add(notSupported(path, value, IP_FAMILIES));
    else if (seen.has(value)) f.add(duplicate(path, value));
    else if (value === "IPv6") f.add(invalid(path, value, message("service.noIPv6")));
    seen.add(value);
  }
  if (families.length > 2)
    f.add(
      invalid(
        "spec.ipFamilies",
        families.map((x) => x.value),
        message("service.tooManyFamilies"),
      ),
    );
}
