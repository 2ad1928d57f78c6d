import { describe, expect, it } from "vitest";
import { KUBERNETES_VERSION, type Trace } from "../engine/index.ts";
import { clusterIPLesson } from "../lessons/03-clusterip/lesson.ts";
import { complete } from "./complete.ts";
import { type ConsoleContext, runLine, type Step } from "./kubectl.ts";
import { curlOutput, nslookupOutput, type Run, resolvConf } from "./net.ts";
import { clusterOf } from "./testing.ts";

const files = clusterIPLesson.manifests;
const context = (extra: Partial<ConsoleContext> = {}): ConsoleContext => ({
  cluster: clusterOf(files),
  files,
  activeFile: "web.yaml",
  shell: null,
  ...extra,
});

function printed(step: Step): Run {
  if (step.kind !== "print" && step.kind !== "edit") throw new Error(`expected output, got ${step.kind}`);
  return step.run;
}

describe("the console's kubectl", () => {
  // kubectl get services: printers.go printService, tabwriter padding 3.
  it("lists Services as kubectl get svc does", () => {
    expect(printed(runLine("kubectl get svc", context())).out).toBe(
      [
        "NAME         TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE",
        "kubernetes   ClusterIP   10.96.0.1        <none>        443/TCP   0s",
        "web          ClusterIP   10.110.224.133   <none>        80/TCP    0s",
      ].join("\n"),
    );
  });

  // kubectl get TYPE1,TYPE2 prefixes names with the kind (`service/web`, `deployment.apps/web`).
  it("qualifies names when several kinds are listed, and -o jsonpath reads a field", () => {
    const out = printed(runLine("kubectl get svc,deploy", context())).out;
    expect(out).toContain("service/web ");
    expect(out).toContain("deployment.apps/web ");
    expect(printed(runLine("kubectl get svc web -o jsonpath='{.spec.clusterIP}'", context())).out).toBe(
      "10.110.224.133",
    );
  });

  // kubectl api-resources: ep is v1 Endpoints; the API server's warning since 1.33 comes before the table.
  it("prints kubectl get ep as the Endpoints view, after the deprecation warning", () => {
    const step = printed(runLine("kubectl get ep web", context()));
    expect(step.warning).toBe(
      "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
    );
    expect(step.out).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nweb\s+10\.244\.\d\.\d:80,/);
    expect(printed(runLine("kubectl get endpointslices", context())).warning).toBeUndefined();
  });

  // cobra's unknown-command error with its Levenshtein suggestions; pflag's unknown flag; the API server's NotFound.
  it("reports the Kubernetes release the simulator follows as kubectl version does", () => {
    expect(printed(runLine("kubectl version", context())).out).toMatch(
      new RegExp(
        `^Client Version: v${KUBERNETES_VERSION.replace(".", "\\.")}\\.0\n.*\nServer Version: v${KUBERNETES_VERSION.replace(".", "\\.")}\\.0$`,
      ),
    );
  });

  it("answers mistakes in kubectl's words, with the usage hint", () => {
    expect(printed(runLine("kubectl gte pods", context())).err).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.',
    );
    expect(printed(runLine("kubectl get pods --bogus", context())).err).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get -h' for help and examples",
    );
    expect(printed(runLine("kubectl get svc nope", context())).err).toBe(
      'Error from server (NotFound): services "nope" not found',
    );
    expect(printed(runLine("kubectl get foo", context())).err).toBe(
      'error: the server doesn\'t have a resource type "foo"',
    );
    expect(printed(runLine("kubectl exec client -- ls", context())).err).toMatch(
      /executable file not found in \$PATH: unknown\ncommand terminated with exit code 126$/,
    );
  });

  it("sends kubectl exec's curl from the pod, and a bare curl from the external client", () => {
    const step = runLine("kubectl exec client -- curl -sv http://web/", context());
    expect(step).toMatchObject({ kind: "request", from: "pod/default/client", exec: true });
    expect(step.kind === "request" && step.curl).toMatchObject({
      url: "http://web/",
      silent: true,
      verbose: true,
    });
    expect(runLine("curl http://198.51.100.10/", context())).toMatchObject({ from: "client/external" });
  });

  // kubectl scale writes spec.replicas of the Deployment the editor shows: `deployment.apps/web scaled`.
  it("scales by editing the manifests, keeping the file's other documents and comments", () => {
    const step = runLine("kubectl scale deploy web --replicas=5", context());
    expect(step.kind).toBe("edit");
    if (step.kind !== "edit") return;
    expect(step.run.out).toBe("deployment.apps/web scaled");
    const text = step.files[0]?.text ?? "";
    expect(text).toContain("replicas: 5");
    expect(text.startsWith("# Lesson 3:")).toBe(true);
    expect(clusterOf(step.files).pods.filter((p) => p.owner === "deployment/default/web")).toHaveLength(5);
  });

  // kubectl apply: created, unchanged, configured; the API server's validation refuses a bad object.
  it("applies a here-document: created, then unchanged, then configured", () => {
    const svc =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web-np\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n";
    const created = runLine("kubectl apply -f - <<EOF", context({ stdin: svc }));
    expect(created.kind === "edit" && created.run.out).toBe("service/web-np created");
    if (created.kind !== "edit") return;
    const after = { files: created.files, cluster: clusterOf(created.files) };
    expect(printed(runLine("kubectl apply -f - <<EOF", context({ ...after, stdin: svc }))).out).toBe(
      "service/web-np unchanged",
    );
    const changed = runLine(
      "kubectl apply -f - <<EOF",
      context({ ...after, stdin: svc.replace("NodePort", "ClusterIP") }),
    );
    expect(changed.kind === "edit" && changed.run.out).toBe("service/web-np configured");
    const bad = runLine(
      "kubectl apply -f - <<EOF",
      context({ stdin: svc.replace("port: 80", "port: 99999") }),
    );
    expect(printed(bad).err).toMatch(/^The Service "web-np" is invalid: spec\.ports\[0\]\.port: /);
  });

  // Writing a v1 Endpoints draws the API server's deprecation warning (KEP-4974), and kubectl names it endpoints/NAME.
  it("applies a v1 Endpoints with the API server's warning", () => {
    const endpoints =
      "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: web-ext\nsubsets:\n  - addresses:\n      - ip: 192.0.2.30\n    ports:\n      - port: 80\n";
    const step = runLine("kubectl apply -f - <<EOF", context({ stdin: endpoints }));
    expect(step.kind === "edit" && step.run).toMatchObject({
      out: "endpoints/web-ext created",
      warning: "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
    });
  });

  // kubectl label (`pod/client labeled`), expose (`service/NAME exposed`), delete (`pod "client" deleted`).
  it("labels, exposes and deletes through the manifests", () => {
    const labeled = runLine("kubectl label pod client tier=front", context());
    expect(labeled.kind === "edit" && labeled.run.out).toBe("pod/client labeled");
    expect(printed(runLine("kubectl label pod client app=other", context())).err).toBe(
      "error: 'app' already has a value (client), and --overwrite is false",
    );
    const exposed = runLine(
      "kubectl expose deployment web --name=web-np --port=8080 --target-port=80 --type=NodePort",
      context(),
    );
    expect(exposed.kind === "edit" && exposed.run.out).toBe("service/web-np exposed");
    if (exposed.kind === "edit") {
      const svc = clusterOf(exposed.files).services.find((s) => s.name === "web-np");
      expect(svc).toMatchObject({ type: "NodePort", selector: { app: "web" } });
    }
    const deleted = runLine("kubectl delete pod client", context());
    expect(deleted.kind === "edit" && deleted.run.out).toBe('pod "client" deleted');
    if (deleted.kind === "edit")
      expect(clusterOf(deleted.files).pods.some((p) => p.name === "client")).toBe(false);
  });

  // kubectl patch: a merge patch, `service/web patched` or `patched (no change)`; customcolumn.go; shell
  // variables; curl --resolve keeps the Host header and connects to the given address.
  it("patches, prints custom columns, keeps shell variables and resolves curl's --resolve", () => {
    const patched = runLine(`kubectl patch service web -p '{"spec":{"type":"NodePort"}}'`, context());
    expect(patched.kind === "edit" && patched.run.out).toBe("service/web patched");
    if (patched.kind === "edit")
      expect(clusterOf(patched.files).services.find((s) => s.name === "web")?.type).toBe("NodePort");
    expect(
      printed(runLine(`kubectl patch service web -p '{"spec":{"type":"ClusterIP"}}'`, context())).out,
    ).toBe("service/web patched (no change)");
    expect(
      printed(
        runLine("kubectl get nodes -o custom-columns=NAME:.metadata.name,POD_CIDR:.spec.podCIDR", context()),
      ).out,
    ).toBe(
      [
        "NAME     POD_CIDR",
        "node-1   10.244.1.0/24",
        "node-2   10.244.2.0/24",
        "node-3   10.244.3.0/24",
      ].join("\n"),
    );
    const set = runLine("ADDRESS=$(kubectl get service web -o jsonpath='{.spec.clusterIP}')", context());
    expect(set).toEqual({ kind: "env", name: "ADDRESS", value: "10.110.224.133" });
    const step = runLine(
      "curl --resolve shop.example.com:80:$ADDRESS http://shop.example.com/",
      context({ env: { ADDRESS: "10.110.224.133" } }),
    );
    expect(step.kind === "request" && step.curl).toMatchObject({
      url: "http://10.110.224.133/",
      headers: [{ name: "Host", value: "shop.example.com" }],
    });
  });

  // pkg/kubelet/network/dns: ClusterFirst search path and ndots:5.
  it("prints a pod's resolv.conf as the kubelet writes it", () => {
    expect(resolvConf(context().cluster, "default")).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
  });

  it("completes verbs, kinds and names with Tab", () => {
    const cluster = context().cluster;
    expect(complete("kubectl ge", cluster, false).line).toBe("kubectl get ");
    expect(complete("kubectl get svc w", cluster, false).line).toBe("kubectl get svc web ");
    expect(complete("kubectl exec cl", cluster, false).line).toBe("kubectl exec client ");
  });
});

