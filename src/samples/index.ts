import type { SourceFile } from "../engine/index.ts";
import gateway from "./gateway.yaml?raw";
import ingress from "./ingress.yaml?raw";
import localTraffic from "./local-traffic.yaml?raw";
import notReady from "./not-ready.yaml?raw";
import sandbox from "./sandbox.yaml?raw";
import sessionAffinity from "./session-affinity.yaml?raw";
import zones from "./zones.yaml?raw";

/** A sample for the sandbox; its title and description are texts in the app's `sample.ID.*` messages. */
export interface Sample {
  id: "every-type" | "session-affinity" | "local-traffic" | "not-ready" | "ingress" | "gateway" | "zones";
  files: SourceFile[];
}

export const samples: readonly Sample[] = [
  { id: "every-type", files: [{ name: "sandbox.yaml", text: sandbox }] },
  { id: "session-affinity", files: [{ name: "session-affinity.yaml", text: sessionAffinity }] },
  { id: "local-traffic", files: [{ name: "local-traffic.yaml", text: localTraffic }] },
  { id: "not-ready", files: [{ name: "not-ready.yaml", text: notReady }] },
  { id: "ingress", files: [{ name: "ingress.yaml", text: ingress }] },
  { id: "gateway", files: [{ name: "gateway.yaml", text: gateway }] },
  { id: "zones", files: [{ name: "zones.yaml", text: zones }] },
];
