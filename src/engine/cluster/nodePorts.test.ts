import { describe, expect, it } from "vitest";
import { allocateNodePorts } from "./nodePorts.ts";

const RANGE = { min: 30000, max: 32767 };

describe("allocateNodePorts", () => {
  it("honours spec.ports[].nodePort and allocates the others inside the range, above the static band (KEP-3668)", () => {
    const [a] = allocateNodePorts(
      [{ ref: "svc/default/web", ports: [{ port: 80, nodePort: 30080 }, { port: 443 }], allocate: true }],
      RANGE,
    );
    expect(a?.nodePorts[0]).toBe(30080);
    expect(a?.nodePorts[1]).toBeGreaterThanOrEqual(30086);
    expect(a?.nodePorts[1]).toBeLessThanOrEqual(32767);
  });

  it("keeps each Service's nodePorts when other Services change", () => {
    const web = { ref: "svc/default/web", ports: [{ port: 80 }], allocate: true };
    const alone = allocateNodePorts([web], RANGE)[0]?.nodePorts;
    const crowded = allocateNodePorts(
      [{ ref: "svc/default/api", ports: [{ port: 80 }, { port: 81 }], allocate: true }, web],
      RANGE,
    );
    expect(crowded[1]?.nodePorts).toEqual(alone);
  });

  it("never gives two ports the same nodePort, probing past requested ones", () => {
    const requests = Array.from({ length: 300 }, (_, i) => ({
      ref: `svc/default/s${i}`,
      ports: [{ port: 80 }],
      allocate: true,
    }));
    const ports = allocateNodePorts(requests, RANGE).map((a) => a.nodePorts[0]);
    expect(new Set(ports).size).toBe(300);
  });

  it("gives ports with the same number, e.g. 53/UDP and 53/TCP, one nodePort (storage/alloc.go initNodePorts)", () => {
    const [dns] = allocateNodePorts(
      [{ ref: "svc/default/dns", ports: [{ port: 53 }, { port: 53 }], allocate: true }],
      RANGE,
    );
    expect(dns?.nodePorts[0]).toBe(dns?.nodePorts[1]);
  });

  it("allocates none when allocateLoadBalancerNodePorts is false, but keeps requested ones", () => {
    const [lb] = allocateNodePorts(
      [{ ref: "svc/default/lb", ports: [{ port: 80 }, { port: 81, nodePort: 31000 }], allocate: false }],
      RANGE,
    );
    expect(lb?.nodePorts).toEqual([undefined, 31000]);
  });

  it("allocates a healthCheckNodePort from the same range, or honours the requested one", () => {
    const [auto, pinned] = allocateNodePorts(
      [
        { ref: "svc/default/a", ports: [{ port: 80 }], allocate: true, healthCheck: {} },
        { ref: "svc/default/b", ports: [{ port: 80 }], allocate: true, healthCheck: { requested: 32000 } },
      ],
      RANGE,
    );
    expect(auto?.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(auto?.healthCheckNodePort).not.toBe(auto?.nodePorts[0]);
    expect(pinned?.healthCheckNodePort).toBe(32000);
  });
});

describe("allocateNodePorts when the range runs out", () => {
  const tiny = { min: 30000, max: 30002 };
  const nodePort = (name: string, ports: number[]) => ({
    ref: `svc/default/${name}`,
    ports: ports.map((port) => ({ port })),
    allocate: true,
  });

  // storage/alloc.go initNodePorts: AllocateNext fails with "range is full" and the whole Service is refused.
  it("marks the port it could not allocate and gives back the Service's other ports (PortAllocationOperation.Revert)", () => {
    const [a, b, c] = allocateNodePorts(
      [nodePort("a", [80]), nodePort("b", [80, 81, 82]), nodePort("c", [80, 81])],
      tiny,
    );
    expect(a?.full).toBeUndefined();
    expect(b).toEqual({ nodePorts: [undefined, undefined, undefined], full: "spec.ports[2]" });
    // b's two ports went back to the range, so c fits.
    expect(c?.full).toBeUndefined();
    expect(new Set([a?.nodePorts[0], ...(c?.nodePorts ?? [])]).size).toBe(3);
  });

  it("refuses a Service whose healthCheckNodePort finds no room (allocHealthCheckNodePort)", () => {
    const [, lb] = allocateNodePorts(
      [nodePort("a", [80, 81]), { ...nodePort("lb", [80]), healthCheck: {} }],
      tiny,
    );
    expect(lb?.full).toBe("spec.healthCheckNodePort");
  });
});
