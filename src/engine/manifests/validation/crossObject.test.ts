import { describe, expect, it } from "vitest";
import { loadManifests } from "../load.ts";
import { problems, service } from "../testutil.ts";

describe("rules across objects", () => {
  it("refuses the same kind, namespace and name twice, across files, pointing at the first", () => {
    const text = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n";
    const result = loadManifests([
      { name: "a.yaml", text },
      { name: "b.yaml", text },
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: "b.yaml",
        line: 3,
        path: "metadata.name",
        message:
          'Duplicate value: "web": Service svc/default/web is already defined at a.yaml:1:1; applying both would leave only the last one',
      }),
    ]);
  });

  it("tells apart objects of other kinds or namespaces with one name", () => {
    const other = service({});
    (other as { metadata: Record<string, string> }).metadata.namespace = "shop";
    const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } };
    expect(problems([service({}), other, ns])).toEqual([]);
  });

  // portallocator: nodePort within --service-node-port-range (settings.nodePortRange)
  it("keeps a requested nodePort inside the node port range", () => {
    expect(problems([service({ type: "NodePort", ports: [{ port: 80, nodePort: 80 }] })])).toEqual([
      "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
    const custom = { nodePortRange: { min: 20000, max: 20100 } };
    expect(problems([service({ type: "NodePort", ports: [{ port: 80, nodePort: 20080 }] })], custom)).toEqual(
      [],
    );
  });

  // portallocator: one bitmap for all protocols, so a nodePort is taken across Services whatever the protocol
  it("refuses a nodePort another Service already has, whatever the protocol", () => {
    const a = service({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, "a");
    const b = service({ type: "LoadBalancer", ports: [{ port: 80, nodePort: 30080, protocol: "UDP" }] }, "b");
    expect(problems([a, b])).toEqual([
      "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated (to svc/default/a)",
    ]);
  });

  // ipallocator: clusterIP inside --service-cluster-ip-range (settings.serviceCIDR)
  it("keeps a requested clusterIP inside the Service CIDR", () => {
    expect(problems([service({ clusterIP: "10.0.0.10" })])).toEqual([
      'spec.clusterIP: Invalid value: "10.0.0.10": failed to allocate IP 10.0.0.10: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
    expect(problems([service({ clusterIP: "10.96.0.0" })])[0]).toContain("not in the valid range");
    expect(problems([service({ clusterIP: "10.0.0.20" })], { serviceCIDR: "10.0.0.0/16" })).toEqual([]);
  });

  // ipallocator: one address per Service; the kubernetes and kube-dns Services hold theirs
  it("refuses a clusterIP another Service holds, including the implicit kubernetes and kube-dns Services", () => {
    const a = service({ clusterIP: "10.96.100.1" }, "a");
    const b = service({ clusterIP: "10.96.100.1" }, "b");
    expect(problems([a, b])).toEqual([
      'spec.clusterIP: Invalid value: "10.96.100.1": failed to allocate IP 10.96.100.1: provided IP is already allocated (to svc/default/a)',
    ]);
    expect(problems([service({ clusterIP: "10.96.0.10" })])).toEqual([
      'spec.clusterIP: Invalid value: "10.96.0.10": failed to allocate IP 10.96.0.10: provided IP is already allocated (to svc/kube-system/kube-dns)',
    ]);
  });

  it("warns about objects in a namespace that no Namespace defines", () => {
    const inShop = service({});
    (inShop as { metadata: Record<string, string> }).metadata.namespace = "shop";
    expect(problems([inShop])).toEqual([
      'warning metadata.namespace: namespace "shop" is not defined by any Namespace here: a real cluster refuses objects in it (namespaces "shop" not found) until it exists; the simulator assumes it does',
    ]);
  });
});
