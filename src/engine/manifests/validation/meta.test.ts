import { describe, expect, it } from "vitest";
import { problems, service } from "../testutil.ts";

const withMeta = (metadata: Record<string, unknown>) => {
  const s = service({}) as { metadata: Record<string, unknown> };
  s.metadata = { name: "web", ...metadata };
  return s;
};

describe("ObjectMeta validation", () => {
  // meta/v1/validation ValidateLabels: keys are qualified names with an optional DNS prefix
  it("checks label keys, prefixes included", () => {
    expect(
      problems([withMeta({ labels: { "app.kubernetes.io/name": "web", "example.com/tier": "x" } })]),
    ).toEqual([]);
    expect(problems([withMeta({ labels: { "Example_com/tier": "x" } })])[0]).toMatch(
      /^metadata.labels: Invalid value: "Example_com\/tier": prefix part a lowercase RFC 1123 subdomain/,
    );
    expect(problems([withMeta({ labels: { "a/b/c": "x" } })])[0]).toContain(
      "a qualified name must consist of",
    );
  });

  // apimachinery IsValidLabelValue: at most 63 characters
  it("checks label values", () => {
    expect(problems([withMeta({ labels: { app: "x".repeat(64) } })])[0]).toContain(
      "must be no more than 63 characters",
    );
    expect(problems([withMeta({ labels: { app: "" } })])).toEqual([]);
    expect(problems([withMeta({ labels: { app: "-web" } })])[0]).toContain(
      "a valid label must be an empty string or consist of",
    );
  });

  it("explains an unquoted yes/no/number label value", () => {
    expect(problems([withMeta({ labels: { enabled: true } })])).toEqual([
      "metadata.labels.enabled: Invalid value: true: must be a string, not a boolean (YAML reads an unquoted yes/no/on/off/true/false or number that way: put the value in quotes)",
    ]);
  });

  // apimachinery ValidateAnnotations: keys are qualified names (checked lower-cased)
  it("checks annotation keys", () => {
    expect(problems([withMeta({ annotations: { "Example.com/Note": "x" } })])).toEqual([]);
    expect(problems([withMeta({ annotations: { "bad key": "x" } })])[0]).toMatch(
      /^metadata.annotations: Invalid value: "bad key"/,
    );
  });

  // validation.go ValidateObjectMeta: namespace is a DNS label
  it("checks the namespace name", () => {
    expect(problems([withMeta({ namespace: "Shop" })])[0]).toMatch(
      /^metadata.namespace: Invalid value: "Shop": a lowercase RFC 1123 label/,
    );
  });

  // rest.BeforeCreate clears the namespace of cluster-scoped objects
  it("drops a namespace on a cluster-scoped kind, with a warning", () => {
    const node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1", namespace: "default" } };
    expect(problems([node])).toEqual(["warning metadata.namespace: ignored: Node is not namespaced"]);
  });

  it("keeps kinds it does not simulate, with a warning, and names the ones it does", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } };
    expect(problems([cm])[0]).toMatch(
      /^warning kind: not simulated: ConfigMap \(v1\) is kept but has no effect; the simulator models v1 Namespace/,
    );
    const gateway = {
      apiVersion: "gateway.networking.k8s.io/v1alpha2",
      kind: "TCPRoute",
      metadata: { name: "t" },
    };
    expect(problems([gateway])[0]).toMatch(/^warning kind: not simulated: TCPRoute/);
  });

  // kubectl: `no matches for kind "Servise" in version "v1"` (apimachinery meta.NoKindMatchError);
  // removed versions: the deprecated API migration guide (extensions/v1beta1 Ingress, removed in 1.22).
  it("rejects a kind the API server does not serve, as kubectl does, and says what was meant", () => {
    const typo = { apiVersion: "v1", kind: "Servise", metadata: { name: "web" } };
    expect(problems([typo])).toEqual([
      'kind: no matches for kind "Servise" in version "v1"; did you mean "Service"?',
    ]);
    const old = { apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "i" } };
    expect(problems([old])).toEqual([
      'apiVersion: no matches for kind "Ingress" in version "extensions/v1beta1"; Ingress is served as apiVersion "networking.k8s.io/v1"',
    ]);
    const nonsense = { apiVersion: "apps/v1", kind: "Frobnicator", metadata: { name: "f" } };
    expect(problems([nonsense])).toEqual(['kind: no matches for kind "Frobnicator" in version "apps/v1"']);
  });
});
