import { describe, expect, it } from "vitest";
import { collectNamespaces } from "./namespaces.ts";
import { service, sourced } from "./testutil.ts";

describe("collectNamespaces", () => {
  it("adds declared Namespaces after the system ones", () => {
    const { namespaces, warnings } = collectNamespaces(
      sourced([
        { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } },
        service("web", {}, "shop"),
      ]),
    );
    expect(namespaces).toEqual(["default", "kube-node-lease", "kube-public", "kube-system", "shop"]);
    expect(warnings).toEqual([]);
  });

  it("accepts objects in an undeclared namespace with a warning (admission NamespaceLifecycle would reject them)", () => {
    const { namespaces, warnings } = collectNamespaces(
      sourced([service("web", {}, "shop"), service("api", {}, "shop")]),
    );
    expect(namespaces).toContain("shop");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", file: "test.yaml" });
    expect(warnings[0]?.message).toContain('namespace "shop" is not declared');
  });
});
