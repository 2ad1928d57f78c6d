import fc from "fast-check";
import { dump, load } from "js-yaml/browser";

/** Tests only: valid manifests of every simulated kind, one object per entry, and ways to mutate them at random. */
export const SEEDS = `
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

export function mutate(seed: Record<string, unknown>, mutation: Mutation): string {
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
    // Numbers past the simulator's limits and the API's int32: replicas and ports bombs.
    fc.constantFrom(2147483647, 1000000, 65536, 1e21),
    fc.double(),
    fc.string(),
    fc.constantFrom("None", "ClusterIP", "NodePort", "0.0.0.0", "::1", "a.b/c", "-", "*.x.y", "80", "http"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

/** `text` after `mutations`, each applied to the YAML the previous one left (skipped when that no longer parses to a map). */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    let parsed: unknown;
    try {
      parsed = load(out);
    } catch {
      parsed = null;
    }
    out =
      parsed && typeof parsed === "object" && !Array.isArray(parsed)
        ? mutate(parsed as Record<string, unknown>, m)
        : out;
  }
  return out;
}

/** Every seed, one YAML document each (so Services have pods and Ingresses backends), a few of them mutated. */
export const mutatedSet: fc.Arbitrary<string[]> = fc
  .array(fc.tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 })), {
    minLength: 1,
    maxLength: 2,
  })
  .map((changes) => {
    const docs = SEEDS.map((seed) => dump(seed));
    for (const [which, mutations] of changes) docs[which] = applyMutations(docs[which] ?? "", mutations);
    return docs;
  });
