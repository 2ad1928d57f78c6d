import { message } from "../messages/index.ts";
import type { DataPlane } from "../network/dataplane.ts";
import type { DnsAnswer, Rcode, RecordType } from "../network/dns.ts";
import { type Refusal, refuse } from "../network/refusal.ts";
import { type RequestSource, resolveSource } from "../network/source.ts";
import { createTrafficState, type TrafficState } from "../network/traffic-state.ts";
import { dnsLookup, type Resolution } from "./trace.ts";
import type { Hop } from "./types.ts";

/** A name looked up as `svclab dns NAME --from SRC -o json` prints it (DESIGN.md). */
export interface NameLookup {
  /** The name that answered (after the search list), or the name as asked when none did. */
  name: string;
  rcode: Rcode;
  answers: DnsAnswer[];
}

export type NameLookupResult = { ok: true; value: NameLookup; hops: Hop[] } | (Refusal & { hops: Hop[] });

/** A query as the resolver of its source asked it: what answered (or that nothing did), and the hops. */
export type DnsQueryResult =
  | {
      ok: true;
      source: RequestSource;
      result: Resolution | { outcome: "timeout" | "refused" };
      hops: Hop[];
    }
  | (Refusal & { hops: Hop[] });

/** A query of `name` for `type` records by the resolver of `from`; a source that is no pod, node or client is refused. */
export function dnsQuery(
  dp: DataPlane,
  from: string,
  name: string,
  type: RecordType,
  state: TrafficState = createTrafficState(dp.cluster.settings.seed),
): DnsQueryResult {
  const source = resolveSource(dp, from);
  if (!source.ok) return { ...source, hops: [] };
  return { ok: true, source: source.value, ...dnsLookup(dp, source.value, name, type, state) };
}

/**
 * An A lookup of `name` by the resolver of `from` (`pod/NS/NAME`, `node/NAME` or `client/external`):
 * a pod with dnsPolicy ClusterFirst asks CoreDNS through its search list, the others an upstream.
 */
export function lookupName(
  dp: DataPlane,
  from: string,
  name: string,
  state: TrafficState = createTrafficState(dp.cluster.settings.seed),
): NameLookupResult {
  const query = dnsQuery(dp, from, name, "A", state);
  if (!query.ok) return query;
  const { result, hops } = query;
  if ("outcome" in result) {
    return { ...refuse(message("request.noAnswer", { name, outcome: result.outcome })), hops };
  }
  return {
    ok: true,
    value: { name: result.name, rcode: result.response.rcode, answers: result.response.answers },
    hops,
  };
}
