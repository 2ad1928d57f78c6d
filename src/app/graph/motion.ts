import type { Ref } from "../../engine/index.ts";
import { CLIENT_REF, type ClusterFlowNode } from "./layout.ts";

/** How long a box takes to appear or to fade away (graph.css keeps the same duration). */
export const MOTION_MS = 300;

/**
 * The boxes in motion after the cluster was rebuilt: those that just appeared, and those that just
 * went, still drawn where they were while they fade. Everything else keeps its place, since the layout
 * gives each box a position that depends on its own column and sort key only.
 */
export interface Motion {
  entering: ReadonlySet<Ref>;
  /** The boxes that went, as the previous layout drew them (their parent first). */
  leaving: readonly ClusterFlowNode[];
}

export const STILL: Motion = { entering: new Set(), leaving: [] };

/** Boxes that come and go with the manifests; the external client is always there. */
const moves = (node: ClusterFlowNode) => node.id !== CLIENT_REF;

/** Which boxes appeared and which went between two layouts, in the order each layout lists them. */
export function changedRefs(
  before: readonly ClusterFlowNode[],
  after: readonly ClusterFlowNode[],
): { entered: Ref[]; left: Ref[] } {
  const had = new Set(before.map((n) => n.id));
  const has = new Set(after.map((n) => n.id));
  return {
    entered: after.filter((n) => moves(n) && !had.has(n.id)).map((n) => n.id),
    left: before.filter((n) => moves(n) && !has.has(n.id)).map((n) => n.id),
  };
}

/**
 * The motion once the layout changed from `before` to `after`. A change that lands while the last
 * one is still animating carries it on: boxes still entering keep entering, and a box that was
 * leaving stops leaving when it is back. A change that replaces most of the drawing (another cluster
 * pasted) is drawn at once: motion shows what changed among boxes that stay, and there, with nothing
 * much staying, the old boxes fading under the new ones growing in only hid the new cluster for 300 ms.
 */
export function nextMotion(
  current: Motion,
  before: readonly ClusterFlowNode[],
  after: readonly ClusterFlowNode[],
): Motion {
  const { entered, left } = changedRefs(before, after);
  const has = new Set(after.map((n) => n.id));
  const stayed = before.filter((n) => moves(n) && has.has(n.id)).length;
  if (entered.length + left.length > stayed) return STILL;
  const goneNow = new Set(left);
  const entering = new Set([...[...current.entering].filter((ref) => has.has(ref)), ...entered]);
  const leaving = [
    ...current.leaving.filter((n) => !has.has(n.id) && !goneNow.has(n.id)),
    ...before.filter((n) => goneNow.has(n.id)),
  ];
  if (entering.size === 0 && leaving.length === 0) return STILL;
  return { entering, leaving };
}

type DomAttributes = NonNullable<ClusterFlowNode["domAttributes"]>;
const marker = (motion: "entering" | "leaving", hidden: boolean) =>
  ({ "data-motion": motion, ...(hidden ? { "aria-hidden": true } : {}) }) as DomAttributes;

/**
 * The nodes React Flow draws: the layout's, those entering marked so that graph.css fades and scales
 * them in, then the leaving ones, marked so it fades them out. A leaving box is only a picture: it
 * cannot be selected or focused, assistive technology does not see it, and it stays where it was
 * drawn (no `extent`, so a parent group that shrank does not pull it inside).
 */
export function withMotion(nodes: readonly ClusterFlowNode[], motion: Motion): ClusterFlowNode[] {
  if (motion === STILL) return [...nodes];
  const shown = nodes.map((n) =>
    motion.entering.has(n.id) ? { ...n, domAttributes: marker("entering", false) } : n,
  );
  const ghosts = motion.leaving.map(({ extent: _extent, ...n }) => ({
    ...n,
    selected: false,
    selectable: false,
    focusable: false,
    domAttributes: marker("leaving", true),
  }));
  return [...shown, ...(ghosts as ClusterFlowNode[])];
}
