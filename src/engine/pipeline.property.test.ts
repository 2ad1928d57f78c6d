import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIMULATOR_LIMITS } from "./cluster/limits.ts";
import { loadManifests } from "./manifests/load.ts";
import { mutatedSet } from "./manifests/mutation.testutil.ts";
import { createSession } from "./session.ts";

/**
 * Work bounds per input, as counts rather than clock time (issue 16: "no input makes the engine stop
 * answering"): whatever the mutations did, the cluster stays within the simulator's limits, each trace
 * within a few dozen hops, each DNS answer and each node's rules within sizes those limits imply.
 */
const MAX_HOPS = 64;
const MAX_DNS_ANSWERS = SIMULATOR_LIMITS.endpoints;
const MAX_RULES_PER_NODE = 16 * (SIMULATOR_LIMITS.ports + SIMULATOR_LIMITS.endpoints);

describe("the whole pipeline under mutation (load, build, trace, dns, rules)", () => {
  it("answers every mutated manifest set within its work budget, and never throws", () => {
    let clusters = 0;
    fc.assert(
      fc.property(mutatedSet, fc.boolean(), (docs, failNode) => {
        const session = createSession();
        const options = { failedNodes: failNode ? ["node-1"] : [] };
        const whole = session.build([{ name: "m.yaml", text: docs.join("---\n") }], options);
        if (!whole.cluster) expect(whole.diagnostics.some((d) => d.severity === "error")).toBe(true);
        // The documents that are valid on their own go on through the later stages, mutated as they are.
        const valid = docs.filter((text) => loadManifests([{ name: "m.yaml", text }]).ok);
        const { cluster } = session.build([{ name: "m.yaml", text: valid.join("---\n") }], options);
        if (!cluster) return;
        clusters++;
        expect(cluster.pods.length).toBeLessThanOrEqual(SIMULATOR_LIMITS.pods + 10);
        expect(cluster.services.length).toBeLessThanOrEqual(SIMULATOR_LIMITS.services + 10);
        const endpoints = cluster.endpointSlices.reduce((n, s) => n + s.endpoints.length, 0);
        expect(endpoints).toBeLessThanOrEqual(SIMULATOR_LIMITS.endpoints + 10);

        const sources = [
          "external",
          ...cluster.nodes.slice(0, 2).map((n) => n.ref),
          ...cluster.pods.slice(0, 2).map((p) => p.ref),
        ];
        const targets = cluster.services
          .slice(0, 6)
          .flatMap((s) => [
            `${s.name}.${s.namespace}:${s.ports[0]?.port ?? 80}`,
            `http://${s.clusterIP ?? s.name}:${s.ports[0]?.port ?? 80}/`,
            ...s.loadBalancerIPs.map((ip) => `http://${ip}/`),
            ...s.ports.flatMap((p) => (p.nodePort ? [`${cluster.nodes[0]?.internalIP}:${p.nodePort}`] : [])),
          ]);
        for (const from of sources) {
          for (const to of [...targets, "http://shop.example.com/", "nowhere:1"]) {
            const sent = session.send({ from, to }, { count: 2 });
            if (sent.ok)
              for (const s of sent.value) expect(s.trace.hops.length).toBeLessThanOrEqual(MAX_HOPS);
          }
          for (const service of cluster.services.slice(0, 4)) {
            const looked = session.lookup(from, `${service.name}.${service.namespace}`);
            if (looked.ok) expect(looked.value.answers.length).toBeLessThanOrEqual(MAX_DNS_ANSWERS);
          }
        }
        for (const node of cluster.nodes) {
          const rules = (session.rules(node.ref)?.iptables ?? []).reduce(
            (n, table) => n + table.rules.length,
            0,
          );
          expect(rules).toBeLessThanOrEqual(MAX_RULES_PER_NODE);
        }
      }),
      { numRuns: 150, seed: 20261205 },
    );
    // The later stages ran on most inputs, not only the loader.
    expect(clusters).toBeGreaterThan(100);
  }, 120_000);
});
