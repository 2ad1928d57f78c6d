import { labelSelector, objectMeta, objectReference, resource, withSpec } from "./meta.ts";
import { ANY, type FieldsSchema, listOf } from "./types.ts";

// Field lists from k8s.io/api/core/v1/types.go (Kubernetes 1.35). Subtrees the simulator never
// reads (volumes, affinity, security contexts, lifecycle hooks) are ANY: not checked, never flagged.

const nameValue = { name: ANY, value: ANY };

// types.go HTTPGetAction, TCPSocketAction, GRPCAction, ExecAction under ProbeHandler.
const probe: FieldsSchema = {
  exec: { command: ANY },
  httpGet: { path: ANY, port: ANY, host: ANY, scheme: ANY, httpHeaders: listOf(nameValue) },
  tcpSocket: { port: ANY, host: ANY },
  grpc: { port: ANY, service: ANY },
  initialDelaySeconds: ANY,
  timeoutSeconds: ANY,
  periodSeconds: ANY,
  successThreshold: ANY,
  failureThreshold: ANY,
  terminationGracePeriodSeconds: ANY,
};

// types.go ContainerPort.
const containerPort: FieldsSchema = {
  name: ANY,
  hostPort: ANY,
  containerPort: ANY,
  protocol: ANY,
  hostIP: ANY,
};

// types.go Container (restartPolicyRules: 1.34).
const container: FieldsSchema = {
  name: ANY,
  image: ANY,
  command: ANY,
  args: ANY,
  workingDir: ANY,
  ports: listOf(containerPort),
  envFrom: listOf({ prefix: ANY, configMapRef: ANY, secretRef: ANY }),
  env: listOf({ name: ANY, value: ANY, valueFrom: ANY }),
  resources: { limits: ANY, requests: ANY, claims: ANY },
  resizePolicy: ANY,
  restartPolicy: ANY,
  restartPolicyRules: ANY,
  volumeMounts: listOf({
    name: ANY,
    readOnly: ANY,
    recursiveReadOnly: ANY,
    mountPath: ANY,
    subPath: ANY,
    mountPropagation: ANY,
    subPathExpr: ANY,
  }),
  volumeDevices: ANY,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: ANY,
  terminationMessagePath: ANY,
  terminationMessagePolicy: ANY,
  imagePullPolicy: ANY,
  securityContext: ANY,
  stdin: ANY,
  stdinOnce: ANY,
  tty: ANY,
};

// types.go PodSpec (resources: pod-level resources, 1.32; hostnameOverride: 1.34).
export const podSpec: FieldsSchema = {
  volumes: ANY,
  initContainers: listOf(container),
  containers: listOf(container),
  ephemeralContainers: ANY,
  restartPolicy: ANY,
  terminationGracePeriodSeconds: ANY,
  activeDeadlineSeconds: ANY,
  dnsPolicy: ANY,
  nodeSelector: ANY,
  serviceAccountName: ANY,
  serviceAccount: ANY,
  automountServiceAccountToken: ANY,
  nodeName: ANY,
  hostNetwork: ANY,
  hostPID: ANY,
  hostIPC: ANY,
  shareProcessNamespace: ANY,
  securityContext: ANY,
  imagePullSecrets: listOf({ name: ANY }),
  hostname: ANY,
  hostnameOverride: ANY,
  subdomain: ANY,
  affinity: ANY,
  schedulerName: ANY,
  tolerations: listOf({ key: ANY, operator: ANY, value: ANY, effect: ANY, tolerationSeconds: ANY }),
  hostAliases: listOf({ ip: ANY, hostnames: ANY }),
  priorityClassName: ANY,
  priority: ANY,
  dnsConfig: { nameservers: ANY, searches: ANY, options: listOf(nameValue) },
  readinessGates: listOf({ conditionType: ANY }),
  runtimeClassName: ANY,
  enableServiceLinks: ANY,
  preemptionPolicy: ANY,
  overhead: ANY,
  topologySpreadConstraints: listOf({
    maxSkew: ANY,
    topologyKey: ANY,
    whenUnsatisfiable: ANY,
    labelSelector,
    minDomains: ANY,
    nodeAffinityPolicy: ANY,
    nodeTaintsPolicy: ANY,
    matchLabelKeys: ANY,
  }),
  setHostnameAsFQDN: ANY,
  os: { name: ANY },
  hostUsers: ANY,
  schedulingGates: listOf({ name: ANY }),
  resourceClaims: ANY,
  resources: { limits: ANY, requests: ANY, claims: ANY },
};

// types.go PodTemplateSpec, as workloads embed it.
export const podTemplate: FieldsSchema = { metadata: objectMeta, spec: podSpec };

// types.go ServicePort.
const servicePort: FieldsSchema = {
  name: ANY,
  protocol: ANY,
  appProtocol: ANY,
  port: ANY,
  targetPort: ANY,
  nodePort: ANY,
};

// types.go ServiceSpec (trafficDistribution: 1.31).
const serviceSpec: FieldsSchema = {
  ports: listOf(servicePort),
  selector: ANY,
  clusterIP: ANY,
  clusterIPs: ANY,
  type: ANY,
  externalIPs: ANY,
  sessionAffinity: ANY,
  loadBalancerIP: ANY,
  loadBalancerSourceRanges: ANY,
  externalName: ANY,
  externalTrafficPolicy: ANY,
  healthCheckNodePort: ANY,
  publishNotReadyAddresses: ANY,
  sessionAffinityConfig: { clientIP: { timeoutSeconds: ANY } },
  ipFamilies: ANY,
  ipFamilyPolicy: ANY,
  allocateLoadBalancerNodePorts: ANY,
  loadBalancerClass: ANY,
  internalTrafficPolicy: ANY,
  trafficDistribution: ANY,
};

// types.go EndpointAddress and EndpointPort under EndpointSubset.
const endpointAddress: FieldsSchema = { ip: ANY, hostname: ANY, nodeName: ANY, targetRef: objectReference };
const endpointSubset: FieldsSchema = {
  addresses: listOf(endpointAddress),
  notReadyAddresses: listOf(endpointAddress),
  ports: listOf({ name: ANY, port: ANY, protocol: ANY, appProtocol: ANY }),
};

// types.go NodeSpec and Taint.
const nodeSpec: FieldsSchema = {
  podCIDR: ANY,
  podCIDRs: ANY,
  providerID: ANY,
  unschedulable: ANY,
  taints: listOf({ key: ANY, value: ANY, effect: ANY, timeAdded: ANY }),
  configSource: ANY,
  externalID: ANY,
};

/** The core (v1) kinds, by kind. */
export const coreSchemas: Record<string, FieldsSchema> = {
  Pod: withSpec(podSpec),
  Service: withSpec(serviceSpec),
  Endpoints: resource({ subsets: listOf(endpointSubset) }),
  Node: withSpec(nodeSpec),
  Namespace: withSpec({ finalizers: ANY }),
  // types.go ConfigMap and Secret: data at the top level, no spec.
  ConfigMap: resource({ data: ANY, binaryData: ANY, immutable: ANY }),
  Secret: resource({ data: ANY, stringData: ANY, type: ANY, immutable: ANY }),
};
