import { renderScenario, type ScenarioSpec } from "../../engine/index.ts";

/** Saves the scenario as `scenario.yaml`, the file `svclab simulate --scenario` reads. */
export function downloadScenario(spec: ScenarioSpec): void {
  const blob = new Blob([renderScenario(spec)], { type: "application/yaml" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "scenario.yaml";
  link.click();
  // The download has started from the click; the URL is no longer needed once it has.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
