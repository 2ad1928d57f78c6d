import { describe, expect, it } from "vitest";
import { dnsLookup } from "../trace/trace.ts";
import type { DataPlane } from "./dataplane.ts";
import { type RecordType, searchCandidates, searchList } from "./dns.ts";
import { resolveSource } from "./source.ts";
import { dataPlaneFromYaml, detailOf, traceOf } from "./testing.ts";

function lookupFrom(dp: DataPlane, from: string, name: string, type?: RecordType) {
  const source = resolveSource(dp, from);
  if (!source.ok) throw new Error(source.message);
  const { result, hops } = dnsLookup(dp, source.value, name, type ?? (name.startsWith("_") ? "SRV" : "A"));
  if ("outcome" in result) throw new Error(`lookup ended ${result.outcome}`);
  return { ...result, hops };
}

/** The DNS docs' pod with hostname and subdomain, behind the headless Service of the same name. */
const BUSYBOX = `
apiVersion: v1
kind: Service
metadata:
  name: busybox-subdomain
spec:
  selector:
    name: busybox
  clusterIP: None
  ports:
  - name: foo # name is not required for single-port Services
    port: 1234
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox1
  labels:
    name: busybox
spec:
  hostname: busybox-1
  subdomain: busybox-subdomain
  containers:
  - image: busybox:1.28
    command:
      - sleep
      - "3600"
    name: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox2
  labels:
    name: busybox
spec:
  hostname: busybox-2
  subdomain: busybox-subdomain
  containers:
  - image: busybox:1.28
    command:
      - sleep
      - "3600"
    name: busybox
`;

