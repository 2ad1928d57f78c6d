import fc from "fast-check";
import { dump } from "js-yaml/browser";
import { describe, expect, it } from "vitest";
import { loadManifests } from "./load.ts";
import { applyMutations, mutation, SEEDS } from "./mutation.testutil.ts";
import type { Diagnostic } from "./types.ts";

// Valid manifests of every simulated kind, mutated at random: whatever comes out, loadManifests
// returns objects or diagnostics placed inside the text, and never throws.

function placedInside(d: Diagnostic, text: string): boolean {
  const lines = text.split("\n");
  const line = lines[d.line - 1];
  return (
    d.file === "m.yaml" &&
    d.line >= 1 &&
    d.line <= lines.length &&
    line !== undefined &&
    d.column >= 1 &&
    d.column <= line.length + 1
  );
}

describe("loadManifests under mutation", () => {
  it("returns objects or positioned diagnostics, and never throws", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, mutations) => {
          const text = applyMutations(dump(SEEDS[which]), mutations);
          const result = loadManifests([{ name: "m.yaml", text }]);
          if (result.ok) expect(Array.isArray(result.value)).toBe(true);
          else expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          for (const d of result.diagnostics) {
            if (!placedInside(d, text)) throw new Error(`misplaced ${JSON.stringify(d)} in\n${text}`);
          }
        },
      ),
      { numRuns: 300, seed: 20260501 },
    );
  }, 60_000);
});
