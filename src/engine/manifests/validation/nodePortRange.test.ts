import { describe, expect, it } from "vitest";
import { describe as describeDiagnostic, loadObjects, service } from "../testutil.ts";

// storage/alloc.go initNodePorts: "failed to allocate a nodePort: range is full" (an InternalError),
// the API server's answer to a NodePort Service when --service-node-port-range has no port left.
describe("NodePort range exhaustion (issue 16 item 5)", () => {
  const settings = { nodePortRange: { min: 30000, max: 30009 } };
  const nodePorts = (count: number) =>
    Array.from({ length: count }, (_, i) => service({ type: "NodePort" }, `s${i}`));

  it("accepts as many NodePort Services as the range has ports", () => {
    expect(loadObjects(nodePorts(10), settings).ok).toBe(true);
  });

  it("refuses every Service past the range's end, on its port's line, as the API server does", () => {
    const loaded = loadObjects(nodePorts(12), settings);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => `${d.object} ${describeDiagnostic(d)}`)).toEqual([
      "svc/default/s10 spec.ports[0]: Internal error occurred: failed to allocate a nodePort: range is full",
      "svc/default/s11 spec.ports[0]: Internal error occurred: failed to allocate a nodePort: range is full",
    ]);
    expect(loaded.diagnostics[0]?.line).toBeGreaterThan(1);
  });

  it("counts LoadBalancer Services' nodePorts and healthCheckNodePorts, but not those that allocate none", () => {
    const lb = service({ type: "LoadBalancer", externalTrafficPolicy: "Local" }, "lb");
    const none = service({ type: "LoadBalancer", allocateLoadBalancerNodePorts: false }, "none");
    expect(loadObjects([...nodePorts(8), none, lb], settings).ok).toBe(true);
    const refused = loadObjects([...nodePorts(9), lb], settings).diagnostics;
    expect(refused.map(describeDiagnostic)).toEqual([
      "spec.healthCheckNodePort: Internal error occurred: failed to allocate a nodePort: range is full",
    ]);
  });
});
