import { describe, expect, it } from "vitest";
import { problems } from "../testutil.ts";

const node = (spec: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "node-1" },
  spec,
});
const secret = (fields: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "tls" },
  ...fields,
});

describe("Node validation", () => {
  // validation.go ValidateNode: podCIDRs are CIDRs
  it("requires podCIDR to be a CIDR", () => {
    expect(problems([node({ podCIDR: "10.244.1.0/24" })])).toEqual([]);
    expect(problems([node({ podCIDR: "10.244.1.0" })])).toEqual([
      'spec.podCIDR: Invalid value: "10.244.1.0": must be a valid CIDR',
    ]);
  });

  // validation.go validateTaints: effect enum
  it("knows the taint effects", () => {
    expect(problems([node({ taints: [{ key: "dedicated", effect: "NoRun" }] })])).toEqual([
      'spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"',
    ]);
  });

  it("requires Node names to be DNS subdomains", () => {
    const bad = { apiVersion: "v1", kind: "Node", metadata: { name: "Node_1" } };
    expect(problems([bad])[0]).toMatch(
      /^metadata.name: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/,
    );
  });
});

describe("Namespace validation", () => {
  // validation.go ValidateNamespace: NameIsDNSLabel
  it("requires Namespace names to be DNS labels", () => {
    const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop.v1" } };
    expect(problems([ns])[0]).toMatch(/^metadata.name: Invalid value: "shop.v1": a lowercase RFC 1123 label/);
  });
});

describe("Secret validation", () => {
  // validation.go ValidateSecret: kubernetes.io/tls needs tls.crt and tls.key
  it("requires tls.crt and tls.key in a TLS Secret", () => {
    expect(problems([secret({ type: "kubernetes.io/tls", data: { "tls.crt": "Y2VydA==" } })])).toEqual([
      "data.tls.key: Required value",
    ]);
  });

  it("requires data values to be base64 and keys to be config keys", () => {
    expect(problems([secret({ data: { "a key": "not base64!" } })])).toEqual([
      "data.a key: Invalid value: \"a key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      'data.a key: Invalid value: "<secret contents redacted>": must be base64-encoded (use stringData for plain text)',
    ]);
  });
});
