import { describe, expect, it } from "vitest";
import { allocateClusterIPs } from "./clusterIPs.ts";

const CIDR = "10.96.0.0/12";
const ask = (ref: string, requested?: string, externalName = false) => ({ ref, requested, externalName });

describe("allocateClusterIPs", () => {
  it("honours spec.clusterIP, gives headless Services None and ExternalName none", () => {
    expect(
      allocateClusterIPs(
        [
          ask("svc/default/a", "10.96.5.5"),
          ask("svc/default/h", "None"),
          ask("svc/default/x", undefined, true),
        ],
        CIDR,
      ),
    ).toEqual(["10.96.5.5", "None", null]);
  });

  it("allocates inside the Service CIDR, in the upper band that dynamic allocation prefers (KEP-3070)", () => {
    const refs = Array.from({ length: 200 }, (_, i) => ask(`svc/default/s${i}`));
    const ips = allocateClusterIPs(refs, CIDR);
    expect(new Set(ips).size).toBe(200);
    for (const ip of ips) {
      const [a, b, c] = (ip ?? "").split(".").map(Number);
      expect(a).toBe(10);
      expect(b).toBeGreaterThanOrEqual(96);
      expect(b).toBeLessThanOrEqual(111);
      // The static band is the first 256 addresses (bitmap.go calculateRangeOffset).
      expect(b === 96 && c === 0).toBe(false);
    }
  });

  it("keeps each Service's address when other Services are added or removed", () => {
    const alone = allocateClusterIPs([ask("svc/default/web")], CIDR);
    const crowded = allocateClusterIPs(
      [ask("svc/default/api"), ask("svc/default/web"), ask("svc/x/db")],
      CIDR,
    );
    expect(crowded[1]).toBe(alone[0]);
  });

  it("probes past an address another Service asked for", () => {
    const [free] = allocateClusterIPs([ask("svc/default/web")], CIDR);
    const [clash, taken] = allocateClusterIPs(
      [ask("svc/default/web"), ask("svc/default/pinned", free ?? undefined)],
      CIDR,
    );
    expect(taken).toBe(free);
    expect(clash).not.toBe(free);
  });

  it("never hands out the kubernetes (.1) and kube-dns (.10) addresses, nor network and broadcast", () => {
    const refs = Array.from({ length: 12 }, (_, i) => ask(`svc/default/s${i}`));
    const ips = allocateClusterIPs(refs, "10.0.0.0/28");
    expect(ips).toHaveLength(12);
    expect(ips.filter((ip) => ip !== null)).toHaveLength(12);
    expect(ips).not.toContain("10.0.0.1");
    expect(ips).not.toContain("10.0.0.10");
    expect(ips).not.toContain("10.0.0.0");
    expect(ips).not.toContain("10.0.0.15");
    expect(allocateClusterIPs([...refs, ask("svc/default/one-too-many")], "10.0.0.0/28").at(-1)).toBeNull();
  });
});
