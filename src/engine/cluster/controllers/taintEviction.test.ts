import { describe, expect, it } from "vitest";
import { buildCluster } from "../build.ts";
import { daemonSet, deployment, sourced } from "../testutil.ts";
import { evictionDelay, evictionEvent, scheduledEvictions } from "./taintEviction.ts";

const tolerating = deployment(
  "patient",
  1,
  { app: "patient" },
  {
    tolerations: [
      {
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 30,
      },
    ],
  },
);
const forever = deployment(
  "forever",
  1,
  { app: "forever" },
  {
    tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" }],
  },
);
const cluster = buildCluster(
  sourced([deployment("web", 1, { app: "web" }), tolerating, forever, daemonSet("agent")]),
);
const pod = (prefix: string) => {
  const found = cluster.pods.find((p) => p.name.startsWith(prefix));
  if (!found) throw new Error(`no pod ${prefix}`);
  return found;
};

describe("taint-based eviction (pkg/controller/tainteviction)", () => {
  it("gives a pod the DefaultTolerationSeconds admission plugin's timeout when its manifest writes none", () => {
    expect(evictionDelay(pod("web-"), 300)).toBe(300);
    expect(evictionDelay(pod("web-"), 60)).toBe(60);
  });

  it("honours a toleration the manifest writes: its tolerationSeconds, or forever without one", () => {
    expect(evictionDelay(pod("patient-"), 300)).toBe(30);
    expect(evictionDelay(pod("forever-"), 300)).toBeNull();
  });

  it("never evicts a DaemonSet pod (daemon/util AddOrUpdateDaemonPodTolerations: no tolerationSeconds)", () => {
    expect(evictionDelay(pod("agent-"), 300)).toBeNull();
  });

  it("schedules the evictions of every pod on the node, but one already Terminating or tolerating forever", () => {
    const all = cluster.pods.map((p) => ({ ...p, nodeName: "node-1" }));
    const terminating = all.find((p) => p.name.startsWith("web-"));
    const scheduled = scheduledEvictions(all, "node-1", new Set(terminating ? [terminating.ref] : []), 300);
    const byName = (prefix: string) =>
      scheduled.filter((e) => e.pod.name.startsWith(prefix)).map((e) => e.seconds);
    expect(byName("web-")).toEqual([]);
    expect(byName("patient-")).toEqual([30]);
    expect(byName("forever-")).toEqual([]);
    expect(byName("agent-")).toEqual([]);
    expect(byName("coredns-")).toEqual([300, 300]);
    expect(scheduledEvictions(all, "node-2", new Set(), 300)).toEqual([]);
  });

  it("records PodEvicted on the pod (TaintManagerEviction)", () => {
    const web = pod("web-");
    expect(evictionEvent(web, 300, "node-1")).toMatchObject({
      type: "Normal",
      reason: "PodEvicted",
      object: web.ref,
      text: {
        code: "event.pod.evicted",
        params: { pod: `default/${web.name}`, seconds: 300, node: "node-1" },
      },
    });
  });
});
