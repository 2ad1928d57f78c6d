import { describe, expect, it } from "vitest";
import { hostnameMatches, hostnameRank, intersectHostnames } from "./hostname.ts";

describe("Gateway API hostnames", () => {
  // httproute_types.go HTTPRouteSpec.Hostnames: "*.example.com" matches test.example.com and foo.test.example.com, not example.com.
  it("matches a wildcard by suffix, any number of labels deep", () => {
    expect(hostnameMatches("*.example.com", "test.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "foo.test.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "example.com")).toBe(false);
    expect(hostnameMatches("example.com", "EXAMPLE.com")).toBe(true);
  });

  // HTTPRouteSpec.Hostnames: a listener test.example.com takes routes with no hostnames or with test.example.com or *.example.com.
  it("intersects a precise listener hostname with route hostnames", () => {
    expect(intersectHostnames("test.example.com", [])).toEqual(["test.example.com"]);
    expect(intersectHostnames("test.example.com", ["*.example.com"])).toEqual(["test.example.com"]);
    expect(intersectHostnames("test.example.com", ["other.example.com"])).toBeNull();
  });

  // HTTPRouteSpec.Hostnames: a listener *.example.com matches *.example.com, test.example.com and foo.test.example.com,
  // not example.com or test.example.net; route names outside the listener's "MUST be ignored".
  it("keeps only the route hostnames inside a wildcard listener", () => {
    expect(
      intersectHostnames("*.example.com", ["*.example.com", "test.example.com", "foo.test.example.com"]),
    ).toEqual(["*.example.com", "test.example.com", "foo.test.example.com"]);
    expect(intersectHostnames("*.example.com", ["test.example.com", "test.example.net"])).toEqual([
      "test.example.com",
    ]);
    expect(intersectHostnames("*.example.com", ["example.com", "test.example.net"])).toBeNull();
  });

  it("lets a listener without a hostname take any route", () => {
    expect(intersectHostnames(undefined, [])).toEqual([]);
    expect(intersectHostnames(undefined, ["a.example.com"])).toEqual(["a.example.com"]);
  });

  // HTTPRouteSpec.Hostnames precedence: characters in a matching non-wildcard hostname, then in a matching hostname.
  it("ranks the matching hostname", () => {
    expect(hostnameRank(["*.example.com", "foo.example.com"], "foo.example.com")).toEqual({
      exact: 15,
      any: 15,
      hostname: "foo.example.com",
    });
    expect(hostnameRank(["*.example.com"], "bar.example.com")).toEqual({
      exact: 0,
      any: 13,
      hostname: "*.example.com",
    });
    expect(hostnameRank(["a.example.com"], "b.example.com")).toBeUndefined();
    expect(hostnameRank([], "b.example.com")).toEqual({ exact: 0, any: 0, hostname: undefined });
  });
});
