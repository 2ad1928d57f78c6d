import { describe, expect, it } from "vitest";
import { createRandom } from "../random.ts";
import {
  ALPHANUMS,
  canonicalJSON,
  fnv32a,
  generateName,
  podTemplateHash,
  randomString,
  safeEncodeString,
  streamFor,
} from "./hash.ts";

describe("hash", () => {
  it("computes FNV-1a 32 as Go's hash/fnv New32a does", () => {
    expect(fnv32a("")).toBe(0x811c9dc5);
    expect(fnv32a("a")).toBe(0xe40c292c);
    expect(fnv32a("foobar")).toBe(0xbf9cf968);
  });

  it("hashes non-ASCII text as its UTF-8 bytes", () => {
    // "é" is 0xC3 0xA9 in UTF-8.
    let h = 0x811c9dc5;
    for (const b of [0xc3, 0xa9]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    expect(fnv32a("é")).toBe(h);
  });

  it("encodes each character as alphanums[code % 27] (rand.go SafeEncodeString)", () => {
    // "0" is 48, 48 % 27 = 21 -> "4"; "1" is 49 -> 22 -> "5".
    expect(safeEncodeString("01")).toBe("45");
  });

  it("gives a pod-template-hash of vowel-free characters that ignores key order (controller.ComputeHash)", () => {
    const a = podTemplateHash({
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    });
    const b = podTemplateHash({
      spec: { containers: [{ image: "nginx", name: "c" }] },
      metadata: { labels: { app: "web" } },
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(podTemplateHash({ spec: { containers: [{ image: "nginx:1.27" }] } })).not.toBe(a);
  });

  it("writes canonical JSON with sorted keys", () => {
    expect(canonicalJSON({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });

  it("draws random strings from the same alphabet (rand.go String)", () => {
    const s = randomString(createRandom(7), 200);
    expect(s).toHaveLength(200);
    expect([...s].every((c) => ALPHANUMS.includes(c))).toBe(true);
  });

  it("truncates generateName bases to 58 characters before the 5-character suffix (names/generate.go)", () => {
    const name = generateName(`${"a".repeat(70)}-`, createRandom(1));
    expect(name).toHaveLength(63);
    expect(name.startsWith("a".repeat(58))).toBe(true);
  });

  it("derives independent, reproducible streams per object ref", () => {
    expect(randomString(streamFor(1, "deployment/default/web"), 5)).toBe(
      randomString(streamFor(1, "deployment/default/web"), 5),
    );
    expect(randomString(streamFor(1, "deployment/default/web"), 5)).not.toBe(
      randomString(streamFor(1, "deployment/default/api"), 5),
    );
  });
});
