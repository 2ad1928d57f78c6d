import { describe, expect, it } from "vitest";
import { goalMet } from "../goals.ts";
import { runCommand, startSession } from "../replay.ts";
import { ingressLesson } from "./lesson.ts";
import gke from "./solution/gke.yaml?raw";
import ingressTls from "./solution/ingress-tls.yaml?raw";

const step = (id: string) => {
  const found = ingressLesson.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

describe("the Ingress lesson's goals want what the step teaches", () => {
  it("HTTPS with the controller's default certificate is not the HTTPS step", () => {
    const session = startSession(ingressLesson);
    const otherHost = ingressTls.replace(
      "        - shop.example.com\n      secretName",
      "        - www.example.com\n      secretName",
    );
    expect(
      runCommand(session, { id: "editManifests", files: [{ name: "ingress.yaml", text: otherHost }] }),
    ).toBeNull();
    runCommand(session, { id: "send", from: "client/external", to: "https://shop.example.com/cart" });
    runCommand(session, { id: "send", from: "client/external", to: "http://shop.example.com/" });
    expect(session.record.requests[0]?.trace.hops.some((h) => h.kind === "tls-terminate")).toBe(true);
    expect(goalMet(step("https").goal, session.record)).toBe(false);
  });

  it("a gce Ingress in front of a ClusterIP Service gets no load balancer, so the GKE step is not met", () => {
    const session = startSession(ingressLesson);
    const clusterIPBackend = gke.replace(
      "name: web-nodeport\n                port",
      "name: web\n                port",
    );
    expect(
      runCommand(session, { id: "editManifests", files: [{ name: "gke.yaml", text: clusterIPBackend }] }),
    ).toBeNull();
    runCommand(session, { id: "send", from: "client/external", to: "http://gke.example.com/" });
    expect(session.record.requests[0]?.trace.outcome).not.toBe("delivered");
    expect(goalMet(step("gke").goal, session.record)).toBe(false);
  });
});
