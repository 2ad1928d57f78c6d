import { describe, expect, it } from "vitest";
import { nodeHealthCheck, settingFieldsFor, settingValue, withSetting } from "./settingFields.ts";
import { KIND_ENVOY_HEALTH_CHECK, resolveSimulationSettings } from "./settings.ts";

const emptyScenario = () => ({ settings: resolveSimulationSettings() });

describe("settings", () => {
  it("reads and writes nested health check settings", () => {
    const settings = withSetting(emptyScenario().settings, "loadBalancerHealthCheck.interval", 2);
    expect(settingValue(settings, "loadBalancerHealthCheck.interval")).toBe(2);
    // 50s since Kubernetes 1.32 (kubernetes PR #126287).
    expect(settingValue(settings, "nodeMonitorGracePeriod")).toBe(50);
  });

  it("keeps GCP's rule that the timeout is at most the interval", () => {
    const settings = withSetting(emptyScenario().settings, "loadBalancerHealthCheck.timeout", 12);
    expect(settings.loadBalancerHealthCheck).toMatchObject({ timeout: 12, interval: 12 });
    const shorter = withSetting(settings, "loadBalancerHealthCheck.interval", 4);
    expect(shorter.loadBalancerHealthCheck).toMatchObject({ timeout: 4, interval: 4 });
  });

  it("clamps thresholds to GCP's 1..10 and whole numbers", () => {
    const settings = withSetting(
      emptyScenario().settings,
      "loadBalancerHealthCheck.unhealthyThreshold",
      14.2,
    );
    expect(settings.loadBalancerHealthCheck.unhealthyThreshold).toBe(10);
  });

  // cloud-provider-gcp gce_loadbalancer_external.go health-checks nodes; cloud-provider-kind
  // pkg/loadbalancer/proxy.go fixes Envoy's health_checks; MetalLB (metallb.universe.tf/concepts) announces.
  it("applies the health-check settings to a cloud's load balancer only: kind's Envoy has its own, others check nothing", () => {
    const settings = withSetting(emptyScenario().settings, "loadBalancerHealthCheck.interval", 20);
    expect(nodeHealthCheck("gcp", settings)).toEqual({
      check: settings.loadBalancerHealthCheck,
      fixed: false,
    });
    expect(nodeHealthCheck("aws", settings)?.check.interval).toBe(20);
    expect(nodeHealthCheck("kind", settings)).toEqual({ check: KIND_ENVOY_HEALTH_CHECK, fixed: true });
    for (const provider of ["metallb-l2", "metallb-bgp", "docker-desktop", "minikube", "none"] as const)
      expect(nodeHealthCheck(provider, settings)).toBeNull();
    const paths = (provider: Parameters<typeof settingFieldsFor>[0]) =>
      settingFieldsFor(provider).map((f) => f.path);
    expect(paths("gcp")).toContain("loadBalancerHealthCheck.interval");
    expect(paths("kind")).toEqual(["nodeMonitorGracePeriod", "podEvictionTimeout", "kubeProxySyncPeriod"]);
    expect(paths("metallb-l2")).toEqual(paths("kind"));
  });
});
