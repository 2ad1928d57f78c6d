import { describe, expect, it } from "vitest";
import { dataPlaneFromYaml } from "../network/testing.ts";
import { lookupName } from "./lookup.ts";

const YAML = `
apiVersion: v1
kind: Service
metadata: {name: docs}
spec: {type: ExternalName, externalName: www.example.com}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox:1.37}]
`;

describe("lookupName", () => {
  it("asks cluster DNS through the pod's search list (kubernetes/dns specification: ExternalName is a CNAME)", () => {
    const result = lookupName(dataPlaneFromYaml(YAML), "pod/default/client", "docs");
    expect(result.ok && result.value.name).toBe("docs.default.svc.cluster.local");
    expect(result.ok && result.value.answers.map((a) => `${a.type} ${a.data}`)).toEqual([
      "CNAME www.example.com",
      "A 93.184.215.14",
    ]);
  });

  it("answers NXDOMAIN for a cluster name asked by a node, which resolves upstream only", () => {
    const result = lookupName(dataPlaneFromYaml(YAML), "node/node-1", "docs.default.svc.cluster.local");
    expect(result.ok && result.value.rcode).toBe("NXDOMAIN");
  });

  it("says why when the sender does not exist", () => {
    const result = lookupName(dataPlaneFromYaml(YAML), "pod/default/nobody", "docs");
    expect(result.ok).toBe(false);
  });
});
