import { describe, expect, it } from "vitest";
import { buildCluster } from "../../engine/cluster/build.ts";
import { loadManifests, summarizeIngresses } from "../../engine/index.ts";
import { createDataPlane } from "../../engine/network/dataplane.ts";
import { samples } from "../../samples/index.ts";
import { layoutCluster } from "./layout.ts";
import { createLayoutService, layoutInput, withRouter } from "./layoutService.ts";

// Issue 15: the layout and the router run in a worker; what it is sent (the cluster cut to what the
// layout reads, issue 16) and what it sends back must survive a structured clone and draw and route as
// the model made in place from the whole cluster does.
describe("the layout worker's service", () => {
  for (const sample of samples) {
    it(`lays out the ${sample.id} sample as data the page can rebuild a router from`, () => {
      const loaded = loadManifests(sample.files);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics[0]));
      const dp = createDataPlane(buildCluster(loaded.value, { failedNodes: [] }));
      const ingresses = summarizeIngresses(dp);
      const options = { foldDns: true, externalHosts: [], ingresses, openNodes: [] };
      const cluster = structuredClone(layoutInput(dp.cluster));
      const sent = structuredClone(createLayoutService()({ id: 1, cluster, ...options }));
      const model = withRouter(sent);
      const local = layoutCluster(dp.cluster, { ...options, openNodes: new Set() });
      expect(model.nodes.map((n) => [n.id, n.position])).toEqual(local.nodes.map((n) => [n.id, n.position]));
      expect(model.edges.map((e) => e.data?.path)).toEqual(local.edges.map((e) => e.data?.path));
      // Every pair of drawn boxes routes alike: the worker's (the load balancers' pools) and the rest.
      const refs = [...local.boxes.keys()];
      for (const source of refs.slice(0, 6))
        for (const target of refs)
          expect(model.router.route(source, target)).toEqual(local.router.route(source, target));
    });
  }
});
