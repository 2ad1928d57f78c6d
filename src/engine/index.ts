// The engine's public API: the only module that the code of src/app, src/cli, src/lessons and
// src/kubectl imports from src/engine (their tests, the benches and the kernel test may reach the part
// they test). Four things, and nothing a caller outside the engine does not use: the session that
// builds, sends, simulates and answers; refs, the names of objects; the loaders that read what a
// learner writes; and the contract, the shapes the engine returns with the few functions that read them.

// The session: one engine as the worker, the lesson replayer and the CLI keep using it.

export { REQUEST_INTERVAL_SECONDS } from "./network/traffic-state.ts";
export { createSession, type EngineSession, SCENARIO_FILE, type SentTrace } from "./session.ts";

// Refs: `node/NAME`, `pod/NS/NAME`, `svc/NS/NAME`, ... built and read only here (DESIGN.md).

export { envoyDeploymentRef } from "./cluster/gateways.ts";
export { INGRESS_NGINX_DEPLOYMENT_REF } from "./cluster/ingressNginx.ts";
export { objectRef } from "./manifests/kinds.ts";
export {
  clientRef,
  clusterRef,
  deploymentRef,
  externalRef,
  gatewayClassRef,
  gatewayRef,
  isClientRef,
  isExternalRef,
  isNodeRef,
  isPodRef,
  isServiceRef,
  lbRef,
  lbTarget,
  namespacedRef,
  nodeName,
  nodeRef,
  parseRef,
  refKind,
  refLabel,
  refName,
  statefulSetRef,
  svcRef,
  toNodeRef,
} from "./refs.ts";

// Loaders: manifests, Scenarios, requests, targets and settings as a learner writes them, to typed
// values or diagnostics with positions.

export {
  isKubeProxyConfigMap,
  KUBE_PROXY_CONFIG_API_VERSION,
  KUBE_PROXY_CONFIGMAP,
  KUBE_PROXY_MODES,
} from "./cluster/kubeProxyConfig.ts";
export { isLoadBalancerProvider, LOAD_BALANCER_PROVIDER_NAMES } from "./cluster/loadBalancerProviders.ts";
export { SYSTEM_FILE } from "./cluster/system.ts";
export { MAX_FILE_CHARS } from "./manifests/limits.ts";
export { loadManifests } from "./manifests/load.ts";
export { positionOf } from "./manifests/positions.ts";
export { QUERY_TYPES, type RecordType } from "./network/dns.ts";
export type { GRPCMatch } from "./network/gateway/grpc.ts";
export type { RouteMatch } from "./network/gateway/match.ts";
export { isGatewayKind, type RouteView, readGateway, readRoute } from "./network/gateway/spec.ts";
export { parseTarget, readTarget } from "./network/target.ts";
export { renderScenario } from "./sim/render.ts";
export type { ScenarioAction } from "./sim/scenario.ts";
export {
  nodeHealthCheck,
  type SettingPath,
  settingFieldsFor,
  settingValue,
  withSetting,
} from "./sim/settingFields.ts";
export { emptyScenarioSpec, type ScenarioSpec } from "./sim/spec.ts";
export { type ParsedRequest, parseRequest } from "./trace/trace.ts";

// The contract: what the engine returns (a built cluster, traces, simulations, structured messages).

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
} from "./cluster/types.ts";
export type { Diagnostic, KubeObject, SourcedObject, SourceFile, SourcePosition } from "./manifests/types.ts";
export type { diagnosticTexts } from "./messages/diagnostics.ts";
export type { eventTexts } from "./messages/events.ts";
export type { hopTexts } from "./messages/hops.ts";
export {
  type EngineCode,
  type EngineMessage,
  formatText,
  type MessageParams,
  type NestedMessage,
  renderMessage,
  renderText,
} from "./messages/index.ts";
export type { DataPlane } from "./network/dataplane.ts";
export { type IngressSummary, summarizeIngresses } from "./network/ingress/summary.ts";
export { loadBalancerPools, type PoolMember } from "./network/loadBalancerPools.ts";
export type { SimEvent } from "./sim/events.ts";
export type { LoadBalancerHealth } from "./sim/healthChecks.ts";
export type { Bucket, SimPacket, Simulation } from "./sim/simulate.ts";
export type { NameLookup } from "./trace/lookup.ts";
export type { Hop, HopKind, Outcome, PacketHeader, Trace, TraceRequest } from "./trace/types.ts";

// The contract's readers: membership as the EndpointSlices and selectors say it, kube-proxy's rules
// as each mode prints them, a packet's timing, and the defaults and limits the engine follows.

export { ZONE_LABEL } from "./cluster/controllers/endpointSlices.ts";
export { endpointTargets } from "./cluster/endpointTargets.ts";
export { IPVS_DEPRECATION } from "./cluster/kubeProxyConfig.ts";
export { type LabelSelectorRequirement, matchesLabels, matchesSelector } from "./cluster/labels.ts";
export { SIMULATOR_LIMITS } from "./cluster/limits.ts";
export {
  selectorSelects,
  senderNode,
  serviceEndpoints,
  servicePods,
  serviceSelects,
} from "./cluster/membership.ts";
export { KUBERNETES_VERSION } from "./cluster/settings.ts";
export { renderIptablesSave } from "./network/iptables.ts";
export { renderIpvsadm } from "./network/ipvs.ts";
export { type NodeRules, nodeRules, renderProxyRules, serviceRules } from "./network/rules.ts";
export { formatDuration } from "./sim/duration.ts";
export { AWS_NLB_HEALTH_CHECK, defaultSimulationSettings, type HealthCheckSettings } from "./sim/settings.ts";
export { HOP_SECONDS, placeOf } from "./trace/timing.ts";
