import { describe, expect, it } from "vitest";
import { findObject } from "./search.ts";

const cluster = {
  services: [
    { ref: "svc/default/web", name: "web", namespace: "default" },
    { ref: "svc/shop/web", name: "web", namespace: "shop" },
  ],
  pods: [
    { ref: "pod/default/web-7d4b9-abcde", name: "web-7d4b9-abcde", namespace: "default" },
    { ref: "pod/default/db-0", name: "db-0", namespace: "default" },
  ],
} as unknown as Parameters<typeof findObject>[0];

describe("findObject", () => {
  it("finds by ref, namespace/name or name, Services before pods", () => {
    expect(findObject(cluster, "pod/default/db-0")).toBe("pod/default/db-0");
    expect(findObject(cluster, "shop/web")).toBe("svc/shop/web");
    expect(findObject(cluster, " Web ")).toBe("svc/default/web");
  });

  it("falls back to a name's start, then to any part of it", () => {
    expect(findObject(cluster, "db")).toBe("pod/default/db-0");
    expect(findObject(cluster, "abcde")).toBe("pod/default/web-7d4b9-abcde");
  });

  it("finds nothing for an empty or unknown query", () => {
    expect(findObject(cluster, "  ")).toBeNull();
    expect(findObject(cluster, "cache")).toBeNull();
  });
});
