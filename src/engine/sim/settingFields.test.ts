import { describe, expect, it } from "vitest";
import { settingValue, withSetting } from "./settingFields.ts";
import { resolveSimulationSettings } from "./settings.ts";

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
});
