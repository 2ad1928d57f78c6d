import { describe, expect, it } from "vitest";
import { buildNodes } from "../../engine/index.ts";
import { nodesToFlow } from "./toFlow.ts";

describe("nodesToFlow", () => {
  it("makes one group per Kubernetes node, its id the node's ref", () => {
    const flow = nodesToFlow(buildNodes([]));
    expect(flow.map((n) => n.id)).toEqual(["node/node-1", "node/node-2", "node/node-3"]);
    expect(flow[0]?.data).toMatchObject({ name: "node-1", podCIDR: "10.244.1.0/24", ready: true });
  });

  it("places the groups so that none overlaps another", () => {
    const flow = nodesToFlow(buildNodes([]));
    for (let i = 1; i < flow.length; i++) {
      const prev = flow[i - 1];
      const cur = flow[i];
      expect(cur && prev && cur.position.x >= prev.position.x + (prev.width ?? 0)).toBe(true);
    }
  });
});
