import { describe, expect, it } from "vitest";
import { clusterIPLesson } from "../lessons/03-clusterip/lesson.ts";
import { noSelectorLesson } from "../lessons/09-no-selector/lesson.ts";
import { humanDuration } from "./age.ts";
import { printTable } from "./printers.ts";
import { parseSelector } from "./selector.ts";
import { clusterOf } from "./testing.ts";

/** Lesson 3's cluster (a web Deployment of three, its ClusterIP Service, a client pod) and a LoadBalancer. */
const LB = `apiVersion: v1
kind: Service
metadata: {name: lb}
spec:
  type: LoadBalancer
  selector: {app: none}
  ports: [{port: 443}]
`;
const lesson3 = () => clusterOf([...clusterIPLesson.manifests, { name: "lb.yaml", text: LB }]);

const scope = { namespace: "default", all: false };

describe("kubectl printers", () => {
  // apimachinery/pkg/util/duration HumanDuration, which printers.go translateTimestampSince applies.
  it("prints AGE as kubectl's HumanDuration does", () => {
    const cases: [number, string][] = [
      [-5, "<invalid>"],
      [-1, "0s"],
      [0, "0s"],
      [119, "119s"],
      [120, "2m"],
      [125, "2m5s"],
      [600, "10m"],
      [3 * 3600 - 1, "179m"],
      [3 * 3600 + 60, "3h1m"],
      [8 * 3600, "8h"],
      [47 * 3600, "47h"],
      [50 * 3600, "2d2h"],
      [8 * 86400, "8d"],
      [800 * 86400, "2y70d"],
      [9 * 365 * 86400, "9y"],
    ];
    for (const [seconds, text] of cases) expect(humanDuration(seconds), String(seconds)).toBe(text);
  });

  // printers.go printService and tabwriter (padding 3): <none> for no external address, port[:nodePort]/protocol.
  it("prints Services column by column, three spaces after the widest cell", () => {
    const cluster = lesson3();
    const lb = cluster.services.find((s) => s.name === "lb");
    // A LoadBalancer the cloud has not answered yet: getServiceExternalIP prints <pending>.
    if (lb) lb.loadBalancerIngress = [];
    expect(printTable("services", cluster, scope, { age: () => "5m" })).toBe(
      [
        "NAME         TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)         AGE",
        "kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP         5m",
        "lb           LoadBalancer   10.110.194.209   <pending>     443:31103/TCP   5m",
        "web          ClusterIP      10.110.224.133   <none>        80/TCP          5m",
      ].join("\n"),
    );
  });

  // printers.go printEndpoints/formatEndpoints: ip:port per ready address, <none> without subsets.
  it("prints the Endpoints view kubectl's `ep` names, <none> for a Service with no ready pod", () => {
    expect(printTable("endpoints", lesson3(), scope)).toBe(
      [
        "NAME         ENDPOINTS                                   AGE",
        "kubernetes   192.168.0.11:6443                           0s",
        "lb           <none>                                      0s",
        "web          10.244.1.3:80,10.244.2.3:80,10.244.3.2:80   0s",
      ].join("\n"),
    );
  });

  // printers.go formatEndpoints: the first three ip:port then "+ N more..."; an empty cell when no address is
  // ready (the controller writes them as notReadyAddresses, endpoints_controller.go); endpoints/util.go
  // LessEndpointAddress orders addresses by the bytes of their IP text.
  it("truncates Endpoints after three with + N more..., and leaves the cell empty when none is ready", () => {
    const five = clusterIPLesson.manifests.map((f) => ({
      ...f,
      text: f.text.replace("replicas: 3", "replicas: 30"),
    }));
    const row = printTable("endpoints", clusterOf(five), { ...scope, names: ["web"] })?.split("\n")[1] ?? "";
    expect(row).toMatch(
      /^web {4}10\.244\.1\.10:80,10\.244\.1\.11:80,10\.244\.1\.12:80 \+ 27 more\.\.\. {3}0s$/,
    );
    const notReady = clusterIPLesson.manifests.map((f) => ({
      ...f,
      text: f.text.replace(
        "      labels:\n        app: web\n",
        '      labels:\n        app: web\n      annotations:\n        svclab.dev/ready: "false"\n',
      ),
    }));
    expect(printTable("endpoints", clusterOf(notReady), { ...scope, names: ["web"] })).toBe(
      ["NAME   ENDPOINTS   AGE", "web                0s"].join("\n"),
    );
  });

  // A Service without a selector has only the Endpoints written for it: hand-written EndpointSlices are not
  // mirrored back into one (the mirroring controller copies Endpoints into slices, never the reverse).
  it("has no Endpoints for a selector-less Service whose EndpointSlice was written by hand", () => {
    const cluster = clusterOf(noSelectorLesson.manifests);
    expect(printTable("endpoints", cluster, { ...scope, names: ["legacy-db"] })).toBeNull();
    expect(printTable("endpointslices", cluster, { ...scope, names: ["legacy-db-1"] })).toContain(
      "192.0.2.20",
    );
  });

  // printers.go printDeployment: READY, UP-TO-DATE, AVAILABLE; -o wide CONTAINERS, IMAGES, SELECTOR.
  it("prints Deployments with -o wide, and a NAMESPACE column with -A", () => {
    const cluster = lesson3();
    expect(printTable("deployments", cluster, scope, { wide: true })).toBe(
      [
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR",
        "web    3/3     3            3           0s    nginx        nginx:1.27   app=web",
      ].join("\n"),
    );
    expect(printTable("deployments", cluster, { namespace: "default", all: true })).toBe(
      [
        "NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE",
        "default       web       3/3     3            3           0s",
        "kube-system   coredns   2/2     2            2           0s",
      ].join("\n"),
    );
  });

  // kubectl get --show-labels appends LABELS (labels.FormatLabels, sorted); -l filters by selector.
  it("adds LABELS with --show-labels and keeps only matching rows with -l", () => {
    const cluster = lesson3();
    const selector = parseSelector("app in (client)");
    if (!selector.ok) throw new Error(selector.message);
    expect(printTable("pods", cluster, { ...scope, selector: selector.value }, { showLabels: true })).toBe(
      [
        "NAME     READY   STATUS    RESTARTS   AGE   LABELS",
        "client   1/1     Running   0          0s    app=client",
      ].join("\n"),
    );
    const none = parseSelector("app!=web,!app");
    expect(none.ok && printTable("pods", cluster, { ...scope, selector: none.value })).toBeNull();
    expect(parseSelector("a b c")).toEqual({
      ok: false,
      message: "unable to parse requirement: found 'a b c', expected: identifier",
    });
  });
});
