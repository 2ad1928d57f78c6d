import { describe, expect, it } from "vitest";
import { hostMatches } from "./host.ts";

// The table under "Hostname wildcards" in kubernetes/website concepts/services-networking/ingress.md.
describe("hostMatches", () => {
  it("matches a wildcard host on the shared suffix", () => {
    expect(hostMatches("*.foo.com", "bar.foo.com")).toBe(true);
  });

  it("does not match a wildcard across two labels", () => {
    expect(hostMatches("*.foo.com", "baz.bar.foo.com")).toBe(false);
  });

  it("does not match a wildcard with no label in its place", () => {
    expect(hostMatches("*.foo.com", "foo.com")).toBe(false);
  });

  it("matches a precise host only exactly", () => {
    expect(hostMatches("foo.bar.com", "foo.bar.com")).toBe(true);
    expect(hostMatches("foo.bar.com", "www.foo.bar.com")).toBe(false);
    expect(hostMatches("foo.bar.com", "bar.com")).toBe(false);
  });
});
