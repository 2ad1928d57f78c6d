import { describe, expect, it } from "vitest";
import { apiVersionOf, fieldAt, fieldsAt, SCHEMA_KINDS, typeLabel } from "./schema.ts";

describe("the field schema", () => {
  it("covers every kind the engine simulates, with its apiVersion", () => {
    expect([...SCHEMA_KINDS].sort()).toEqual(
      [
        "DaemonSet",
        "Deployment",
        "EndpointSlice",
        "Endpoints",
        "Ingress",
        "IngressClass",
        "Namespace",
        "Node",
        "Pod",
        "ReplicaSet",
        "Secret",
        "Service",
        "StatefulSet",
      ].sort(),
    );
    expect(apiVersionOf("Ingress")).toBe("networking.k8s.io/v1");
    expect(apiVersionOf("EndpointSlice")).toBe("discovery.k8s.io/v1");
  });

  it("walks from a kind down into lists, with Kubernetes' descriptions", () => {
    const targetPort = fieldAt("Service", ["spec", "ports", "[]", "targetPort"]);
    expect(targetPort?.t).toBe("int-or-string");
    expect(targetPort?.d).toMatch(/Number or name of the port to access on the pods/);
    expect(fieldAt("Service", ["spec", "type"])?.e).toEqual([
      "ClusterIP",
      "NodePort",
      "LoadBalancer",
      "ExternalName",
    ]);
    expect(
      fieldAt("Deployment", ["spec", "template", "spec", "containers", "[]", "ports", "[]", "containerPort"])
        ?.t,
    ).toBe("integer");
    expect(fieldAt("Ingress", ["spec", "rules", "[]", "http", "paths", "[]", "pathType"])?.e).toContain(
      "Prefix",
    );
  });

  it("lists the keys a mapping may hold, and nothing for free-form maps or wrong shapes", () => {
    expect(Object.keys(fieldsAt("Service", ["spec", "ports", "[]"]) ?? {})).toContain("nodePort");
    expect(Object.keys(fieldsAt("Service", ["spec"]) ?? {})).toContain("externalTrafficPolicy");
    expect(Object.keys(fieldsAt("Pod", []) ?? {})).toEqual([
      "apiVersion",
      "kind",
      "metadata",
      "spec",
      "status",
    ]);
    expect(fieldsAt("Service", ["metadata", "labels"])).toBeUndefined();
    expect(fieldsAt("Service", ["spec", "ports"])).toBeUndefined();
    expect(fieldAt("Service", ["spec", "nope"])).toBeUndefined();
    expect(Object.keys(fieldsAt(null, []) ?? {})).toContain("metadata");
  });

  it("labels types as kubectl explain does", () => {
    expect(typeLabel(fieldAt("Service", ["spec", "ports"]) ?? { d: "" })).toBe("[]ServicePort");
    expect(typeLabel(fieldAt("Service", ["spec", "selector"]) ?? { d: "" })).toBe("map[string]string");
  });
});
