import { describe, expect, it } from "vitest";
import { buildCluster } from "../../engine/cluster/build.ts";
import { loadManifests } from "../../engine/index.ts";
import { createDataPlane } from "../../engine/network/dataplane.ts";
import { parseRequest, trace } from "../../engine/trace/trace.ts";
import gatewaySample from "../../samples/gateway.yaml?raw";
import { httpRoutes } from "./gateway.ts";
import { layoutCluster } from "./layout.ts";

function dataPlane() {
  const loaded = loadManifests([{ name: "gateway.yaml", text: gatewaySample }]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return createDataPlane(buildCluster(loaded.value, { failedNodes: [] }));
}

describe("Gateway API in the graph", () => {
  it("draws the class, the Gateway and the route, with the route's weighted backends", () => {
    const dp = dataPlane();
    const model = layoutCluster(dp.cluster, { foldDns: true });
    const types = new Map(model.nodes.map((n) => [n.id, n.type]));
    expect(types.get("gatewayclass/eg")).toBe("gatewayClass");
    expect(types.get("gateway/default/shop")).toBe("gateway");
    expect(types.get("httproute/default/web")).toBe("httpRoute");
    expect(httpRoutes(dp.cluster)[0]?.rules).toEqual([
      { match: "env=canary", backends: [{ service: "svc/default/web-v2", text: "web-v2:80", share: "" }] },
      {
        match: "",
        backends: [
          { service: "svc/default/web-v1", text: "web-v1:80", share: "90%" },
          { service: "svc/default/web-v2", text: "web-v2:80", share: "10%" },
        ],
      },
    ]);
  });

  it("has a box for every place a packet through the Gateway stops", () => {
    const dp = dataPlane();
    const model = layoutCluster(dp.cluster, { foldDns: true });
    const parsed = parseRequest(dp, { from: "external", to: "http://shop.example.com/" });
    if (!parsed.ok) throw new Error(parsed.message);
    const drawn = new Set(model.nodes.map((n) => n.id));
    const stops = trace(dp, parsed.value).hops.map((h) => h.at);
    expect(stops.filter((ref) => !drawn.has(ref))).toEqual([]);
    // The route leads on to the Services it names.
    expect(
      model.edges.some((e) => e.source === "httproute/default/web" && e.target === "svc/default/web-v1"),
    ).toBe(true);
  });
});
