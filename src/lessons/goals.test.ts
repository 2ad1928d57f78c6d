import { describe, expect, it } from "vitest";
import { type Goal, goalMet, matchesPattern, type StreamGoal } from "./goals.ts";
import { lessonById } from "./index.ts";
import { type HeadlessSession, runCommand, startSession } from "./replay.ts";
import type { LessonCommand } from "./types.ts";

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{name: http, containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: curl, image: curlimages/curl:8.11.1}]
`;

function sessionAfter(commands: LessonCommand[], yaml = WEB): HeadlessSession {
  const session = startSession({ manifests: [{ name: "web.yaml", text: yaml }] });
  for (const command of commands) expect(runCommand(session, command)).toBeNull();
  return session;
}

const met = (goal: Goal, commands: LessonCommand[], yaml?: string) =>
  goalMet(goal, sessionAfter(commands, yaml).record);

describe("patterns", () => {
  it("match whole refs, with * for any run of characters", () => {
    expect(matchesPattern("svc/default/*", "svc/default/web")).toBe(true);
    expect(matchesPattern("svc/default/*", "svc/kube-system/kube-dns")).toBe(false);
    expect(matchesPattern("node/node-1", "node/node-10")).toBe(false);
    expect(matchesPattern("db-*", "db-0.db")).toBe(true);
  });
});

describe("delivered", () => {
  const viaService: Goal = {
    kind: "delivered",
    from: "pod/*",
    to: { clusterIPOf: "svc/default/web" },
    via: ["svc/default/web"],
    toPodOf: "svc/default/web",
  };

  it("judges where the packet went, so a name and the ClusterIP both reach the ClusterIP", () => {
    expect(met(viaService, [{ id: "send", from: "pod/default/client", to: "http://web/" }])).toBe(true);
    expect(
      met(viaService, [
        { id: "send", from: "pod/default/client", to: "http://{clusterIP:svc/default/web}/" },
      ]),
    ).toBe(true);
  });

  it("is not met by a request from another sender or to another address", () => {
    expect(
      met(viaService, [{ id: "send", from: "node/node-1", to: "http://{clusterIP:svc/default/web}/" }]),
    ).toBe(false);
    expect(
      met(viaService, [{ id: "send", from: "pod/default/client", to: "http://{podIP:pod/default/client}/" }]),
    ).toBe(false);
  });

  it("whileFailed looks at the nodes failed when the request was sent, not now", () => {
    const goal: Goal = {
      kind: "delivered",
      from: "client/external",
      via: ["lb/default/web"],
      whileFailed: ["node/node-2"],
    };
    const send: LessonCommand = {
      id: "send",
      from: "client/external",
      to: "http://{loadBalancerIP:svc/default/web}/",
    };
    expect(met(goal, [send, { id: "failNode", node: "node/node-2" }])).toBe(false);
    expect(
      met(goal, [{ id: "failNode", node: "node/node-2" }, send, { id: "recoverNode", node: "node/node-2" }]),
    ).toBe(true);
  });

  it("notVia rejects a request that passed a Service; via wants the objects in order", () => {
    const direct = { id: "send", from: "pod/default/client", to: "http://web/" } as const;
    expect(met({ kind: "delivered", notVia: ["svc/*"] }, [direct])).toBe(false);
    expect(met({ kind: "delivered", via: ["svc/default/web", "pod/default/web-*"] }, [direct])).toBe(true);
    expect(met({ kind: "delivered", via: ["pod/default/web-*", "svc/default/web"] }, [direct])).toBe(false);
  });

  it("distinctBackends and atLeast count what was delivered", () => {
    const many: LessonCommand = { id: "sendMany", from: "pod/default/client", to: "http://web/", count: 12 };
    expect(
      met({ kind: "delivered", distinctBackends: 2 }, [
        { id: "send", from: "pod/default/client", to: "http://web/" },
      ]),
    ).toBe(false);
    expect(met({ kind: "delivered", distinctBackends: 2, atLeast: 12 }, [many])).toBe(true);
    expect(met({ kind: "delivered", atLeast: 13 }, [many])).toBe(false);
  });

  it("inARow wants the latest requests all delivered", () => {
    const goal: Goal = { kind: "delivered", from: "client/external", to: { nodeIPOf: "node/*" }, inARow: 3 };
    const toNode = (n: number): LessonCommand => ({
      id: "send",
      from: "client/external",
      to: `http://{nodeIP:node/node-${n}}:{nodePort:svc/default/web}/`,
    });
    expect(met(goal, [toNode(1), toNode(2), toNode(3)])).toBe(true);
    expect(met(goal, [{ id: "failNode", node: "node/node-1" }, toNode(2), toNode(3), toNode(1)])).toBe(false);
    expect(
      met(goal, [{ id: "failNode", node: "node/node-1" }, toNode(1), toNode(2), toNode(3), toNode(2)]),
    ).toBe(true);
  });

  it("clientIP tells a preserved source address from a translated one", () => {
    const viaLb: LessonCommand = {
      id: "send",
      from: "client/external",
      to: "http://{loadBalancerIP:svc/default/web}/",
    };
    expect(met({ kind: "delivered", clientIP: "translated" }, [viaLb])).toBe(true);
    expect(met({ kind: "delivered", clientIP: "preserved" }, [viaLb])).toBe(false);
    const local = WEB.replace("type: LoadBalancer", "type: LoadBalancer\n  externalTrafficPolicy: Local");
    expect(met({ kind: "delivered", clientIP: "preserved" }, [viaLb], local)).toBe(true);
  });

  it("hops wants hops of a kind, at a place, caused by a field: a certificate from the Ingress, not the default one", () => {
    const ingress = (tls: string) => `${WEB}---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-tls}
type: kubernetes.io/tls
stringData: {tls.crt: cert, tls.key: key}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx
${tls}
  rules:
    - host: shop.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]
`;
    const https: LessonCommand = { id: "send", from: "client/external", to: "https://shop.example.com/" };
    const certificate: Goal = {
      kind: "delivered",
      hops: [
        { kind: "tls-terminate", at: "pod/ingress-nginx/*", field: "spec.tls[*]" },
        { kind: "l7-route", at: "ingress/default/shop", field: "spec.rules[0].http.paths[0].path" },
      ],
    };
    const withTls = ingress("  tls: [{hosts: [shop.example.com], secretName: shop-tls}]");
    expect(met(certificate, [https], withTls)).toBe(true);
    // Without spec.tls, ingress-nginx still terminates HTTPS, with its default certificate: no cause.
    expect(met(certificate, [https], ingress(""))).toBe(false);
    // A Secret that does not exist is the cause of a hop too, but by its secretName field.
    expect(met(certificate, [https], withTls.replace("secretName: shop-tls", "secretName: missing"))).toBe(
      false,
    );
  });
});

