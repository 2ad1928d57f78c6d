import { describe, expect, it } from "vitest";
import { createSession } from "../../engine/index.ts";
import { createPartJoiner, inParts, PART_SIZE } from "./parts.ts";
import type { EngineReply } from "./protocol.ts";

/** A Deployment of `replicas` pods behind a Service, as the engine worker builds it. */
function built(replicas: number): EngineReply {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
  const { cluster, diagnostics } = createSession().build([{ name: "a.yaml", text }], { failedNodes: [] });
  return { id: 7, type: "build", cluster, diagnostics, ingresses: [] };
}

// Issue 16 item 3: the page unpacks each of a worker's messages in one task; a large cluster comes in parts.
describe("a worker's reply in parts", () => {
  it("sends a small cluster in one message, as before", () => {
    const reply = built(3);
    expect(inParts(reply)).toEqual([reply]);
  });

  it("sends a large cluster's pods in parts of PART_SIZE, and puts the reply back together whole", () => {
    const reply = built(1000);
    const messages = inParts(reply).map((m) => structuredClone(m));
    const parts = messages.filter((m) => m.type === "part");
    expect(parts).toHaveLength(Math.ceil(1000 / PART_SIZE));
    for (const part of parts) expect(part.items.length).toBeLessThanOrEqual(PART_SIZE);
    const joiner = createPartJoiner();
    const joined = messages.map((m) => joiner.join(m));
    expect(joined.slice(0, -1).every((r) => r === null)).toBe(true);
    // As one message of the whole reply would have brought it.
    expect(joined.at(-1)).toEqual(structuredClone(reply));
  });

  it("passes other replies through", () => {
    const reply: EngineReply = { id: 1, type: "packets", run: 1, packets: [] };
    expect(inParts(reply)).toEqual([reply]);
    expect(createPartJoiner().join(reply)).toBe(reply);
  });
});