describe("curl and nslookup output", () => {
  const trace = (outcome: Trace["outcome"]): Trace => ({
    request: { from: "pod/default/client", to: "http://web/" },
    outcome,
    backend:
      outcome === "delivered"
        ? {
            pod: "pod/default/web-1",
            node: "node/node-1",
            ip: "10.244.1.3",
            port: 80,
            clientIP: "10.244.3.3",
          }
        : null,
    hops: [],
  });
  const options = {
    url: "http://web/",
    silent: true,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    method: "GET",
    headers: [],
  };

  // curl(1) EXIT CODES: 28 operation timeout, 6 could not resolve host; -s hides the message, -S shows it.
  it("prints the body, or curl's error and exit status", () => {
    expect(curlOutput(trace("delivered"), options)).toEqual({ out: "web-1\n", err: "", status: 0 });
    expect(curlOutput(trace("timeout"), options)).toEqual({ out: "", err: "", status: 28 });
    expect(curlOutput(trace("nxdomain"), { ...options, showError: true }).err).toBe(
      "curl: (6) Could not resolve host: web",
    );
    expect(curlOutput(trace("http-503"), options).out).toContain(
      "<title>503 Service Temporarily Unavailable</title>",
    );
  });

  it("prints nslookup's answer and NXDOMAIN as bind9's nslookup does", () => {
    const answer = {
      name: "web.default.svc.cluster.local",
      rcode: "NOERROR" as const,
      answers: [{ name: "web.default.svc.cluster.local", type: "A" as const, data: "10.96.1.2", ttl: 30 }],
    };
    expect(nslookupOutput(answer, "web", "10.96.0.10").out).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.1.2\n",
    );
    const none = nslookupOutput({ name: "nope", rcode: "NXDOMAIN", answers: [] }, "nope", "10.96.0.10");
    expect(none.out).toContain("** server can't find nope: NXDOMAIN");
    expect(none.status).toBe(1);
  });
});
