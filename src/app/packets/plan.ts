import { HOP_SECONDS, type Hop, placeOf, type Ref } from "../../engine/index.ts";
import type { HopSketch } from "../engine/protocol.ts";
import { type PathTable, type Point, pointAlong, type Rect, sampleRoute } from "../graph/geometry.ts";
import { type GraphModel, resolveRef } from "../graph/layout.ts";
import type { Router } from "../graph/route.ts";
import { MS_PER_SECOND } from "./clock.ts";

/** One hop of a packet's journey: the way there (null when the hop happens where it already is), then a rest. */
export interface PacketStep {
  hop: number;
  path: PathTable | null;
  travel: number;
  /** When the packet is at this hop's box and the hop acts, in ms from the packet's start at speed 1. */
  acts: number;
  /** When this step ends, in ms from the packet's start at speed 1. */
  end: number;
  at: Point;
  /** Where the engine says the packet is once this hop has acted (a Service's rules act on a node: that node). */
  ref: Ref;
  /** The destination the packet carries once this hop has acted (it changes at DNAT and DNS). */
  label: string;
  phase: Hop["phase"];
}

export interface PacketPlan {
  start: Point;
  steps: PacketStep[];
  total: number;
  /** The drawn boxes the packet passes, in order, so the route can be highlighted. */
  route: Ref[];
  /** The drawn box of each step: where the packet is once that hop has acted (null: not drawn, it stays put). */
  places: (Ref | null)[];
}

const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** What the picture needs of a trace: a whole one (the Requests view), or a Time view packet's sketch. */
export interface TracePath {
  readonly hops: readonly HopSketch[];
}

export function addressLabel(hop: Pick<HopSketch, "after">): string {
  return `${hop.after.dst.ip}:${hop.after.dst.port}`;
}

/**
 * The ways already sampled, per drawing (its router): the Time view plans thousands of packets along
 * the same few ways, and sampling each again was most of a launch's cost.
 */
const sampledWays = new WeakMap<Router, Map<string, PathTable>>();

/**
 * The way from where the packet rests to another box: across its own box to the port the route leaves
 * from, then along the route an edge between the two boxes takes; straight across when no route exists.
 */
function pathBetween(router: Router, from: Point, source: Ref, target: Ref, to: Rect): PathTable {
  let ways = sampledWays.get(router);
  if (!ways) {
    ways = new Map();
    sampledWays.set(router, ways);
  }
  const key = `${from.x},${from.y} ${source} ${target}`;
  const known = ways.get(key);
  if (known) return known;
  const way = sampleRoute([from, ...(router.route(source, target) ?? [centre(to)])]);
  ways.set(key, way);
  return way;
}

/**
 * Maps a trace's hops onto the drawn graph and the engine's clock: the packet starts at the first
 * hop's box and travels to each following hop's box along the route an edge between them takes,
 * arriving when the engine says the hop acts (hop.t) and resting there while it works (HOP_SECONDS).
 * A Service's rules act on the node kube-proxy runs on, so the packet is drawn there (placeOf). Hops
 * at objects that are not drawn happen where the packet is. Nothing here decides a route or a time:
 * the engine's trace did; times are in ms of animation at speed 1 (clock.ts).
 */
/**
 * The drawn boxes a trace's packet passes, in order: each hop's box (placeOf: kube-proxy's rules at
 * the node it runs on), skipping hops at objects not drawn and a hop at the box it is already in.
 */
export function boxesPassed(trace: TracePath, model: Pick<GraphModel, "anchors" | "aliases">): Ref[] {
  const route: Ref[] = [];
  for (const hop of trace.hops) {
    const ref = resolveRef(model, placeOf(hop));
    if (ref && model.anchors.has(ref) && ref !== route.at(-1)) route.push(ref);
  }
  return route;
}

export function planPacket(
  trace: TracePath,
  model: Pick<GraphModel, "anchors" | "aliases" | "router">,
): PacketPlan {
  const steps: PacketStep[] = [];
  const places: (Ref | null)[] = [];
  let current: Ref | null = null;
  let position: Point = { x: 0, y: 0 };
  let start: Point | null = null;
  let clock = 0;
  trace.hops.forEach((hop, index) => {
    const ref = resolveRef(model, placeOf(hop));
    const rect = ref ? model.anchors.get(ref) : undefined;
    let path: PathTable | null = null;
    if (ref && rect && current === null) {
      position = centre(rect);
      start = position;
      current = ref;
    } else if (ref && rect && ref !== current && current !== null) {
      path = pathBetween(model.router, position, current, ref, rect);
      position = {
        x: path.xs[path.xs.length - 1] ?? position.x,
        y: path.ys[path.ys.length - 1] ?? position.y,
      };
      current = ref;
    }
    const end = Math.round((hop.t + HOP_SECONDS) * MS_PER_SECOND);
    // The wire time is the engine's: from the last hop's work done to this hop acting.
    const travel = path ? Math.max(0, Math.round(hop.t * MS_PER_SECOND) - clock) : 0;
    const acts = clock + travel;
    clock = end;
    places.push(current);
    steps.push({
      hop: index,
      path,
      travel,
      acts,
      end: clock,
      at: position,
      ref: placeOf(hop),
      label: addressLabel(hop),
      phase: hop.phase,
    });
  });
  return { start: start ?? position, steps, total: clock, route: boxesPassed(trace, model), places };
}

export interface PacketFrame {
  x: number;
  y: number;
  /** The step under way (its hop has not acted yet while travelling). */
  step: number;
  /** The label to show: the address before the hop while travelling to it, after it once there. */
  label: string;
  done: boolean;
}

/** Where a packet is `elapsed` ms (at speed 1) after it set off; `hint` is the step it was last in. */
export function frameAt(plan: PacketPlan, elapsed: number, hint = 0): PacketFrame {
  let i = Math.min(Math.max(hint, 0), Math.max(plan.steps.length - 1, 0));
  while (i > 0 && (plan.steps[i - 1]?.end ?? 0) > elapsed) i--;
  while (i < plan.steps.length - 1 && (plan.steps[i]?.end ?? 0) <= elapsed) i++;
  const step = plan.steps[i];
  if (!step) return { x: plan.start.x, y: plan.start.y, step: 0, label: "", done: true };
  const begin = plan.steps[i - 1]?.end ?? 0;
  const into = elapsed - begin;
  const previous = plan.steps[i - 1];
  if (step.path && into < step.travel) {
    const p = pointAlong(step.path, into / step.travel);
    return {
      x: p.x,
      y: p.y,
      step: i,
      label: previous?.label ?? step.label,
      done: false,
    };
  }
  return { x: step.at.x, y: step.at.y, step: i, label: step.label, done: elapsed >= plan.total };
}

/** The instant the hop before the current one acted: where "step back" takes a packet (0: where it set off). */
export function previousStepEnd(plan: PacketPlan, elapsed: number): number {
  return plan.steps.findLast((s) => s.acts < elapsed - 0.5)?.acts ?? 0;
}

/** The last hop that has acted `elapsed` ms after the packet set off (the first until then). */
export function actedHop(plan: PacketPlan, elapsed: number): number {
  const acted = plan.steps.filter((s) => s.acts <= elapsed + 0.5).length;
  return Math.max(0, Math.min(acted, plan.steps.length) - 1);
}

/**
 * Where "step one hop" takes a packet: to the instant its next hop acts, the packet at that hop's box
 * (a network simulator's step), or after the last, to its end.
 */
export function nextStepEnd(plan: PacketPlan, elapsed: number): number {
  return plan.steps.find((s) => s.acts > elapsed + 0.5)?.acts ?? plan.total;
}
