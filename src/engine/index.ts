// The engine's public API: the only module that src/app, src/cli and src/lessons import from src/engine.

export { type BuildOptions, buildCluster } from "./cluster/build.ts";
export {
  ENDPOINTSLICE_CONTROLLER,
  findPort,
  MAX_ENDPOINTS_PER_SLICE,
  SERVICE_NAME_LABEL,
} from "./cluster/endpointSlices.ts";
export { type EndpointTarget, endpointTargets } from "./cluster/endpointTargets.ts";
export {
  ENVOY_GATEWAY_FILE,
  ENVOY_GATEWAY_NAMESPACE,
  envoyDeploymentRef,
  envoyServiceRef,
} from "./cluster/gateways.ts";
export {
  type ClassResolution,
  DEFAULT_CLASS_ANNOTATION,
  defaultIngressClass,
  GCE_CONTROLLER,
  type IngressClassInfo,
  type IngressImplementation,
  LEGACY_CLASS_ANNOTATION,
  NGINX_CONTROLLER,
  readIngressClasses,
  resolveIngressClass,
} from "./cluster/ingressClasses.ts";
export {
  INGRESS_NGINX_DEPLOYMENT_REF,
  INGRESS_NGINX_FILE,
  INGRESS_NGINX_NAMESPACE,
  INGRESS_NGINX_SERVICE_REF,
} from "./cluster/ingressNginx.ts";
export {
  IPVS_DEPRECATION,
  isKubeProxyConfigMap,
  KUBE_PROXY_CONFIG_API_VERSION,
  KUBE_PROXY_CONFIGMAP,
  KUBE_PROXY_MODES,
} from "./cluster/kubeProxyConfig.ts";
export { matchesLabels } from "./cluster/labels.ts";
export { SIMULATOR_LIMITS } from "./cluster/limits.ts";
export {
  isLoadBalancerProvider,
  LOAD_BALANCER_PROVIDER_NAMES,
  LOAD_BALANCER_PROVIDERS,
  type LoadBalancerEntry,
} from "./cluster/loadBalancerProviders.ts";
export {
  selectorSelects,
  senderNode,
  serviceEndpoints,
  servicePods,
  serviceSelects,
} from "./cluster/membership.ts";
export { MIRRORING_CONTROLLER } from "./cluster/mirroring.ts";
export { SYSTEM_NAMESPACES } from "./cluster/namespaces.ts";
export { applyNodeFailures, markNodeFailed, markPodsNotReady } from "./cluster/nodeLifecycle.ts";
export { buildNodes, DEFAULT_NODE_NAMES } from "./cluster/nodes.ts";
export { READY_ANNOTATION } from "./cluster/readiness.ts";
export { defaultSettings, KUBERNETES_VERSION, resolveSettings } from "./cluster/settings.ts";
export { apiServerIP, SYSTEM_FILE } from "./cluster/system.ts";
export type {
  Cluster,
  ClusterSettings,
  ContainerPort,
  EndpointSlicePort,
  EndpointSliceState,
  EndpointState,
  KubeProxyMode,
  LoadBalancerIngress,
  LoadBalancerProvider,
  NodeState,
  PodState,
  Ref,
  ServicePortState,
  ServiceState,
  ServiceType,
  Taint,
} from "./cluster/types.ts";
export { objectRef, SIMULATED_KINDS } from "./manifests/kinds.ts";
export {
  MAX_ALIAS_EXPANDED_NODES,
  MAX_DEPTH,
  MAX_DIAGNOSTICS,
  MAX_FILE_CHARS,
  MAX_TOTAL_CHARS,
} from "./manifests/limits.ts";
export { loadManifests } from "./manifests/load.ts";
export { parseManifests } from "./manifests/parse.ts";
export { positionOf } from "./manifests/positions.ts";
export type {
  Diagnostic,
  KubeObject,
  Result,
  SourcedObject,
  SourceFile,
  SourcePosition,
} from "./manifests/types.ts";
export {
  type DiagnosticMessage,
  type EngineCode,
  type EngineMessage,
  type EventMessage,
  engineTexts,
  formatText,
  type HopMessage,
  type MessageParams,
  type NestedMessage,
  placeholders,
  renderMessage,
} from "./messages/index.ts";
export { createDataPlane, type DataPlane, type DataPlaneOptions } from "./network/dataplane.ts";
export { type DnsAnswer, type DnsResponse, QUERY_TYPES, type RecordType } from "./network/dns.ts";
export { ENVOY_GATEWAY_CONTROLLER } from "./network/gateway/controller.ts";
export type { RouteMatch } from "./network/gateway/match.ts";
export {
  type BackendRefView,
  type GatewayView,
  type HTTPRouteView,
  isGatewayKind,
  type ListenerView,
  readGateway,
  readHTTPRoute,
} from "./network/gateway/spec.ts";
export { hostMatches } from "./network/ingress/host.ts";
export { bestPath, type Matching, matchLength } from "./network/ingress/path.ts";
export {
  buildIngressPlane,
  type GceLoadBalancer,
  type IngressPlane,
  type PublishedHost,
  publishedHost,
  type ServedIngress,
} from "./network/ingress/plane.ts";
export { backendText, type IngressBackend, type IngressView, readIngress } from "./network/ingress/spec.ts";
export { NGINX_FAKE_CERTIFICATE } from "./network/ingress/tls.ts";
export {
  type IptablesRule,
  type IptablesTable,
  iptablesRules,
  renderIptablesSave,
} from "./network/iptables.ts";
export { type IpSet, type IpvsRules, ipvsRules, type VirtualServer } from "./network/ipvs.ts";
export {
  type NftChain,
  type NftSet,
  type NftTable,
  nftablesRules,
  renderNftables,
} from "./network/nftables.ts";
export { proxyRules, type RulesSection, renderProxyRules } from "./network/rules.ts";
export { type RequestSource, resolveSource } from "./network/source.ts";
export { parseTarget, type Target } from "./network/target.ts";
export { createTrafficState, REQUEST_INTERVAL_SECONDS, type TrafficState } from "./network/traffic-state.ts";
export { createRandom, type Random } from "./random.ts";
export {
  type ClientRef,
  type ClusterRefKind,
  clientRef,
  clusterRef,
  daemonSetRef,
  deploymentRef,
  type ExternalRef,
  endpointSliceRef,
  endpointsRef,
  externalRef,
  gatewayClassRef,
  gatewayRef,
  grpcRouteRef,
  httpRouteRef,
  type IngressRef,
  ingressLbRef,
  ingressRef,
  isClientRef,
  isExternalRef,
  isLoadBalancerRef,
  isNodeRef,
  isPodRef,
  isServiceRef,
  type LoadBalancerRef,
  lbRef,
  lbRefOf,
  lbTarget,
  type NamespacedRefKind,
  type NodeRef,
  namespacedRef,
  nodeName,
  nodeRef,
  type ParsedRef,
  type PodRef,
  parseRef,
  podRef,
  type RefKind,
  refKind,
  refLabel,
  refName,
  replicaSetRef,
  type ServiceRef,
  statefulSetRef,
  svcRef,
  tlsRouteRef,
  toNodeRef,
} from "./refs.ts";
export {
  createSession,
  type EngineSession,
  SCENARIO_FILE,
  type SentTrace,
  type SessionBuild,
} from "./session.ts";
export { formatDuration, parseDuration } from "./sim/duration.ts";
export type { SimEvent } from "./sim/events.ts";
export { type BackendHealth, KUBE_PROXY_HEALTH_PORT, type LoadBalancerHealth } from "./sim/healthChecks.ts";
export { emptyScenarioSpec, renderScenario, type ScenarioSpec } from "./sim/render.ts";
export {
  checkScenario,
  parseScenario,
  SCENARIO_API_VERSION,
  SCENARIO_KIND,
  type Scenario,
  type ScenarioAction,
  type ScenarioEvent,
  type TrafficStream,
} from "./sim/scenario.ts";
export {
  SETTING_FIELDS,
  type SettingField,
  type SettingPath,
  settingValue,
  withSetting,
} from "./sim/settingFields.ts";
export {
  AWS_NLB_HEALTH_CHECK,
  defaultSimulationSettings,
  type HealthCheckSettings,
  resolveSimulationSettings,
  type SimulationSettings,
} from "./sim/settings.ts";
export {
  type Bucket,
  clusterAt,
  type SimPacket,
  type SimulateOptions,
  type Simulation,
  type SimulationState,
  simulate,
} from "./sim/simulate.ts";
export { GFE_PROXY_IP } from "./trace/ingress.ts";
export { lookupName, type NameLookup, type NameLookupResult } from "./trace/lookup.ts";
export { HOP_SECONDS, lostAtFailure, placeOf, traceDuration, WIRE_SECONDS } from "./trace/timing.ts";
export { dnsLookup, type ParsedRequest, parseRequest, type Resolution, trace } from "./trace/trace.ts";
export { type TrafficSummary, traffic } from "./trace/traffic.ts";
export {
  type Backend,
  backendKey,
  type Hop,
  type HopKind,
  type Outcome,
  type PacketHeader,
  type Trace,
  type TraceOptions,
  type TraceRequest,
} from "./trace/types.ts";
