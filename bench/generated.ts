// Generated clusters of a given size, for the browser benchmark (bench/ui.bench.ts) and the large-cluster
// browser tests (e2e/scale.spec.ts): the same text for the same size, so figures compare across commits.

export interface ClusterSize {
  nodes: number;
  pods: number;
  services: number;
}

export const MEDIUM: ClusterSize = { nodes: 20, pods: 300, services: 60 };
export const LARGE: ClusterSize = { nodes: 50, pods: 1000, services: 200 };

/**
 * `nodes` worker Nodes and `services` Deployments, each with a Service selecting its pods; the pods are
 * shared out evenly among the Deployments. The first Service is a LoadBalancer, so the external client
 * can reach it; the rest are ClusterIP.
 */
export function generatedCluster({ nodes, pods, services }: ClusterSize): string {
  const docs: string[] = [];
  for (let n = 1; n <= nodes; n++) {
    docs.push(`apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-${String(n).padStart(2, "0")}\n`);
  }
  for (let s = 0; s < services; s++) {
    const name = `app-${String(s).padStart(3, "0")}`;
    const replicas = Math.floor(pods / services) + (s < pods % services ? 1 : 0);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: ${s % 2 ? "backend" : "frontend"}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${s === 0 ? "LoadBalancer" : "ClusterIP"}
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: http}]
`);
  }
  return docs.join("---\n");
}

/** The most Services the simulator holds (its own limit, src/engine): the size issue 16 found freezing the page. */
export const MANY_SERVICES = { services: 5000, namespaces: 10 } as const;

/**
 * `services` ClusterIP Services shared out evenly among `namespaces` declared Namespaces (`team-00`, ...),
 * each selecting pods that do not exist: a cluster whose drawing is almost all Services.
 */
export function manyServices({ services, namespaces }: { services: number; namespaces: number }): string {
  const names = Array.from({ length: namespaces }, (_, n) => `team-${String(n).padStart(2, "0")}`);
  const docs = names.map((name) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
  for (let s = 0; s < services; s++) {
    const name = `api-${String(s).padStart(4, "0")}`;
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${names[s % namespaces]}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
`);
  }
  return docs.join("---\n");
}

const at = "2026-11-30T10:12:31Z";
const hex = (n: number, length: number) =>
  (n * 2654435761).toString(16).padStart(8, "0").repeat(8).slice(0, length);
/** A name suffix as Kubernetes makes them (a consonant-and-digit alphabet), starting with a letter so YAML reads a string. */
const suffix = (n: number, length: number) => {
  const letters = "bcdfghjklmnpqrstvwxz2456789";
  let out = "";
  for (let i = 0, v = n * 2654435761 + 12345; i < length; i++, v = Math.floor(v / 7) + i * 131)
    out += letters[(i === 0 ? v % 20 : v % letters.length) as number];
  return out;
};
const uid = (n: number) =>
  `${hex(n, 8)}-${hex(n + 1, 4)}-${hex(n + 2, 4)}-${hex(n + 3, 4)}-${hex(n + 4, 12)}`;
const indent = (text: string, by: number) =>
  text
    .split("\n")
    .map((line) => (line ? " ".repeat(by) + line : line))
    .join("\n");

function dumpedNode(n: number): string {
  const name = `worker-${String(n).padStart(2, "0")}`;
  const ip = `192.168.${Math.floor(n / 250)}.${(n % 250) + 2}`;
  const conditions = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]
    .map(
      (type) => `- lastHeartbeatTime: "${at}"
  lastTransitionTime: "${at}"
  message: ${type === "Ready" ? "kubelet is posting ready status" : `kubelet has no ${type.toLowerCase()}`}
  reason: ${type === "Ready" ? "KubeletReady" : `KubeletHasNo${type}`}
  status: "${type === "Ready" ? "True" : "False"}"
  type: ${type}`,
    )
    .join("\n");
  return `apiVersion: v1
kind: Node
metadata:
  annotations:
    kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
    node.alpha.kubernetes.io/ttl: "0"
    volumes.kubernetes.io/controller-managed-attach-detach: "true"
  creationTimestamp: "${at}"
  labels:
    beta.kubernetes.io/arch: amd64
    beta.kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: ${name}
    kubernetes.io/os: linux
    topology.kubernetes.io/zone: zone-${"abc"[n % 3]}
  name: ${name}
  resourceVersion: "${1000 + n}"
  uid: ${uid(n)}
spec:
  podCIDR: 10.244.${n}.0/24
  podCIDRs:
  - 10.244.${n}.0/24
status:
  addresses:
  - address: ${ip}
    type: InternalIP
  - address: ${name}
    type: Hostname
  allocatable:
    cpu: "8"
    ephemeral-storage: "95491281146"
    memory: 32671196Ki
    pods: "110"
  capacity:
    cpu: "8"
    ephemeral-storage: 103617448Ki
    memory: 32773596Ki
    pods: "110"
  conditions:
${indent(conditions, 2)}
  daemonEndpoints:
    kubeletEndpoint:
      Port: 10250
  images:
  - names:
    - docker.io/library/nginx@sha256:${hex(n, 64)}
    - docker.io/library/nginx:1.27
    sizeBytes: 72955450
  nodeInfo:
    architecture: amd64
    bootID: ${uid(n + 7)}
    containerRuntimeVersion: containerd://2.0.4
    kernelVersion: 6.8.0-1021-gcp
    kubeProxyVersion: v1.36.0
    kubeletVersion: v1.36.0
    machineID: ${hex(n, 32)}
    operatingSystem: linux
    osImage: Ubuntu 24.04.1 LTS
    systemUUID: ${uid(n + 9)}
`;
}

