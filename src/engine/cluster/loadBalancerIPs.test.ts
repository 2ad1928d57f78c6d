import { describe, expect, it } from "vitest";
import { allocateLoadBalancerIPs } from "./loadBalancerIPs.ts";

describe("allocateLoadBalancerIPs", () => {
  it("hands out addresses from .10 up in manifest order, honouring and skipping spec.loadBalancerIP", () => {
    expect(allocateLoadBalancerIPs([{}, { requested: "198.51.100.11" }, {}, {}], "198.51.100.0/24")).toEqual([
      "198.51.100.10",
      "198.51.100.11",
      "198.51.100.12",
      "198.51.100.13",
    ]);
  });

  it("returns null once the pool is used up", () => {
    const ips = allocateLoadBalancerIPs([{}, {}, {}, {}, {}, {}], "198.51.100.0/28");
    expect(ips).toEqual([
      "198.51.100.10",
      "198.51.100.11",
      "198.51.100.12",
      "198.51.100.13",
      "198.51.100.14",
      null,
    ]);
  });
});