/** The StatefulSet docs' example: a headless Service and the StatefulSet that names it. */
const STATEFULSET = `
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
---
apiVersion: v1
kind: Service
metadata: {name: web-svc}
spec:
  selector: {app: nginx}
  ports: [{name: http, port: 8080, targetPort: web}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;

describe("the stub resolver's search path", () => {
  const search = searchList("default", "cluster.local");

  it("writes the kubelet's ClusterFirst search list (DNS docs: namespace.svc, svc, cluster domain)", () => {
    expect(search).toEqual(["default.svc.cluster.local", "svc.cluster.local", "cluster.local"]);
  });

  it("tries the search list first for a name with fewer than ndots dots (resolv.conf(5): ndots)", () => {
    expect(searchCandidates("web", search)).toEqual([
      "web.default.svc.cluster.local",
      "web.svc.cluster.local",
      "web.cluster.local",
      "web",
    ]);
    expect(searchCandidates("example.com", search).at(-1)).toBe("example.com");
  });

  it("tries a name with at least ndots dots as is first (resolv.conf(5): ndots)", () => {
    expect(searchCandidates("a.b.c.d.e.f", search)[0]).toBe("a.b.c.d.e.f");
    expect(searchCandidates("web.default.svc.cluster.local", search)[0]).toBe(
      "web.default.svc.cluster.local.default.svc.cluster.local",
    );
  });

  it("tries an absolute name (trailing dot) alone", () => {
    expect(searchCandidates("web.default.svc.cluster.local.", search)).toEqual([
      "web.default.svc.cluster.local",
    ]);
  });
});

describe("CoreDNS records (kubernetes/dns docs/specification.md)", () => {
  it("answers a Service's ClusterIP for SVC.NS.svc.cluster.local, reached through the search list (spec 2.3.1)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const answer = lookupFrom(dp, "pod/default/client", "web-svc");
    expect(answer.name).toBe("web-svc.default.svc.cluster.local");
    expect(answer.response.answers).toEqual([
      {
        name: "web-svc.default.svc.cluster.local",
        type: "A",
        data: dp.services.get("default/web-svc")?.state.clusterIP,
        ttl: 30,
      },
    ]);
    expect(answer.attempts).toEqual([{ name: "web-svc.default.svc.cluster.local", rcode: "NOERROR" }]);
  });

  it("queries as a pod does: UDP to kube-dns 10.96.0.10:53, DNAT by kube-proxy to a CoreDNS pod, in the dns phase", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const { hops } = lookupFrom(dp, "pod/default/client", "web-svc");
    expect(hops.every((h) => h.phase === "dns")).toBe(true);
    expect(hops[0]).toMatchObject({
      kind: "dns-query",
      at: "pod/default/client",
      before: { protocol: "UDP", dst: { ip: "10.96.0.10", port: 53 } },
    });
    const dnat = hops.find((h) => h.kind === "dnat");
    expect(dnat?.at).toBe("svc/kube-system/kube-dns");
    expect(detailOf(dnat)).toContain("KUBE-SVC-TCOU7JCQXEZGVUNU");
    const server = hops.find((h) => h.at.startsWith("pod/kube-system/coredns-"));
    expect(server?.kind).toBe("dns-answer");
    expect(hops.at(-1)?.after.src).toEqual({ ip: "10.96.0.10", port: 53 });
  });

  it("answers a headless Service with its ready endpoints' IPs (spec 2.4.1)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const ips = dp.cluster.pods.filter((p) => p.labels.app === "nginx").map((p) => p.podIP);
    const answer = lookupFrom(dp, "pod/default/client", "nginx");
    expect(answer.response.answers.map((a) => a.data).sort()).toEqual([...ips].sort());
  });

  it("leaves not-ready pods out of a headless answer unless publishNotReadyAddresses is set (Service API: publishNotReadyAddresses)", () => {
    const notReady = BUSYBOX.replace(
      "  name: busybox2\n",
      `  name: busybox2\n  annotations: {svclab.dev/ready: "false"}\n`,
    );
    const dp = dataPlaneFromYaml(
      `${notReady}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: busybox}]}\n`,
    );
    const ready = dp.podByRef.get("pod/default/busybox1")?.podIP;
    expect(
      lookupFrom(dp, "pod/default/client", "busybox-subdomain").response.answers.map((a) => a.data),
    ).toEqual([ready]);
    expect(lookupFrom(dp, "pod/default/client", "busybox-2.busybox-subdomain").response.rcode).toBe(
      "NXDOMAIN",
    );
    const published = dataPlaneFromYaml(
      `${notReady.replace("  clusterIP: None", "  clusterIP: None\n  publishNotReadyAddresses: true")}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: busybox}]}\n`,
    );
    expect(lookupFrom(published, "pod/default/client", "busybox-subdomain").response.answers).toHaveLength(2);
  });

  it("answers HOSTNAME.SUBDOMAIN.NS.svc.cluster.local for a pod with hostname and subdomain (DNS docs: Pod's hostname and subdomain fields)", () => {
    const dp = dataPlaneFromYaml(
      `${BUSYBOX}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: busybox}]}\n`,
    );
    const answer = lookupFrom(
      dp,
      "pod/default/client",
      "busybox-1.busybox-subdomain.default.svc.cluster.local",
    );
    expect(answer.response.answers).toEqual([
      expect.objectContaining({ type: "A", data: dp.podByRef.get("pod/default/busybox1")?.podIP }),
    ]);
  });

  it("gives each StatefulSet pod a stable name, web-0.nginx.default.svc.cluster.local (StatefulSet docs: stable network ID)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const answer = lookupFrom(dp, "pod/default/client", "web-0.nginx");
    expect(answer.name).toBe("web-0.nginx.default.svc.cluster.local");
    expect(answer.response.answers[0]?.data).toBe(dp.podByRef.get("pod/default/web-0")?.podIP);
  });

  it("answers SRV for a named port: the Service name for a ClusterIP, each endpoint for a headless one (spec 2.3.2, 2.4.2)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    expect(
      lookupFrom(dp, "pod/default/client", "_http._tcp.web-svc.default.svc.cluster.local").response.answers,
    ).toEqual([
      {
        name: "_http._tcp.web-svc.default.svc.cluster.local",
        type: "SRV",
        data: "0 100 8080 web-svc.default.svc.cluster.local",
        ttl: 30,
      },
    ]);
    const headless = lookupFrom(dp, "pod/default/client", "_web._tcp.nginx.default.svc.cluster.local")
      .response.answers;
    expect(headless.map((a) => a.data).sort()).toEqual([
      "0 33 80 web-0.nginx.default.svc.cluster.local",
      "0 33 80 web-1.nginx.default.svc.cluster.local",
      "0 33 80 web-2.nginx.default.svc.cluster.local",
    ]);
    expect(
      lookupFrom(dp, "pod/default/client", "_nope._tcp.web-svc.default.svc.cluster.local").response.rcode,
    ).toBe("NXDOMAIN");
  });

  it("answers an ExternalName Service with a CNAME, then the target's address from upstream (spec 2.5.1)", () => {
    const dp = dataPlaneFromYaml(
      `apiVersion: v1
kind: Service
metadata:
  name: my-service
  namespace: prod
spec:
  type: ExternalName
  externalName: my.database.example.com
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: prod}
spec: {containers: [{name: c, image: busybox}]}
`,
      { settings: { externalHosts: { "my.database.example.com": "192.0.2.44" } } },
    );
    const answer = lookupFrom(dp, "pod/prod/client", "my-service");
    expect(answer.response.answers.map((a) => [a.type, a.data])).toEqual([
      ["CNAME", "my.database.example.com"],
      ["A", "192.0.2.44"],
    ]);
    const t = traceOf(dp, "pod/prod/client", "http://my-service/");
    expect(t.outcome).toBe("delivered");
    // DESIGN.md: the backend is whatever answered; no pod did, so pod and node are null.
    expect(t.backend).toMatchObject({ pod: null, node: null, ip: "192.0.2.44", port: 80 });
    expect(t.hops.at(-1)?.at).toBe("external/my.database.example.com");
    expect(t.hops.some((h) => h.phase === "request" && h.kind === "dnat")).toBe(false);
  });

  it("fails with NXDOMAIN when an ExternalName's target does not resolve upstream", () => {
    const dp = dataPlaneFromYaml(`apiVersion: v1
