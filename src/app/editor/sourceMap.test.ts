import { describe, expect, it } from "vitest";
import { buildCluster } from "../../engine/cluster/build.ts";
import { loadManifests } from "../../engine/index.ts";
import { positionOfRef, refAtLine, writtenObjects } from "./sourceMap.ts";

const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
    - port: 80
`;

function cluster() {
  const loaded = loadManifests([{ name: "a.yaml", text }]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return buildCluster(loaded.value, { failedNodes: [] });
}

describe("the source map between the graph and the YAML", () => {
  it("lists the objects the learner wrote, where their documents start", () => {
    const written = writtenObjects(cluster());
    expect(written.map((o) => [o.ref, o.line])).toEqual([
      ["deployment/default/web", 1],
      ["svc/default/web", 17],
    ]);
  });

  it("finds the object under a line", () => {
    const c = cluster();
    expect(refAtLine(c, "a.yaml", 6)).toBe("deployment/default/web");
    expect(refAtLine(c, "a.yaml", 25)).toBe("svc/default/web");
    expect(refAtLine(c, "other.yaml", 3)).toBeNull();
    // A document below line 16's "---" that the cluster does not have is no one's.
    expect(refAtLine(c, "a.yaml", 6, 1)).toBe("deployment/default/web");
    expect(refAtLine(c, "a.yaml", 12, 10)).toBeNull();
  });

  it("finds the YAML behind what the control plane made", () => {
    const c = cluster();
    const pod = c.pods.find((p) => p.owner === "deployment/default/web");
    expect(pod && positionOfRef(c, pod.ref)).toMatchObject({ file: "a.yaml", line: 1 });
    expect(positionOfRef(c, "lb/default/web")).toMatchObject({ line: 17 });
    const slice = c.endpointSlices.find((s) => s.service === "svc/default/web");
    expect(slice && positionOfRef(c, slice.ref)).toMatchObject({ line: 17 });
    expect(positionOfRef(c, "node/nowhere")).toBeNull();
  });
});
