import { describe, expect, it } from "vitest";
import { LabelIndex, matchesSelector } from "./labels.ts";

describe("labels", () => {
  it("matches matchLabels and matchExpressions together (metav1.LabelSelector)", () => {
    const selector = {
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "tier", operator: "In", values: ["front", "edge"] },
        { key: "canary", operator: "DoesNotExist" },
      ],
    };
    expect(matchesSelector(selector, { app: "web", tier: "front" })).toBe(true);
    expect(matchesSelector(selector, { app: "web", tier: "back" })).toBe(false);
    expect(matchesSelector(selector, { app: "web", tier: "edge", canary: "1" })).toBe(false);
  });

  it("answers a selector from its index exactly as a scan would, within one namespace", () => {
    const items: { namespace: string; labels: Record<string, string> }[] = [
      { namespace: "default", labels: { app: "web", tier: "front" } },
      { namespace: "default", labels: { app: "web" } },
      { namespace: "other", labels: { app: "web", tier: "front" } },
      { namespace: "default", labels: { app: "api", tier: "front" } },
    ];
    const index = new LabelIndex(items);
    expect(index.select("default", { app: "web", tier: "front" })).toEqual([items[0]]);
    expect(index.select("default", { app: "web" })).toEqual([items[0], items[1]]);
    expect(index.select("default", { app: "nope" })).toEqual([]);
    expect(index.select("default", {})).toHaveLength(3);
  });
});
