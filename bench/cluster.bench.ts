import { buildCluster } from "../src/engine/cluster/build.ts";
import type { KubeObject, SourcedObject } from "../src/engine/index.ts";
import { median, type Report, timed } from "./stats.ts";

const NODES = 50;
const SERVICES = 1000;
const PODS_PER_SERVICE = 10;

/** 50 nodes, 1,000 Deployments of 10 replicas each with one Service apiece: the same input every run. */
export function generateCluster(): SourcedObject[] {
  const objects: KubeObject[] = [];
  for (let n = 1; n <= NODES; n++) {
    objects.push({ apiVersion: "v1", kind: "Node", metadata: { name: `node-${n}` } });
  }
  for (let s = 0; s < SERVICES; s++) {
    const labels = { app: `app-${s}`, tier: s % 2 ? "backend" : "frontend" };
    objects.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: `app-${s}`, namespace: "default" },
      spec: {
        replicas: PODS_PER_SERVICE,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: "app",
                image: "nginx",
                ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
              },
            ],
          },
        },
      },
    });
    objects.push({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: `app-${s}`, namespace: "default" },
      spec: {
        type: s % 10 === 0 ? "NodePort" : "ClusterIP",
        selector: labels,
        ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
      },
    });
  }
  return objects.map((object, documentIndex) => ({
    object,
    file: "bench.yaml",
    documentIndex,
    positions: new Map(),
  }));
}

export async function run(report: Report): Promise<void> {
  const objects = generateCluster();
  buildCluster(objects);
  const times: { wall: number; cpu: number }[] = [];
  let heapMB = 0;
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let pods = 0;
    times.push(timed(() => (pods = buildCluster(objects).pods.length)));
    heapMB = Math.max(heapMB, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
    if (pods !== SERVICES * PODS_PER_SERVICE + 2)
      throw new Error("benchmark cluster is not what it should be");
  }
  const ms = (key: "wall" | "cpu") => Math.round(median(times.map((t) => t[key])) * 10) / 10;
  report("cluster.build_50n_1000svc_10000pods.ms", ms("wall"), "ms");
  report("cluster.build_50n_1000svc_10000pods.cpu_ms", ms("cpu"), "ms");
  report("cluster.build_50n_1000svc_10000pods.heap_mb", Math.round(heapMB * 10) / 10, "MB");
}
