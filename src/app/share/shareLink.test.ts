import fc from "fast-check";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { emptyScenario } from "../time/scenario.ts";
import { sharePayload } from "./fragment.ts";
import {
  decodeShare,
  encodeShare,
  MAX_LINK_CHARS,
  MAX_SHARED_CHARS,
  type SharedState,
  shareUrl,
} from "./shareLink.ts";

const sample: SharedState = {
  lesson: "clusterip-basics",
  files: [
    { name: "sandbox.yaml", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web # 日本語も\n" },
  ],
  failedNodes: ["node-2"],
};

function roundTrip(state: SharedState) {
  const payload = encodeShare(state);
  if (payload === null) throw new Error("did not fit in a link");
  const url = shareUrl("https://example.test/svclab/?x=1", payload);
  const fragment = new URL(url).hash;
  const found = sharePayload(fragment);
  if (found === null) throw new Error("no payload in the fragment");
  return decodeShare(found);
}

describe("share links", () => {
  it("carry the Time view's scenario, and refuse one that is not a scenario", () => {
    const scenario = {
      ...emptyScenario(),
      traffic: [{ name: "via-lb", from: "external", to: "http://198.51.100.10/", rate: 10 }],
      events: [{ at: 10, action: "fail-node" as const, target: "node/node-2" }],
    };
    expect(roundTrip({ ...sample, scenario })).toEqual({ ok: true, state: { ...sample, scenario } });
    const payload = compressToEncodedURIComponent(
      JSON.stringify({ v: 1, l: null, f: [["a.yaml", "x"]], n: [], s: { name: 3 } }),
    );
    expect(decodeShare(payload)).toEqual({ ok: false, reason: "damaged" });
  });

  it("round-trip the manifests, the lesson and the failed nodes through a URL fragment", () => {
    expect(roundTrip(sample)).toEqual({ ok: true, state: sample });
    expect(roundTrip({ ...sample, lesson: null, failedNodes: [] })).toEqual({
      ok: true,
      state: { ...sample, lesson: null, failedNodes: [] },
    });
  });

  // 200 runs of up to 2,000 characters: about a second alone, several on a loaded machine.
  it("round-trip any text, including unpaired surrogates, tabs and control characters", {
    timeout: 20_000,
  }, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => {
        const state = { lesson: null, files: [{ name: "a.yaml", text }], failedNodes: [] };
        expect(roundTrip(state)).toEqual({ ok: true, state });
      }),
      { numRuns: 200 },
    );
  });

  it("keep only the share payload of a fragment, even when a chat app percent-encoded it", () => {
    expect(sharePayload("#share=abc+-$")).toBe("abc+-$");
    expect(sharePayload("share=ab%2Bc")).toBe("ab+c");
    expect(sharePayload("#lesson=1")).toBeNull();
    expect(sharePayload("")).toBeNull();
  });

  it("refuse to make a link longer than the limit, quickly even for a 10 MB paste", () => {
    // Random text barely compresses, so 60,000 characters of it cannot fit in 16,000.
    let seed = 1;
    const noise = Array.from({ length: 60_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(33 + ((seed >>> 16) % 94));
    }).join("");
    expect(
      encodeShare({ lesson: null, files: [{ name: "a.yaml", text: noise }], failedNodes: [] }),
    ).toBeNull();
    const huge = "a".repeat(10 * 1024 * 1024);
    expect(
      encodeShare({ lesson: null, files: [{ name: "a.yaml", text: huge }], failedNodes: [] }),
    ).toBeNull();
  });

  it("call a truncated link damaged", () => {
    const payload = encodeShare(sample) ?? "";
    for (const cut of [1, 5, Math.floor(payload.length / 2), payload.length - 3]) {
      expect(decodeShare(payload.slice(0, cut))).toMatchObject({ ok: false });
    }
  });

  it("call random or edited payloads damaged and never throw", () => {
    const payload = encodeShare(sample) ?? "";
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(), (junk, at) => {
        const edited = payload.slice(0, at % payload.length) + junk + payload.slice(at % payload.length);
        const result = decodeShare(edited);
        if (result.ok) expect(result.state.files.length).toBeGreaterThan(0);
        expect(() => decodeShare(junk)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    expect(decodeShare("")).toEqual({ ok: false, reason: "damaged" });
    expect(decodeShare("%%%%")).toEqual({ ok: false, reason: "damaged" });
  });

  it("reject well-formed data that this app did not write", () => {
    const wrap = (value: unknown) => decodeShare(compressToEncodedURIComponent(JSON.stringify(value)));
    expect(wrap(null)).toEqual({ ok: false, reason: "damaged" });
    expect(wrap([1, 2])).toEqual({ ok: false, reason: "damaged" });
    expect(wrap({ v: 1, l: null, f: [], n: [] })).toEqual({ ok: false, reason: "damaged" });
    expect(wrap({ v: 1, l: null, f: [["a", 5]], n: [] })).toEqual({ ok: false, reason: "damaged" });
    expect(
      wrap({
        v: 1,
        l: null,
        f: [
          ["a", "x"],
          ["a", "y"],
        ],
        n: [],
      }),
    ).toEqual({ ok: false, reason: "damaged" });
    expect(wrap({ v: 1, l: "<script>", f: [["a", "x"]], n: [] })).toEqual({ ok: false, reason: "damaged" });
    expect(wrap({ v: 1, l: null, f: [["a", "x"]], n: [3] })).toEqual({ ok: false, reason: "damaged" });
    expect(wrap({ v: 99, l: null, f: [["a", "x"]], n: [] })).toEqual({ ok: false, reason: "newer-version" });
  });

  it("refuse an oversized link before decompressing it", () => {
    expect(decodeShare("A".repeat(MAX_LINK_CHARS + 1))).toEqual({ ok: false, reason: "too-large" });
  });

  it("refuse a compression bomb: a short link that unpacks to far more than any lesson", {
    timeout: 20_000,
  }, () => {
    const bomb = compressToEncodedURIComponent(
      JSON.stringify({ v: 1, l: null, f: [["a.yaml", "a".repeat(MAX_SHARED_CHARS * 3)]], n: [] }),
    );
    expect(bomb.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(decodeShare(bomb)).toEqual({ ok: false, reason: "too-large" });
  });
});
