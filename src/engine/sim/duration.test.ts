import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";

describe("durations as metav1.Duration (Go time.ParseDuration) writes them", () => {
  it("reads seconds, minutes, hours, milliseconds and their sequences", () => {
    expect(parseDuration("120s")).toBe(120_000);
    expect(parseDuration("2m")).toBe(120_000);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("1.5s")).toBe(1500);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("0")).toBe(0);
    expect(parseDuration("0s")).toBe(0);
  });

  it("rejects numbers without units, signs, unknown units and trailing text", () => {
    for (const text of ["120", "-5s", "5 s", "5d", "s", "", "1m30", "1m30x"]) {
      expect(parseDuration(text), text).toBeNull();
    }
  });

  it("prints the shortest form", () => {
    expect(formatDuration(90_000)).toBe("1m30s");
    expect(formatDuration(40_000)).toBe("40s");
    expect(formatDuration(3_600_000)).toBe("1h");
    expect(formatDuration(1500)).toBe("1.5s");
    expect(formatDuration(0)).toBe("0s");
  });
});
