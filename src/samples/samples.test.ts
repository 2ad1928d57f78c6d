import { describe, expect, it } from "vitest";
import { loadManifests } from "../engine/index.ts";
import { samples } from "./index.ts";

describe.each(samples.map((s) => [s.id, s] as const))("sample %s", (_id, sample) => {
  it("loads without errors", () => {
    const loaded = loadManifests(sample.files);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.ok).toBe(true);
  });
});
