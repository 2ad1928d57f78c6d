import { describe, expect, it, vi } from "vitest";
import { onDemand } from "./onDemand.ts";

describe("onDemand", () => {
  it("fetches once for every caller and answers at once after", async () => {
    const fetch = vi.fn(async () => "chunk");
    const arrived = vi.fn();
    const chunk = onDemand(fetch, arrived);
    expect(chunk.loaded()).toBeUndefined();
    expect(await Promise.all([chunk.load(), chunk.load()])).toEqual(["chunk", "chunk"]);
    await chunk.load();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(arrived).toHaveBeenCalledTimes(1);
    expect(arrived).toHaveBeenCalledWith("chunk");
    expect(chunk.loaded()).toBe("chunk");
  });

  it("tries again after a failed fetch", async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce("chunk");
    const chunk = onDemand<string>(fetch);
    await expect(chunk.load()).rejects.toThrow("offline");
    expect(chunk.loaded()).toBeUndefined();
    expect(await chunk.load()).toBe("chunk");
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
