import type { KubeObject, SourcedObject } from "../manifests/types.ts";
import { reservedServiceIPs } from "./clusterIPs.ts";
import { SERVICE_NAME_LABEL } from "./controllers/endpointSlices.ts";
import type { ClusterSettings, NodeState } from "./types.ts";

/** The "file" system objects come from: they are not in any manifest, kubeadm creates them. */
export const SYSTEM_FILE = "(created by kubeadm)";

/** The port kube-apiserver listens on in a kubeadm cluster (--secure-port). */
const API_SERVER_PORT = 6443;

function system(object: KubeObject): SourcedObject {
  return { object, file: SYSTEM_FILE, documentIndex: 0, positions: new Map() };
}

/**
 * Where the `kubernetes` Service leads: the API server runs on the control-plane node, so its
 * InternalIP when a node carries the control-plane role label; with none (the default three
 * workers) the simulator stands the API server on the first node's address.
 */
export function apiServerIP(nodes: readonly NodeState[]): string {
  const controlPlane = nodes.find((n) => "node-role.kubernetes.io/control-plane" in n.labels);
  return (controlPlane ?? nodes[0])?.internalIP ?? "";
}

function kubernetesService(ip: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: ip,
      ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: API_SERVER_PORT }],
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
    },
  };
}

/** controlplane/reconcilers endpointsadapter endpointSliceFromEndpoints: only the service-name label, only ready. */
function kubernetesSlice(address: string): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "kubernetes", namespace: "default", labels: { [SERVICE_NAME_LABEL]: "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [address], conditions: { ready: true } }],
    ports: [{ name: "https", port: API_SERVER_PORT, protocol: "TCP" }],
  };
}

const DNS_LABELS = { "k8s-app": "kube-dns" };

/** kubeadm's cmd/kubeadm/app/phases/addons/dns manifests: the kube-dns Service... */
function kubeDNSService(ip: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: { ...DNS_LABELS, "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: ip,
      selector: DNS_LABELS,
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
    },
  };
}

/** ...and the CoreDNS Deployment behind it. */
function coreDNSDeployment(): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels: DNS_LABELS },
    spec: {
      replicas: 2,
      selector: { matchLabels: DNS_LABELS },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: DNS_LABELS },
        spec: {
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          tolerations: [
            { key: "CriticalAddonsOnly", operator: "Exists" },
            { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
          ],
          nodeSelector: { "kubernetes.io/os": "linux" },
          containers: [
            {
              name: "coredns",
              image: "registry.k8s.io/coredns/coredns:v1.11.3",
              args: ["-conf", "/etc/coredns/Corefile"],
              ports: [
                { name: "dns", containerPort: 53, protocol: "UDP" },
                { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
                { name: "metrics", containerPort: 9153, protocol: "TCP" },
              ],
            },
          ],
          dnsPolicy: "Default",
          restartPolicy: "Always",
        },
      },
    },
  };
}

function key(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? "default"}/${object.metadata.name}`;
}

/**
 * The objects every kubeadm cluster has before the learner applies anything (DESIGN.md): the
 * `kubernetes` Service and its EndpointSlice, the kube-dns Service and the CoreDNS Deployment.
 * An object the manifests define themselves (same kind, namespace and name) wins over the default.
 */
export function systemObjects(
  user: readonly SourcedObject[],
  nodes: readonly NodeState[],
  settings: ClusterSettings,
): SourcedObject[] {
  const ips = reservedServiceIPs(settings.serviceCIDR);
  const defined = new Set(user.map((o) => key(o.object)));
  return [
    kubernetesService(ips.kubernetes),
    kubernetesSlice(apiServerIP(nodes)),
    kubeDNSService(ips.kubeDNS),
    coreDNSDeployment(),
  ]
    .filter((o) => !defined.has(key(o)))
    .map(system);
}