kind: Service
metadata: {name: gone}
spec: {type: ExternalName, externalName: nowhere.invalid}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: c, image: busybox}]}
`);
    expect(lookupFrom(dp, "pod/default/client", "gone").response.rcode).toBe("NXDOMAIN");
    expect(traceOf(dp, "pod/default/client", "gone:80").outcome).toBe("nxdomain");
  });

  it("answers the ClusterIP of a Service without a selector (Service docs: Services without selectors)", () => {
    const dp = dataPlaneFromYaml(`apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: 9376
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: c, image: busybox}]}
`);
    expect(lookupFrom(dp, "pod/default/client", "my-service").response.answers[0]?.data).toBe(
      dp.services.get("default/my-service")?.state.clusterIP,
    );
  });

  it("answers A-B-C-D.NS.pod.cluster.local with the address it names (CoreDNS `pods insecure`, spec 2.6)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    expect(
      lookupFrom(dp, "pod/default/client", "10-244-1-7.default.pod.cluster.local").response.answers[0]?.data,
    ).toBe("10.244.1.7");
  });

  it("returns NXDOMAIN after the whole search list for a name that does not exist (spec: NXDOMAIN)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const answer = lookupFrom(dp, "pod/default/client", "nope");
    expect(answer.response.rcode).toBe("NXDOMAIN");
    expect(answer.attempts.map((a) => a.name)).toEqual([
      "nope.default.svc.cluster.local",
      "nope.svc.cluster.local",
      "nope.cluster.local",
      "nope",
    ]);
    expect(traceOf(dp, "pod/default/client", "http://nope/").outcome).toBe("nxdomain");
  });

  it("finds a Service of another namespace as SVC.NS, and not as SVC alone", () => {
    const dp = dataPlaneFromYaml(
      `${STATEFULSET}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: other}\nspec: {containers: [{name: c, image: busybox}]}\n`,
    );
    expect(lookupFrom(dp, "pod/other/other", "web-svc").response.rcode).toBe("NXDOMAIN");
    expect(lookupFrom(dp, "pod/other/other", "web-svc.default").name).toBe(
      "web-svc.default.svc.cluster.local",
    );
  });

  it("forwards names outside the cluster domain to the upstream after the search list (Corefile: forward . /etc/resolv.conf)", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    const answer = lookupFrom(dp, "pod/default/client", "example.com");
    expect(answer.attempts).toHaveLength(4);
    expect(answer.response).toMatchObject({
      rcode: "NOERROR",
      from: "upstream",
      answers: [{ data: "93.184.215.14" }],
    });
  });

  it("resolves only external names from nodes and the external client: they use the upstream, not cluster DNS", () => {
    const dp = dataPlaneFromYaml(STATEFULSET);
    for (const from of ["node/node-1", "external"]) {
      expect(lookupFrom(dp, from, "web-svc.default.svc.cluster.local").response.rcode).toBe("NXDOMAIN");
      expect(lookupFrom(dp, from, "example.com").response.answers[0]?.data).toBe("93.184.215.14");
      expect(lookupFrom(dp, from, "example.com").hops.some((h) => h.at === "svc/kube-system/kube-dns")).toBe(
        false,
      );
    }
  });

  it("refuses lookups when every CoreDNS pod is on a failed node: kube-dns has no endpoints", () => {
    const yaml = STATEFULSET.replace("  nodeName: node-1\n", "  nodeName: node-3\n");
    const coreDNSNodes = dataPlaneFromYaml(yaml)
      .cluster.pods.filter((p) => p.labels["k8s-app"] === "kube-dns")
      .map((p) => p.nodeName);
    expect(coreDNSNodes.sort()).toEqual(["node-1", "node-2"]);
    const dp = dataPlaneFromYaml(yaml, { failedNodes: ["node-1", "node-2"] });
    const t = traceOf(dp, "pod/default/client", "http://web-svc:8080/");
    expect(t.outcome).toBe("refused");
    expect(t.hops.at(-1)).toMatchObject({ phase: "dns", kind: "reject", at: "svc/kube-system/kube-dns" });
  });
});

/** Answers as `dig` shows them: "TYPE data", for comparing with CoreDNS's handler tests. */
const records = (dp: DataPlane, name: string, type: RecordType) => {
  const r = lookupFrom(dp, "pod/default/client", name, type);
  return { rcode: r.response.rcode, answers: r.response.answers.map((a) => `${a.type} ${a.data}`) };
};

describe("CoreDNS's answers to other names and types (coredns plugin/kubernetes handler_test.go)", () => {
  const dp = dataPlaneFromYaml(STATEFULSET);

  it("answers NOERROR with no records for names that exist only as parents: svc., NS.svc., pod. and the zone", () => {
    for (const name of [
      "svc.cluster.local.",
      "default.svc.cluster.local.",
      "pod.cluster.local.",
      "cluster.local.",
    ]) {
      expect(records(dp, name, "A")).toEqual({ rcode: "NOERROR", answers: [] });
    }
    // A namespace that does not exist is no parent of anything (coredns: namespaceExposed).
    expect(records(dp, "nowhere.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("lists a headless Service's SRV target once per hostname and port, the weight split over every endpoint (backend_lookup.go SRV)", () => {
    const shared = dataPlaneFromYaml(
      `${STATEFULSET}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: dup-1, labels: {kubernetes.io/service-name: dup}}
