// Parsing, defaulting and validating a generated ~1 MB manifest file (issue 3: target under 100 ms).
import { loadManifests } from "../src/engine/index.ts";
import { median, type Report, timed } from "./stats.ts";

const TARGET_CHARS = 1024 * 1024;
const RUNS = 7;

/** Deployments with their Services and an Ingress now and then, numbered so every run builds the same text. */
export function generateManifests(targetChars = TARGET_CHARS): string {
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < targetChars; i++) {
    const name = `app-${i}`;
    const group = [
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}, tier: backend}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: backend}
    spec:
      containers:
      - name: web
        image: "registry.example.com/${name}:1.${i % 10}"
        ports:
        - {name: http, containerPort: 8080}
        - {name: metrics, containerPort: 9090}
`,
      `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${i % 3 === 0 ? "NodePort" : "ClusterIP"}
  selector: {app: ${name}}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: metrics, port: 9090, targetPort: metrics}
`,
    ];
    if (i % 10 === 0) {
      group.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: ${name}, port: {name: http}}}}
`);
    }
    for (const doc of group) {
      docs.push(doc);
      size += doc.length + 4;
    }
  }
  return docs.join("---\n");
}

export async function run(report: Report): Promise<void> {
  const text = generateManifests();
  const files = [{ name: "generated.yaml", text }];
  const first = loadManifests(files);
  if (!first.ok) throw new Error(`generated manifests are invalid: ${first.diagnostics[0]?.message}`);
  const times: { wall: number; cpu: number }[] = [];
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    let ok = false;
    times.push(timed(() => (ok = loadManifests(files).ok)));
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    if (!ok) throw new Error("generated manifests became invalid");
  }
  console.log(`# ${(text.length / 1024).toFixed(0)} KiB, ${first.value.length} objects, ${RUNS} runs`);
  report("manifests.parse_validate_1mb.ms", median(times.map((t) => t.wall)), "ms");
  report("manifests.parse_validate_1mb.cpu_ms", median(times.map((t) => t.cpu)), "ms");
  report("manifests.parse_validate_1mb.heap_mb", heap / (1024 * 1024), "MB");
  for (const [name, hostile] of Object.entries(hostileInputs())) {
    const started = performance.now();
    const result = loadManifests([{ name: `${name}.yaml`, text: hostile }]);
    report(`manifests.reject_${name}.ms`, performance.now() - started, "ms");
    if (result.ok) throw new Error(`hostile input ${name} was accepted`);
  }
}

/** Inputs a learner may paste by mistake or on purpose: each must be refused with a message, fast. */
function hostileInputs(): Record<string, string> {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const anchor = String.fromCharCode(97 + i);
    bomb.push(
      `${anchor}: &${anchor} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(",")}]`,
    );
  }
  return {
    alias_bomb: bomb.join("\n"),
    file_10mb: `a: "${"x".repeat(10 * 1024 * 1024)}"\n`,
    nested_10000: `${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
  };
}
