import { describe, expect, it } from "vitest";
import { buildCluster } from "./build.ts";
import { buildNodes } from "./nodes.ts";
import { apiServerIP } from "./system.ts";
import { service, sourced } from "./testutil.ts";

describe("implicit system objects", () => {
  const cluster = buildCluster([]);

  it("always has the namespaces default, kube-node-lease, kube-public and kube-system", () => {
    expect(cluster.namespaces).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
  });

  it("has svc/default/kubernetes at 10.96.0.1:443 -> 6443, selector-less, with its EndpointSlice `kubernetes`", () => {
    const svc = cluster.services.find((s) => s.ref === "svc/default/kubernetes");
    expect(svc).toMatchObject({
      clusterIP: "10.96.0.1",
      selector: null,
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    });
    const slice = cluster.endpointSlices.find((s) => s.ref === "endpointslice/default/kubernetes");
    expect(slice).toMatchObject({
      service: "svc/default/kubernetes",
      endpoints: [{ addresses: ["192.168.0.11"], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    });
  });

  it("has svc/kube-system/kube-dns at 10.96.0.10 backed by two CoreDNS pods, as kubeadm creates them", () => {
    const dns = cluster.services.find((s) => s.ref === "svc/kube-system/kube-dns");
    expect(dns).toMatchObject({
      clusterIP: "10.96.0.10",
      selector: { "k8s-app": "kube-dns" },
      ports: [
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "dns-tcp", port: 53, protocol: "TCP" },
        { name: "metrics", port: 9153, protocol: "TCP" },
      ],
    });
    const coredns = cluster.pods.filter((p) => p.owner === "deployment/kube-system/coredns");
    expect(coredns).toHaveLength(2);
    expect(coredns[0]?.name).toMatch(/^coredns-[a-z0-9]+-[a-z0-9]{5}$/);
    const slices = cluster.endpointSlices.filter((s) => s.service === "svc/kube-system/kube-dns");
    expect(slices.flatMap((s) => s.endpoints.map((e) => e.targetRef))).toEqual(coredns.map((p) => p.ref));
    expect(
      cluster.objects.some((o) => o.object.kind === "Deployment" && o.object.metadata.name === "coredns"),
    ).toBe(true);
  });

  it("lets the manifests' own kube-dns Service win over the default", () => {
    const mine = service(
      "kube-dns",
      { clusterIP: "10.96.0.10", selector: { app: "my-dns" }, ports: [{ port: 53, protocol: "UDP" }] },
      "kube-system",
    );
    const dns = buildCluster(sourced([mine])).services.filter((s) => s.ref === "svc/kube-system/kube-dns");
    expect(dns).toHaveLength(1);
    expect(dns[0]?.selector).toEqual({ app: "my-dns" });
  });

  it("points the API server address at the control-plane node when one has the role label, else the first node", () => {
    const nodes = buildNodes(
      sourced([
        { apiVersion: "v1", kind: "Node", metadata: { name: "w" } },
        {
          apiVersion: "v1",
          kind: "Node",
          metadata: { name: "cp", labels: { "node-role.kubernetes.io/control-plane": "" } },
        },
      ]),
    );
    expect(apiServerIP(nodes)).toBe(nodes[1]?.internalIP);
    expect(apiServerIP(buildNodes([]))).toBe("192.168.0.11");
  });
});
