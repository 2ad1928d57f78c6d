// The engine's public API: the only module that src/app, src/cli, src/lessons, src/kubectl and bench
// import from src/engine. The session (createSession) and its contract types, refs, the loaders, and
// what the app, the CLI and the console read of a cluster: nothing a caller outside the engine does
// not use (a name no caller imports stays inside the engine).

export { buildCluster } from "./cluster/build.ts";
export { ZONE_LABEL } from "./cluster/controllers/endpointSlices.ts";
export { endpointTargets } from "./cluster/endpointTargets.ts";
export { envoyDeploymentRef } from "./cluster/gateways.ts";
export {
  type IngressImplementation,
  readIngressClasses,
  resolveIngressClass,
} from "./cluster/ingressClasses.ts";
export { INGRESS_NGINX_DEPLOYMENT_REF, INGRESS_NGINX_SERVICE_REF } from "./cluster/ingressNginx.ts";
export {
  IPVS_DEPRECATION,
  isKubeProxyConfigMap,
  KUBE_PROXY_CONFIG_API_VERSION,
  KUBE_PROXY_CONFIGMAP,
  KUBE_PROXY_MODES,
} from "./cluster/kubeProxyConfig.ts";
export { matchesLabels } from "./cluster/labels.ts";
export { SIMULATOR_LIMITS } from "./cluster/limits.ts";
export { isLoadBalancerProvider, LOAD_BALANCER_PROVIDER_NAMES } from "./cluster/loadBalancerProviders.ts";
export {
  selectorSelects,
  senderNode,
  serviceEndpoints,
  servicePods,
  serviceSelects,
} from "./cluster/membership.ts";
export { buildNodes } from "./cluster/nodes.ts";
export { KUBERNETES_VERSION, resolveSettings } from "./cluster/settings.ts";
export { SYSTEM_FILE } from "./cluster/system.ts";
export type {
  Cluster,
  ClusterSettings,
  EndpointSliceState,
  KubeProxyMode,
  LoadBalancerProvider,
  NodeState,
  PodState,
  Ref,
  ServiceState,
  Taint,
} from "./cluster/types.ts";
export { objectRef } from "./manifests/kinds.ts";
export { MAX_FILE_CHARS } from "./manifests/limits.ts";
export { loadManifests } from "./manifests/load.ts";
export { positionOf } from "./manifests/positions.ts";
export type { Diagnostic, KubeObject, SourcedObject, SourceFile, SourcePosition } from "./manifests/types.ts";
export type { diagnosticTexts } from "./messages/diagnostics.ts";
export type { eventTexts } from "./messages/events.ts";
export type { hopTexts } from "./messages/hops.ts";
export {
  type EngineCode,
  type EngineMessage,
  engineTexts,
  formatText,
  type MessageParams,
  type NestedMessage,
  placeholders,
  renderMessage,
} from "./messages/index.ts";
export { createDataPlane, type DataPlane } from "./network/dataplane.ts";
export { QUERY_TYPES, type RecordType } from "./network/dns.ts";
export type { GRPCMatch } from "./network/gateway/grpc.ts";
export type { RouteMatch } from "./network/gateway/match.ts";
export {
  type GatewayView,
  isGatewayKind,
  type RouteView,
  readGateway,
  readRoute,
} from "./network/gateway/spec.ts";
export { backendText, type IngressBackend, readIngress } from "./network/ingress/spec.ts";
export { renderIptablesSave } from "./network/iptables.ts";
export { renderIpvsadm } from "./network/ipvs.ts";
export { type NodeRules, nodeRules, renderProxyRules, serviceRules } from "./network/rules.ts";
export { parseTarget } from "./network/target.ts";
export { createTrafficState, REQUEST_INTERVAL_SECONDS } from "./network/traffic-state.ts";
export {
  clientRef,
  clusterRef,
  daemonSetRef,
  deploymentRef,
  externalRef,
  gatewayClassRef,
  gatewayRef,
  grpcRouteRef,
  httpRouteRef,
  ingressLbRef,
  ingressRef,
  isClientRef,
  isExternalRef,
  isNodeRef,
  isPodRef,
  isServiceRef,
  lbRef,
  lbRefOf,
  lbTarget,
  namespacedRef,
  nodeName,
  nodeRef,
  type ParsedRef,
  parseRef,
  podRef,
  refKind,
  refLabel,
  refName,
  statefulSetRef,
  svcRef,
  toNodeRef,
} from "./refs.ts";
export { createSession, type EngineSession, SCENARIO_FILE, type SentTrace } from "./session.ts";
export { formatDuration } from "./sim/duration.ts";
export type { SimEvent } from "./sim/events.ts";
export type { LoadBalancerHealth } from "./sim/healthChecks.ts";
export { renderScenario } from "./sim/render.ts";
export { parseScenario, type Scenario, type ScenarioAction } from "./sim/scenario.ts";
export { SETTING_FIELDS, type SettingPath, settingValue, withSetting } from "./sim/settingFields.ts";
export { AWS_NLB_HEALTH_CHECK, defaultSimulationSettings, type HealthCheckSettings } from "./sim/settings.ts";
export { type Bucket, clusterAt, type SimPacket, type Simulation, simulate } from "./sim/simulate.ts";
export { emptyScenarioSpec, type ScenarioSpec } from "./sim/spec.ts";
export { lookupName, type NameLookup } from "./trace/lookup.ts";
export { HOP_SECONDS, placeOf, traceDuration } from "./trace/timing.ts";
export { type ParsedRequest, parseRequest, trace } from "./trace/trace.ts";
export { traffic } from "./trace/traffic.ts";
export type { Backend, Hop, HopKind, Outcome, PacketHeader, Trace, TraceRequest } from "./trace/types.ts";
