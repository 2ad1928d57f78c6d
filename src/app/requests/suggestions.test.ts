import { describe, expect, it } from "vitest";
import { buildCluster } from "../../engine/cluster/build.ts";
import { loadManifests } from "../../engine/index.ts";
import sandbox from "../../samples/sandbox.yaml?raw";
import { translate } from "../i18n/index.ts";
import { requestSuggestions, SHOWN_SUGGESTIONS, type Suggestion, suggestionsFor } from "./suggestions.ts";

function sandboxCluster() {
  const loaded = loadManifests([{ name: "sandbox.yaml", text: sandbox }]);
  if (!loaded.ok) throw new Error("the sandbox does not load");
  return buildCluster(loaded.value);
}

describe("requestSuggestions", () => {
  it("offers each Service by name, its ClusterIP, NodePorts on every node, external and load-balancer IPs", () => {
    const cluster = sandboxCluster();
    const values = requestSuggestions(cluster).map((s) => s.value);
    const web = cluster.services.find((s) => s.ref === "svc/default/web");
    expect(values).toContain("http://web/");
    expect(values).toContain(`http://${web?.clusterIP}/`);
    for (const node of cluster.nodes) expect(values).toContain(`http://${node.internalIP}:30080/`);
    expect(values).toContain("http://192.168.0.12:8080/");
    const lb = cluster.services.find((s) => s.ref === "svc/default/web-lb");
    expect(values).toContain(`http://${lb?.loadBalancerIPs[0]}/`);
  });

  it("lists no address twice", () => {
    const values = requestSuggestions(sandboxCluster()).map((s) => s.value);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe("suggestionsFor", () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({
    value: `http://api-${i}.team-${i % 10}/`,
    note: { key: "suggest.byName" as const, params: { svc: `svc/team-${i % 10}/api-${i}` } },
  }));
  const noteText = (note: Suggestion["note"]) => translate("en", note.key, note.params);

  it("lists at most SHOWN_SUGGESTIONS of thousands, in their order", () => {
    expect(suggestionsFor(many, "", noteText)).toEqual(many.slice(0, SHOWN_SUGGESTIONS));
  });

  it("keeps those whose address or note holds what is typed, in any case", () => {
    expect(suggestionsFor(many, " API-4999", noteText).map((s) => s.value)).toEqual([
      "http://api-4999.team-9/",
    ]);
    const team = suggestionsFor(many, "SVC/TEAM-3/", noteText);
    expect(team).toHaveLength(SHOWN_SUGGESTIONS);
    expect(team.every((s) => noteText(s.note).startsWith("svc/team-3/"))).toBe(true);
  });
});
