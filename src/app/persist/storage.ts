/**
 * Local persistence through a Storage (localStorage in the page). Reading never throws: storage may be
 * disabled, full, or hold something an older version or another tab wrote; each case reads as "nothing".
 */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const STORAGE_PREFIX = "svclab:";

export function readStored<T>(
  storage: KeyValueStorage | undefined,
  key: string,
  accept: (value: unknown) => value is T,
): T | undefined {
  try {
    const raw = storage?.getItem(STORAGE_PREFIX + key);
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the value could not be stored (quota exceeded, storage disabled). */
export function writeStored(storage: KeyValueStorage | undefined, key: string, value: unknown): boolean {
  try {
    storage?.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The page's localStorage, or undefined where it is unavailable (private modes, sandboxed frames). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
