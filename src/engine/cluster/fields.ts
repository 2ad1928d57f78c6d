/** Safe readers over objects as written: the engine keeps real shapes, typed loosely. */

export type Fields = Record<string, unknown>;

export function asRecord(value: unknown): Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

export function asRecords(value: unknown): Fields[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(asRecord(value))) if (typeof v === "string") out[key] = v;
  return out;
}
