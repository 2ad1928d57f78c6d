import { createRandom, type Random } from "../random.ts";

/**
 * k8s.io/apimachinery/pkg/util/rand/rand.go `alphanums`: the alphabet of generated names, without
 * vowels so that no words are spelt by chance.
 */
export const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** The UTF-8 bytes of a code point (the engine has no TextEncoder: no DOM, no Node). */
function utf8(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 63)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
}

/** FNV-1a, 32 bits over UTF-8 (Go's hash/fnv New32a), which controller.ComputeHash uses for pod-template-hash. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
      continue;
    }
    if (code > 0xffff) i++;
    for (const byte of utf8(code)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.go SafeEncodeString: each character maps to alphanums[code % 27]. */
export function safeEncodeString(text: string): string {
  let out = "";
  for (const char of text) out += ALPHANUMS[(char.codePointAt(0) ?? 0) % ALPHANUMS.length];
  return out;
}

/**
 * JSON with object keys sorted, so equal objects give equal text whatever their key order. Written
 * with loops over sorted keys rather than entries, filter, sort and map: it runs once per workload,
 * a thousand times in a large cluster, and the intermediate arrays were most of its cost.
 */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalJSON(value[i]);
    return `${out}]`;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, as the `<` comparison did.
    const keys = Object.keys(record).sort();
    let out = "{";
    let first = true;
    for (const key of keys) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJSON(v)}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * pkg/controller/controller_utils.go ComputeHash: FNV-32a over the pod template, printed as a
 * decimal number and passed through SafeEncodeString (e.g. "5d59d67564"). The real hasher feeds
 * the template through go-spew; the simulator hashes its canonical JSON instead, so the shape of
 * the hash is real but its value differs from a real cluster's.
 */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const suffix = collisionCount ? `#${collisionCount}` : "";
  return safeEncodeString(String(fnv32a(canonicalJSON(template) + suffix)));
}

/** rand.go String(n): n characters drawn from alphanums (the seeded PRNG stands for math/rand). */
export function randomString(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMS[random.int(ALPHANUMS.length)];
  return out;
}

/**
 * One PRNG stream per object (a workload, a Service), derived from the seed and the object's ref,
 * so adding or editing one object never changes the names generated for another.
 */
export function streamFor(seed: number, ref: string): Random {
  return createRandom(fnv32a(`${seed}\u0000${ref}`));
}

/**
 * apiserver/pkg/storage/names/generate.go: generateName is truncated to 58 characters and
 * followed by utilrand.String(5).
 */
export function generateName(base: string, random: Random): string {
  return `${base.length > 58 ? base.slice(0, 58) : base}${randomString(random, 5)}`;
}
