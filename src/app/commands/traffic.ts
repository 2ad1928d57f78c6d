import { isNodeRef } from "../../engine/index.ts";
import type { AppState } from "../store/index.ts";
import { canRecordNodeEvent } from "../store/timeSlice.ts";
import type { NodeAction } from "../time/scenario.ts";
import { type Command, registerCommands } from "./registry.ts";

const selectedNode = (s: AppState) =>
  isNodeRef(s.selectedRef) ? s.cluster?.nodes.find((n) => n.ref === s.selectedRef) : undefined;

/**
 * Fails or recovers the selected node; in the time view the command records the event at the clock's
 * second in the scenario instead.
 */
function nodeCommand(action: NodeAction, label: Command["label"], key: string): Command {
  const failing = action === "fail-node";
  return {
    id: action,
    label,
    keys: [key],
    enabled: (s) => (s.timeMode ? canRecordNodeEvent(s, action) : selectedNode(s)?.failed === !failing),
    run: async (store) => {
      const state = store.getState();
      if (state.timeMode) return void state.recordNodeEvent(action);
      const node = selectedNode(state);
      if (node) await (failing ? state.failNode(node.ref) : state.recoverNode(node.ref));
    },
  };
}

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
  nodeCommand("fail-node", "command.failNode", "f"),
  nodeCommand("recover-node", "command.recoverNode", "r"),
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
