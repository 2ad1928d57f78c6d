import { describe, expect, it } from "vitest";
import { routeForSNI } from "./tls.ts";

const route = (key: string, hostnames: string[], created?: string) => ({
  route: key,
  key,
  hostnames,
  created,
});

describe("TLSRoute: which route takes a connection's SNI (tlsroute.md Merging; conformance tlsroute-hostname-intersection)", () => {
  const routes = [
    route("default/wild", ["*.example.com"]),
    route("default/exact", ["abc.example.com"]),
    route("default/deeper", ["*.foo.example.com"]),
  ];

  it("an exact hostname wins over any wildcard", () => {
    expect(routeForSNI(routes, "abc.example.com")?.key).toBe("default/exact");
  });

  it("the longest matching wildcard wins", () => {
    expect(routeForSNI(routes, "a.foo.example.com")?.key).toBe("default/deeper");
    expect(routeForSNI(routes, "other.example.com")?.key).toBe("default/wild");
  });

  it("no route for a name none of them has: the connection is closed", () => {
    expect(routeForSNI(routes, "example.org")).toBeUndefined();
  });

  it("SNI compares case-insensitively (RFC 6066 host names are DNS names)", () => {
    expect(routeForSNI(routes, "ABC.Example.COM")?.key).toBe("default/exact");
  });

  it("on the same hostname, the older route, then the first by namespace/name", () => {
    const tie = [
      route("default/b", ["tls.example.com"], "2026-01-01T00:00:00Z"),
      route("default/a", ["tls.example.com"], "2026-02-01T00:00:00Z"),
    ];
    expect(routeForSNI(tie, "tls.example.com")?.key).toBe("default/b");
    expect(routeForSNI([route("default/b", ["x.io"]), route("default/a", ["x.io"])], "x.io")?.key).toBe(
      "default/a",
    );
  });
});
