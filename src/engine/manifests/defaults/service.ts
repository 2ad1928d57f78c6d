import { message } from "../../messages/index.ts";
import type { FieldError } from "../validation/field.ts";
import { warning } from "../validation/field.ts";
import { isObj, type Obj } from "../validation/values.ts";
import { objectItems, setDefault } from "./pod.ts";

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/**
 * core/v1 defaults.go SetDefaults_Service, then what the Service registry fills in before
 * validation on a single-stack IPv4 cluster (clusterIPs mirrors clusterIP; ipFamilyPolicy and ipFamilies).
 */
export function defaultService(service: Obj, notes: FieldError[]): void {
  if (!isObj(service.spec)) service.spec = {};
  const spec = service.spec as Obj;
  setDefault(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig !== undefined) {
    notes.push(warning("spec.sessionAffinityConfig", message("defaults.affinityConfigDropped")));
    delete spec.sessionAffinityConfig;
  }
  if (spec.sessionAffinity === "ClientIP") {
    const config = isObj(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : undefined;
    const clientIP = config && isObj(config.clientIP) ? config.clientIP : undefined;
    if (
      spec.sessionAffinityConfig == null ||
      (config && config.clientIP == null) ||
      (clientIP && clientIP.timeoutSeconds == null)
    ) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
    }
  }
  setDefault(spec, "type", "ClusterIP");
  for (const port of objectItems(spec, "ports")) {
    setDefault(port, "protocol", "TCP");
    if (
      (port.targetPort == null || port.targetPort === 0 || port.targetPort === "") &&
      typeof port.port === "number"
    ) {
      port.targetPort = port.port;
    }
  }
  const type = spec.type;
  const hasExternalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  // pkg/api/service ExternallyAccessible
  if (type === "NodePort" || type === "LoadBalancer" || (type === "ClusterIP" && hasExternalIPs)) {
    setDefault(spec, "externalTrafficPolicy", "Cluster");
  }
  if (type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP") {
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  }
  if (type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  // registry/core/service/storage normalizeClusterIPs (a create): a clusterIP alone is copied into
  // clusterIPs, for every type; never the reverse ("new clients must use both fields").
  const noClusterIPs =
    spec.clusterIPs == null || (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length === 0);
  if (typeof spec.clusterIP === "string" && spec.clusterIP !== "" && noClusterIPs) {
    spec.clusterIPs = [spec.clusterIP];
  }
  if (type === "ExternalName") return;
  // initIPFamilyFields
  setDefault(spec, "ipFamilyPolicy", "SingleStack");
  if (spec.ipFamilies == null) spec.ipFamilies = ["IPv4"];
}
