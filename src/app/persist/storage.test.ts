import { describe, expect, it } from "vitest";
import { memoryStorage } from "./memoryStorage.ts";
import { type KeyValueStorage, readStored, writeStored } from "./storage.ts";

const isString = (v: unknown): v is string => typeof v === "string";

describe("readStored / writeStored", () => {
  it("round-trips a value under the svclab: prefix", () => {
    const storage = memoryStorage();
    expect(writeStored(storage, "language", "ja")).toBe(true);
    expect(storage.data.has("svclab:language")).toBe(true);
    expect(readStored(storage, "language", isString)).toBe("ja");
  });

  it("reads corrupted or unexpected data as nothing", () => {
    const storage = memoryStorage();
    storage.setItem("svclab:language", "{not json");
    expect(readStored(storage, "language", isString)).toBeUndefined();
    storage.setItem("svclab:language", "42");
    expect(readStored(storage, "language", isString)).toBeUndefined();
  });

  it("reports a full storage instead of throwing", () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
      removeItem: () => {},
    };
    expect(writeStored(full, "x", "y")).toBe(false);
  });
});
