import { isNodeRef } from "../../engine/index.ts";
import type { AppState } from "../store/index.ts";
import { canRecordNodeEvent } from "../store/timeSlice.ts";
import { type Command, registerCommands } from "./registry.ts";

const selectedNode = (s: AppState) =>
  isNodeRef(s.selectedRef) ? s.cluster?.nodes.find((n) => n.ref === s.selectedRef) : undefined;

/** Sending requests, stepping packets, failing and recovering nodes. */
export const trafficCommands: readonly Command[] = [
  {
    id: "send",
    label: "command.send",
    keys: ["s"],
    enabled: (s) => s.cluster !== null && !s.sending,
    run: async (store) => void (await store.getState().send(1)),
  },
  {
    id: "send-many",
    label: "command.sendMany",
    keys: ["shift+s"],
    enabled: (s) => s.cluster !== null && !s.sending,
    run: async (store) => void (await store.getState().send(store.getState().batchSize)),
  },
  {
    id: "fail-node",
    label: "command.failNode",
    keys: ["f"],
    // In the time view the command records the failure at the clock's second in the scenario.
    enabled: (s) => (s.timeMode ? canRecordNodeEvent(s, "fail-node") : selectedNode(s)?.failed === false),
    run: async (store) => {
      if (store.getState().timeMode) return void store.getState().recordNodeEvent("fail-node");
      const node = selectedNode(store.getState());
      if (node) await store.getState().failNode(node.ref);
    },
  },
  {
    id: "recover-node",
    label: "command.recoverNode",
    keys: ["r"],
    enabled: (s) => (s.timeMode ? canRecordNodeEvent(s, "recover-node") : selectedNode(s)?.failed === true),
    run: async (store) => {
      if (store.getState().timeMode) return void store.getState().recordNodeEvent("recover-node");
      const node = selectedNode(store.getState());
      if (node) await store.getState().recoverNode(node.ref);
    },
  },
  {
    id: "toggle-play",
    label: "command.togglePlay",
    keys: ["p"],
    run: (store) => store.getState().togglePlaying(),
  },
  {
    id: "step",
    label: "command.step",
    keys: ["n"],
    run: (store) => store.getState().stepOnce(),
  },
  {
    id: "step-back",
    label: "command.stepBack",
    keys: ["b"],
    run: (store) => store.getState().stepBack(),
  },
];

registerCommands(trafficCommands);
