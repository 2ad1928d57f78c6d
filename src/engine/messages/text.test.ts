import { describe, expect, it } from "vitest";
import { formatText, placeholders } from "./text.ts";

describe("message templates", () => {
  it("fills each placeholder with its parameter", () => {
    expect(
      formatText("Node {node} status is now: {status}", { node: "node-2", status: "NodeNotReady" }),
    ).toBe("Node node-2 status is now: NodeNotReady");
  });

  it("leaves a placeholder with no parameter visible instead of printing undefined", () => {
    expect(formatText("to {ip}:{port}", { ip: "10.0.0.1" })).toBe("to 10.0.0.1:{port}");
  });

  it("renders a parameter that is a message of its own with the renderer given", () => {
    const nested = { code: "x", params: { ip: "10.0.0.1" } };
    expect(formatText("arrives at node-1{from}", { from: nested }, (m) => ` (${m.params.ip})`)).toBe(
      "arrives at node-1 (10.0.0.1)",
    );
  });

  it("lists the placeholders a template uses, so a translation can be checked against it", () => {
    expect(placeholders("{b} then {a}")).toEqual(["a", "b"]);
  });
});
