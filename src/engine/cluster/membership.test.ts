import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml } from "../network/testing.ts";
import { selectorSelects, senderNode, serviceEndpoints, servicePods, serviceSelects } from "./membership.ts";

const YAML = `
apiVersion: v1
kind: Pod
metadata: {name: web-0, labels: {app: web, tier: front}}
spec: {nodeName: node-2, containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
`;

describe("membership", () => {
  // kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors: no selector, no
  // EndpointSlices made for it (endpointslice_controller.go syncService skips a nil selector).
  it("a selector selects labels holding each of its pairs; no selector selects nothing", () => {
    expect(selectorSelects({ app: "web" }, { app: "web", tier: "front" })).toBe(true);
    expect(selectorSelects({ app: "web", tier: "back" }, { app: "web", tier: "front" })).toBe(false);
    expect(selectorSelects(null, { app: "web" })).toBe(false);
    expect(selectorSelects({}, { app: "web" })).toBe(false);
  });

  it("a Service selects pods of its own namespace only (service.go: Selector, namespaced)", () => {
    const pod = { namespace: "default", labels: { app: "web" } };
    expect(serviceSelects({ namespace: "default", selector: { app: "web" } }, pod)).toBe(true);
    expect(serviceSelects({ namespace: "shop", selector: { app: "web" } }, pod)).toBe(false);
  });

  it("a Service's pods and endpoints are what its EndpointSlices list", () => {
    const { cluster } = dataPlaneFromYaml(YAML);
    expect(servicePods(cluster).get("svc/default/web")).toEqual(["pod/default/web-0"]);
    expect(servicePods(cluster).get("svc/default/manual")).toBeUndefined();
    expect(serviceEndpoints(cluster, "svc/default/web").map((e) => e.targetRef)).toEqual([
      "pod/default/web-0",
    ]);
  });

  it("a request leaves from its node, or from the node its pod runs on", () => {
    const { cluster } = dataPlaneFromYaml(YAML);
    expect(senderNode(cluster, "pod/default/web-0")).toBe("node/node-2");
    expect(senderNode(cluster, "node/node-1")).toBe("node/node-1");
    expect(senderNode(cluster, "client/external")).toBeUndefined();
  });
});