describe("outcome", () => {
  it("is met by a request that ended so", () => {
    const goal: Goal = { kind: "outcome", from: "client/external", outcome: "timeout" };
    expect(
      met(goal, [{ id: "send", from: "client/external", to: "http://{clusterIP:svc/default/web}/" }]),
    ).toBe(true);
    expect(
      met(goal, [{ id: "send", from: "client/external", to: "http://{loadBalancerIP:svc/default/web}/" }]),
    ).toBe(false);
  });
});

describe("dnsAnswer", () => {
  const lookup = (name: string): LessonCommand => ({ id: "dns", name, from: "pod/default/client" });

  it("addresses wants exactly that set; within, a subset of it", () => {
    const own: Goal = { kind: "dnsAnswer", type: "A", addresses: { clusterIPOf: "svc/default/web" } };
    const any: Goal = { kind: "dnsAnswer", type: "A", within: { clusterIPOf: "svc/default/*" } };
    const all: Goal = { kind: "dnsAnswer", type: "A", addresses: { clusterIPOf: "svc/default/*" } };
    expect(met(own, [lookup("web")])).toBe(true);
    expect(met(any, [lookup("web")])).toBe(true);
    expect(met(all, [lookup("web")])).toBe(false);
    expect(met(own, [lookup("kubernetes")])).toBe(false);
  });

  it("matches a Service by what it selects, whatever it is called", () => {
    const goal: Goal = { kind: "dnsAnswer", type: "A", within: { clusterIPOf: { selects: { app: "web" } } } };
    expect(met(goal, [lookup("web.default.svc.cluster.local")])).toBe(true);
    expect(met(goal, [lookup("kubernetes.default")])).toBe(false);
  });

  it("a CNAME goal wants a CNAME with that data", () => {
    const yaml = `${WEB}---\napiVersion: v1\nkind: Service\nmetadata: {name: docs}\nspec: {type: ExternalName, externalName: www.example.com}\n`;
    expect(met({ kind: "dnsAnswer", type: "CNAME", data: "www.example.com" }, [lookup("docs")], yaml)).toBe(
      true,
    );
    expect(met({ kind: "dnsAnswer", type: "CNAME", data: "api.example.org" }, [lookup("docs")], yaml)).toBe(
      false,
    );
    expect(met({ kind: "dnsAnswer", type: "CNAME" }, [lookup("web")], yaml)).toBe(false);
  });
});

