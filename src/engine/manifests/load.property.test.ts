import fc from "fast-check";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadManifests } from "./load.ts";
import type { Diagnostic } from "./types.ts";

// Valid manifests of every simulated kind, mutated at random: whatever comes out, loadManifests
// returns objects or diagnostics placed inside the text, and never throws.
const SEEDS = `
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}, {name: https, port: 443}]
  sessionAffinity: ClientIP
  externalTrafficPolicy: Local
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-1, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
endpoints: [{addresses: [192.0.2.10], conditions: {ready: true}}]
ports: [{name: pg, port: 5432}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: db}
subsets: [{addresses: [{ip: 192.0.2.10}], ports: [{port: 5432}]}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: postgres}]}}
---
apiVersion: v1
kind: Node
metadata: {name: node-1}
spec: {podCIDR: 10.244.1.0/24, taints: [{key: a, effect: NoSchedule}]}
`
  .split("---\n")
  .map((text) => load(text) as Record<string, unknown>);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a value, as key lists. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (value && typeof value === "object") {
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : Object.entries(value);
    for (const [k, v] of entries) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

type Mutation =
  | { kind: "drop" | "replace"; pick: number; value: Json }
  | { kind: "garbage"; pick: number; text: string };

function mutate(seed: Record<string, unknown>, mutation: Mutation): string {
  const copy = JSON.parse(JSON.stringify(seed)) as Record<string, unknown>;
  if (mutation.kind === "garbage") {
    const text = dump(copy);
    const at = mutation.pick % (text.length + 1);
    return text.slice(0, at) + mutation.text + text.slice(at);
  }
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[mutation.pick % all.length] ?? [];
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  const holder = parent as Record<string | number, unknown>;
  if (mutation.kind === "drop") {
    if (Array.isArray(holder)) holder.splice(Number(last), 1);
    else delete holder[last];
  } else {
    holder[last] = mutation.value;
  }
  return dump(copy);
}

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -100000, max: 100000 }),
    fc.double(),
    fc.string(),
    fc.constantFrom("None", "ClusterIP", "NodePort", "0.0.0.0", "::1", "a.b/c", "-", "*.x.y", "80", "http"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), pick: fc.nat(), value: fc.constant(null) }),
  fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: json }),
  fc.record({
    kind: fc.constant("garbage" as const),
    pick: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom("\n  - ", ": ", "&a ", "*a", "{", "]", "\t", "---\n", "? ", "!!binary ", "\u0000"),
    ),
  }),
);

function placedInside(d: Diagnostic, text: string): boolean {
  const lines = text.split("\n");
  const line = lines[d.line - 1];
  return (
    d.file === "m.yaml" &&
    d.line >= 1 &&
    d.line <= lines.length &&
    line !== undefined &&
    d.column >= 1 &&
    d.column <= line.length + 1
  );
}

describe("loadManifests under mutation", () => {
  it("returns objects or positioned diagnostics, and never throws", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, mutations) => {
          let text = dump(SEEDS[which]);
          for (const m of mutations) {
            let parsed: unknown;
            try {
              parsed = load(text);
            } catch {
              parsed = null;
            }
            text =
              parsed && typeof parsed === "object" && !Array.isArray(parsed)
                ? mutate(parsed as Record<string, unknown>, m)
                : text;
          }
          const result = loadManifests([{ name: "m.yaml", text }]);
          if (result.ok) expect(Array.isArray(result.value)).toBe(true);
          else expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          for (const d of result.diagnostics) {
            if (!placedInside(d, text)) throw new Error(`misplaced ${JSON.stringify(d)} in\n${text}`);
          }
        },
      ),
      { numRuns: 300, seed: 20260501 },
    );
  }, 60_000);
});
