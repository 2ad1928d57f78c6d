import { describe, expect, it } from "vitest";
import { admit, keepUnchanged } from "./progressive.ts";

const item = (id: string, x = 0) => ({ id, position: { x, y: 0 } });

describe("keepUnchanged", () => {
  it("keeps the object drawn before where nothing in it changed, and takes the new one where it did", () => {
    const before = [item("svc/default/a"), item("node/n1")];
    const next = [item("svc/default/a"), item("node/n1", 300), item("pod/default/p")];
    const kept = keepUnchanged(before, next);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(next[2]);
  });
});

// Issue 15: a large drawing reaches React Flow a batch at a time, so no frame's task is long.
describe("admit", () => {
  const items = ["node/a", "pod/x/1", "pod/x/2", "node/b", "pod/x/3"].map((id) => item(id));

  it("lets in what is drawn already and `size` more, in order", () => {
    expect(admit(items, new Set(["node/b"]), 2).map((i) => i.id)).toEqual(["node/a", "pod/x/1", "node/b"]);
  });

  it("gives the very same list once everything is in, so React Flow sees no change", () => {
    expect(admit(items, new Set(), 10)).toBe(items);
    expect(admit(items, new Set(items.map((i) => i.id)), 0)).toBe(items);
  });
});