describe("serviceExists and nodeFailed", () => {
  it("judge the cluster as it stands", () => {
    expect(
      met({ kind: "serviceExists", type: "LoadBalancer", selects: { app: "web" }, readyEndpoints: 3 }, []),
    ).toBe(true);
    expect(met({ kind: "serviceExists", type: "NodePort" }, [])).toBe(false);
    expect(
      met({ kind: "serviceExists", selects: { app: "web" }, readyEndpoints: 3 }, [
        { id: "failNode", node: "node/node-1" },
      ]),
    ).toBe(false);
    expect(met({ kind: "nodeFailed", node: "node/*" }, [{ id: "failNode", node: "node/node-3" }])).toBe(true);
    expect(met({ kind: "nodeFailed", node: "node/*" }, [])).toBe(false);
  });
});

describe("stream (the simulation on the virtual clock)", () => {
  const lb = { from: "client/external", to: { loadBalancerIPOf: "svc/default/web" } } as const;
  const toLB: LessonCommand = {
    id: "addStream",
    name: "lb",
    from: "external",
    to: "http://{loadBalancerIP:svc/default/web}/",
    rate: 10,
  };
  const fail10: LessonCommand = { id: "scenarioEvent", at: 10, action: "fail-node", node: "node/node-2" };
  const after = { action: "fail-node", target: "node/node-2" } as const;

  it("is not met before anything was simulated", () => {
    expect(met({ kind: "stream", ...lb, windows: [{ from: 0, all: "delivered" }] }, [])).toBe(false);
  });

  it("judges windows of seconds: all, some, none of an outcome", () => {
    const session = sessionAfter([toLB, fail10]);
    const goal = (windows: StreamGoal["windows"]): Goal => ({ kind: "stream", ...lb, windows });
    // Second 9's last requests are in flight when node-2 fails at 10 s and are lost at it (trace/timing.ts).
    expect(goalMet(goal([{ from: 0, to: 9, all: "delivered" }]), session.record)).toBe(true);
    expect(goalMet(goal([{ from: 0, to: 11, all: "delivered" }]), session.record)).toBe(false);
    expect(goalMet(goal([{ from: 10, to: 11, some: "timeout" }]), session.record)).toBe(true);
    expect(goalMet(goal([{ from: 0, to: 9, none: "timeout" }]), session.record)).toBe(true);
    expect(goalMet(goal([{ from: 100, none: "timeout" }]), session.record)).toBe(true);
  });

  it("counts from the scenario's event when it names one, and is not met without that event", () => {
    const goal: Goal = { kind: "stream", ...lb, after, windows: [{ from: 0, to: 1, some: "timeout" }] };
    expect(met(goal, [toLB])).toBe(false);
    expect(met(goal, [toLB, fail10])).toBe(true);
    expect(met(goal, [toLB, { ...fail10, at: 30 }])).toBe(true);
  });

  it("wants windows inside the simulated time, and streams matching sender and address", () => {
    const beyond: Goal = {
      kind: "stream",
      ...lb,
      after,
      windows: [{ from: 100, to: 115, all: "delivered" }],
    };
    expect(met(beyond, [toLB, fail10])).toBe(false);
    const nodePort: Goal = {
      kind: "stream",
      from: "client/external",
      port: { nodePortOf: "svc/default/web" },
      windows: [{ from: 0, to: 5, all: "delivered" }],
    };
    expect(met(nodePort, [toLB])).toBe(false);
    const fromPod: Goal = {
      kind: "stream",
      from: "pod/default/client",
      windows: [{ from: 0, to: 5, all: "delivered" }],
    };
    expect(met(fromPod, [toLB])).toBe(false);
  });

  it("is judged again when the manifests change: the simulation follows them", () => {
    const goal: Goal = { kind: "stream", ...lb, windows: [{ from: 0, to: 5, all: "refused" }] };
    const noPorts = WEB.replace(
      "ports: [{name: http, port: 80, targetPort: http}]",
      "ports: [{name: http, port: 80, targetPort: 8080}]",
    );
    const session = sessionAfter([toLB]);
    expect(goalMet(goal, session.record)).toBe(false);
    expect(
      runCommand(session, { id: "editManifests", files: [{ name: "web.yaml", text: noPorts }] }),
    ).toBeNull();
    expect(goalMet(goal, session.record)).toBe(true);
  });
});

