/**
 * Code the first screen does not carry, fetched when first asked for (issue 15). Every caller shares
 * one fetch; a failed fetch (offline before the app was cached) is forgotten, so the next ask tries again.
 */
export interface OnDemand<T> {
  /** Fetches, or answers with the fetch already under way or done. */
  load(): Promise<T>;
  /** What was fetched, or undefined until it has arrived: for what must answer at once. */
  loaded(): T | undefined;
}

/** `arrived` runs once, when the value is in place (`loaded()` answers it). */
export function onDemand<T>(fetch: () => Promise<T>, arrived?: (value: T) => void): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load() {
      pending ??= fetch().then(
        (fetched) => {
          value = fetched;
          arrived?.(fetched);
          return fetched;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => value,
  };
}