addressType: IPv4
ports: [{name: http, port: 80, protocol: TCP}]
endpoints:
  - {addresses: [10.244.9.4], hostname: dup-name}
  - {addresses: [10.244.9.5], hostname: dup-name}
  - {addresses: [10.244.9.6]}
---
apiVersion: v1
kind: Service
metadata: {name: dup}
spec: {clusterIP: None, ports: [{name: http, port: 80}]}
`,
    );
    expect(records(shared, "_http._tcp.dup.default.svc.cluster.local.", "SRV").answers.sort()).toEqual([
      "SRV 0 33 80 10-244-9-6.dup.default.svc.cluster.local",
      "SRV 0 33 80 dup-name.dup.default.svc.cluster.local",
    ]);
  });

  it("answers SRV for a plain Service name: each port of a ClusterIP Service, targeting the Service (handler_test.go svc1 SRV)", () => {
    expect(records(dp, "web-svc.default.svc.cluster.local.", "SRV").answers).toEqual([
      "SRV 0 100 8080 web-svc.default.svc.cluster.local",
    ]);
    expect(records(dp, "nginx.default.svc.cluster.local.", "SRV").answers.sort()).toEqual([
      "SRV 0 33 80 web-0.nginx.default.svc.cluster.local",
      "SRV 0 33 80 web-1.nginx.default.svc.cluster.local",
      "SRV 0 33 80 web-2.nginx.default.svc.cluster.local",
    ]);
  });

  it("answers AAAA with NODATA on an IPv4 cluster where A has records, NXDOMAIN where the name does not exist", () => {
    expect(records(dp, "web-svc", "AAAA")).toEqual({ rcode: "NOERROR", answers: [] });
    expect(records(dp, "web-0.nginx", "AAAA")).toEqual({ rcode: "NOERROR", answers: [] });
    expect(records(dp, "ghost.default.svc.cluster.local.", "AAAA").rcode).toBe("NXDOMAIN");
  });

  it("publishes the schema version as TXT at dns-version.cluster.local (spec 2.1: 1.1.0, TTL 28800)", () => {
    const r = lookupFrom(dp, "pod/default/client", "dns-version.cluster.local.", "TXT");
    expect(r.response.answers).toEqual([
      { name: "dns-version.cluster.local", type: "TXT", data: "1.1.0", ttl: 28800 },
    ]);
  });

  it("answers PTR for a ClusterIP with the Service's name, and for an endpoint's address with its name under each Service (reverse.go)", () => {
    const clusterIP = dp.services.get("default/web-svc")?.state.clusterIP ?? "";
    const reverse = (ip: string) => `${ip.split(".").reverse().join(".")}.in-addr.arpa.`;
    expect(records(dp, reverse(clusterIP), "PTR").answers).toEqual(["PTR web-svc.default.svc.cluster.local"]);
    const web0 = dp.podByRef.get("pod/default/web-0")?.podIP ?? "";
    expect(records(dp, reverse(web0), "PTR").answers.sort()).toEqual([
      `PTR ${web0.replaceAll(".", "-")}.web-svc.default.svc.cluster.local`,
      "PTR web-0.nginx.default.svc.cluster.local",
    ]);
    // An address no Service knows falls through to the upstream, which has no record.
    expect(records(dp, reverse("10.244.77.77"), "PTR").rcode).toBe("NXDOMAIN");
  });

  it("answers CNAME for an ExternalName Service with the CNAME alone (handler_test.go: CNAME External)", () => {
    const ext = dataPlaneFromYaml(
      `${STATEFULSET}---
apiVersion: v1
kind: Service
metadata: {name: external}
spec: {type: ExternalName, externalName: ext.interwebs.test}
`,
    );
    expect(records(ext, "external.default.svc.cluster.local.", "CNAME").answers).toEqual([
      "CNAME ext.interwebs.test",
    ]);
  });
});