describe("the summary's exercise takes any correct answer", () => {
  const summary = lessonById("10-summary");
  const payments = summary?.steps.find((s) => s.id === "payments");

  it("a selectorless Service in front of the provider's address passes as well as an ExternalName", () => {
    const selectorless = `
apiVersion: v1
kind: Service
metadata: {name: payments}
spec:
  ports: [{name: https, port: 443}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: payments-1
  labels: {kubernetes.io/service-name: payments}
addressType: IPv4
ports: [{name: https, port: 443, protocol: TCP}]
endpoints: [{addresses: [192.0.2.30]}]
`;
    if (!summary || !payments) throw new Error("the summary lesson has a payments step");
    const session = startSession(summary);
    expect(
      runCommand(session, { id: "editManifests", files: [{ name: "payments.yaml", text: selectorless }] }),
    ).toBeNull();
    expect(goalMet(payments.goal, session.record)).toBe(false);
    expect(
      runCommand(session, { id: "send", from: "pod/default/orders", to: "https://payments/" }),
    ).toBeNull();
    expect(goalMet(payments.goal, session.record)).toBe(true);
  });

  it("a NodePort is not what the public step asks for", () => {
    const step = summary?.steps.find((s) => s.id === "public");
    if (!summary || !step) throw new Error("the summary lesson has a public step");
    const nodePort = `apiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec:\n  type: NodePort\n  selector: {app: shop}\n  ports: [{port: 80, targetPort: http, nodePort: 30080}]\n`;
    const session = startSession(summary);
    for (const command of [
      { id: "editManifests", files: [{ name: "shop-svc.yaml", text: nodePort }] },
      { id: "failNode", node: "node/node-1" },
      { id: "send", from: "client/external", to: "http://{nodeIP:node/node-2}:30080/" },
    ] satisfies LessonCommand[]) {
      expect(runCommand(session, command)).toBeNull();
    }
    expect(goalMet(step.goal, session.record)).toBe(false);
  });
});
