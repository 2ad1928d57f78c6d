import { describe, expect, it } from "vitest";
import { nearest, noKindMatch } from "./builtinKinds.ts";

// The served kinds: `kubectl api-resources` of Kubernetes 1.35; NoKindMatchError in k8s.io/apimachinery/pkg/api/meta.
describe("kinds the API server serves", () => {
  it("accepts served kinds and leaves CRD groups alone", () => {
    expect(noKindMatch("v1", "ConfigMap")).toBeNull();
    expect(noKindMatch("networking.k8s.io/v1", "NetworkPolicy")).toBeNull();
    expect(noKindMatch("cert-manager.io/v1", "Certificate")).toBeNull();
  });

  it("names the nearest kind for a typo, and the serving version for a kind in the wrong one", () => {
    expect(noKindMatch("v1", "Servise")).toEqual({ kind: "Service" });
    expect(noKindMatch("apps/v1", "deployment")).toEqual({ kind: "Deployment" });
    expect(noKindMatch("v1", "Deployment")).toEqual({ apiVersion: "apps/v1" });
    expect(noKindMatch("apps/v1beta1", "Deployment")).toEqual({ apiVersion: "apps/v1" });
  });

  it("suggests only what is near enough to be a typo", () => {
    expect(nearest("ratee", ["name", "rate", "to"])).toBe("rate");
    expect(nearest("colour", ["name", "rate", "to"])).toBeUndefined();
  });
});
