import type { Ref } from "../cluster/types.ts";
import type { SourcedObject, SourcePosition } from "../manifests/types.ts";
import type { DataPlane } from "../network/dataplane.ts";
import type { TrafficState } from "../network/traffic-state.ts";
import type { Hop, HopCause, HopKind, PacketHeader } from "./types.ts";

/** One trace being built: where its hops go and whether they belong to the DNS lookup or the request. */
export interface TraceContext {
  dp: DataPlane;
  state: TrafficState;
  hops: Hop[];
  phase: Hop["phase"];
  /** The address DNS gave the request and the name it belongs to, to name an external host `external/NAME`. */
  resolved?: { ip: string; name: string };
}

export function addHop(
  ctx: TraceContext,
  at: Ref,
  kind: HopKind,
  detail: string,
  before: PacketHeader,
  after: PacketHeader = before,
  cause?: HopCause,
): void {
  ctx.hops.push(
    cause
      ? { at, kind, detail, phase: ctx.phase, before, after, cause }
      : { at, kind, detail, phase: ctx.phase, before, after },
  );
}

/** "spec.ports[0].targetPort" -> "spec.ports[0]" -> "spec.ports" -> "spec" -> "". */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut < 0 ? "" : path.slice(0, cut);
}

/** Where a field was written, or else the nearest enclosing field that was (a defaulted field has no line). */
function positionOf(source: SourcedObject | undefined, field: string): SourcePosition | undefined {
  if (!source) return undefined;
  let path = field;
  for (;;) {
    const position = source.positions.get(path);
    if (position || path === "") return position;
    path = parentPath(path);
  }
}

export function causeOf(object: Ref, source: SourcedObject | undefined, field: string): HopCause {
  const position = positionOf(source, field);
  return position ? { object, field, position } : { object, field };
}
