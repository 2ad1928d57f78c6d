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
