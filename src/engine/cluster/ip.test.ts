import { describe, expect, it } from "vitest";
import { cidrContains, formatIPv4, parseCIDR, parseIPv4 } from "./ip.ts";

describe("ip", () => {
  it("parses and formats IPv4 addresses", () => {
    expect(formatIPv4(parseIPv4("10.96.0.10") ?? -1)).toBe("10.96.0.10");
    expect(parseIPv4("10.96.0.256")).toBeNull();
    expect(parseIPv4("10.96.0")).toBeNull();
  });

  it("reads a CIDR as its network address and size", () => {
    const cidr = parseCIDR("10.96.0.0/12");
    expect(cidr?.size).toBe(2 ** 20);
    expect(cidr && formatIPv4(cidr.base)).toBe("10.96.0.0");
    expect(cidr && cidrContains(cidr, parseIPv4("10.111.255.255") ?? 0)).toBe(true);
    expect(cidr && cidrContains(cidr, parseIPv4("10.112.0.0") ?? 0)).toBe(false);
    expect(parseCIDR("10.0.0.0/33")).toBeNull();
  });
});
