import type { KeyValueStorage } from "./storage.ts";

/**
 * A Storage kept in memory, for tests: `quota` characters in all (keys and values), refusing writes past
 * it with the QuotaExceededError a browser throws.
 */
export function memoryStorage(quota = Number.POSITIVE_INFINITY): KeyValueStorage & {
  data: Map<string, string>;
  /** Another page filled the rest: from now on only writes that do not grow what is stored fit. */
  full(): void;
} {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (data.get(k)?.length ?? -k.length) + v.length > quota)
        throw new DOMException("full", "QuotaExceededError");
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    full() {
      quota = used();
    },
  };
}