function dumpedPod(app: string, p: number, node: number, podIP: string): string {
  const hash = suffix(Number(app.slice(-3)), 10);
  const name = `${app}-${hash}-${suffix(p, 5)}`;
  const nodeName = `worker-${String(node).padStart(2, "0")}`;
  const conditions = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
    .map((type) => `- lastProbeTime: null\n  lastTransitionTime: "${at}"\n  status: "True"\n  type: ${type}`)
    .join("\n");
  return `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "${at}"
  generateName: ${app}-${hash}-
  labels:
    app: ${app}
    pod-template-hash: ${hash}
  name: ${name}
  namespace: default
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: ReplicaSet
    name: ${app}-${hash}
    uid: ${uid(p + 11)}
  resourceVersion: "${20000 + p}"
  uid: ${uid(p)}
spec:
  containers:
  - image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: web
    ports:
    - containerPort: 8080
      name: http
      protocol: TCP
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-${suffix(p, 5)}
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  nodeName: ${nodeName}
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: kube-api-access-${suffix(p, 5)}
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
  conditions:
${indent(conditions, 2)}
  containerStatuses:
  - containerID: containerd://${hex(p, 64)}
    image: docker.io/library/nginx:1.27
    imageID: docker.io/library/nginx@sha256:${hex(p + 1, 64)}
    lastState: {}
    name: web
    ready: true
    restartCount: 0
    started: true
    state:
      running:
        startedAt: "${at}"
  hostIP: 192.168.${Math.floor(node / 250)}.${(node % 250) + 2}
  hostIPs:
  - ip: 192.168.${Math.floor(node / 250)}.${(node % 250) + 2}
  phase: Running
  podIP: ${podIP}
  podIPs:
  - ip: ${podIP}
  qosClass: BestEffort
  startTime: "${at}"
`;
}

/**
 * What `kubectl get nodes,pods,svc,endpointslices -A -o yaml` prints for a cluster of this size (kubectl
 * 1.36: one List, no managedFields): every field a real API server fills in, which makes a pod about
 * 4 KB of YAML where `generatedCluster`'s Deployments are a few hundred bytes per pod.
 */
export function kubectlDump({ nodes, pods, services }: ClusterSize): string {
  const items: string[] = [];
  for (let n = 1; n <= nodes; n++) items.push(dumpedNode(n));
  const podsOf: { name: string; ip: string; node: number }[][] = [];
  let p = 0;
  for (let s = 0; s < services; s++) {
    const app = `app-${String(s).padStart(3, "0")}`;
    const replicas = Math.floor(pods / services) + (s < pods % services ? 1 : 0);
    podsOf[s] = [];
    for (let r = 0; r < replicas; r++, p++) {
      const node = (p % nodes) + 1;
      const onNode = Math.floor(p / nodes);
      // Scattered, as a live cluster's are after pods came and went: never the simulator's own .2, .3, ...
      const ip = `10.244.${node}.${onNode * 7 + 11}`;
      const text = dumpedPod(app, p, node, ip);
      items.push(text);
      podsOf[s]?.push({ name: /\n {2}name: (\S+)/.exec(text)?.[1] ?? "", ip, node });
    }
  }
  for (let s = 0; s < services; s++) {
    const app = `app-${String(s).padStart(3, "0")}`;
    const clusterIP = `10.96.${Math.floor((s + 10) / 250)}.${((s + 10) % 250) + 1}`;
    items.push(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "${at}"
  name: ${app}
  namespace: default
  resourceVersion: "${40000 + s}"
  uid: ${uid(s + 50000)}
spec:
  clusterIP: ${clusterIP}
  clusterIPs:
  - ${clusterIP}
${s === 0 ? "  allocateLoadBalancerNodePorts: true\n  externalTrafficPolicy: Cluster\n" : ""}  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - ${s === 0 ? "nodePort: 30080\n    " : ""}port: 80
    protocol: TCP
    targetPort: http
  selector:
    app: ${app}
  sessionAffinity: None
  type: ${s === 0 ? "LoadBalancer" : "ClusterIP"}
status:
  loadBalancer: ${s === 0 ? "\n    ingress:\n    - ip: 203.0.113.80\n      ipMode: VIP" : "{}"}
`);
    const endpoints = (podsOf[s] ?? [])
      .map(
        (pod) => `- addresses:
  - ${pod.ip}
  conditions:
    ready: true
    serving: true
    terminating: false
  nodeName: worker-${String(pod.node).padStart(2, "0")}
  targetRef:
    kind: Pod
    name: ${pod.name}
    namespace: default
    uid: ${uid(s)}`,
      )
      .join("\n");
    items.push(`addressType: IPv4
apiVersion: discovery.k8s.io/v1
endpoints:
${endpoints}
kind: EndpointSlice
metadata:
  creationTimestamp: "${at}"
  generateName: ${app}-
  labels:
    endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
    kubernetes.io/service-name: ${app}
  name: ${app}-${suffix(s, 5)}
  namespace: default
  ownerReferences:
  - apiVersion: v1
    blockOwnerDeletion: true
    controller: true
    kind: Service
    name: ${app}
    uid: ${uid(s + 50000)}
  resourceVersion: "${60000 + s}"
  uid: ${uid(s + 60000)}
ports:
- name: ""
  port: 8080
  protocol: TCP
`);
  }
  const listed = items.map((item) => {
    const [first, ...rest] = item.trimEnd().split("\n");
    return [`- ${first}`, ...rest.map((line) => `  ${line}`)].join("\n");
  });
  return `apiVersion: v1\nitems:\n${listed.join("\n")}\nkind: List\nmetadata:\n  resourceVersion: ""\n`;
}
