import type { Random } from "../random.ts";
import { type DataPlane, memo } from "./dataplane.ts";
import {
  type DnsResponse,
  isStableAnswer,
  type RecordType,
  resolveAbsolute,
  searchCandidates,
  searchList,
} from "./dns.ts";

/**
 * The order a pod's stub resolver tries a name in (resolv.conf(5)): an absolute name alone; with at
 * least ndots dots, as is first; with fewer, the search list first.
 */
export type SearchOrder = "absolute" | "as-is-first" | "search-first";

/** One name as a pod's resolver asks it: the names it tries, in order. */
export interface QueryPlan {
  type: RecordType;
  /** The name as the request wrote it. */
  name: string;
  /** The search list of the pod's namespace, as the kubelet writes it into resolv.conf. */
  search: string[];
  candidates: string[];
  order: SearchOrder;
}

/** What CoreDNS answers to each name tried, up to the first with records, and what the resolver makes of them. */
export interface ResolverAnswers {
  steps: { name: string; response: DnsResponse }[];
  /** The name that answered (or the name as asked when none did) and its answer. */
  result: { name: string; response: DnsResponse };
  /**
   * found: a name had records; nodata: none had, but one exists (glibc's res_search answers with
   * that name, not NXDOMAIN); nxdomain: no name exists.
   */
  ending: "found" | "nodata" | "nxdomain";
}

/** The search list the kubelet writes for pods of `namespace` (dnsPolicy ClusterFirst). */
function podSearchList(dp: DataPlane, namespace: string): string[] {
  return memo(dp.cache.searchLists, namespace, () =>
    searchList(namespace, dp.cluster.settings.clusterDomain),
  );
}

/** How a pod in `namespace` asks for `name`: kept per data plane, as a workload asks the same few names. */
export function queryPlan(dp: DataPlane, namespace: string, name: string, type: RecordType): QueryPlan {
  const plans = memo(dp.cache.queryPlans, `${type} ${namespace}`, () => new Map<string, QueryPlan>());
  return memo(plans, name, () => {
    const search = podSearchList(dp, namespace);
    const candidates = searchCandidates(name, search);
    const order: SearchOrder = name.endsWith(".")
      ? "absolute"
      : candidates[0] === name.toLowerCase()
        ? "as-is-first"
        : "search-first";
    return { type, name, search, candidates, order };
  });
}

/** The name as asked, as an answer names it: lower case, without a trailing dot. */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * CoreDNS answers each candidate name in turn. When every answer is one `loadbalance` cannot shuffle
 * (isStableAnswer), the same names get the same answers for the life of the data plane and draw no
 * randomness, so they are kept and later lookups skip straight to them.
 */
export function resolverAnswers(dp: DataPlane, plan: QueryPlan, random: Random): ResolverAnswers {
  const kept = dp.cache.resolverAnswers.get(plan);
  if (kept) return kept;
  const steps: ResolverAnswers["steps"] = [];
  let found: { name: string; response: DnsResponse } | null = null;
  let last: DnsResponse = { rcode: "NXDOMAIN", answers: [], from: "cluster" };
  for (const name of plan.candidates) {
    const response = resolveAbsolute(dp, name, plan.type, random);
    steps.push({ name, response });
    last = response;
    if (response.rcode === "NOERROR" && response.answers.length > 0) {
      found = { name, response };
      break;
    }
  }
  // glibc's res_search: when no name has records, a name that exists (NODATA) is the answer, not NXDOMAIN.
  const nodata = found ? undefined : steps.find((step) => step.response.rcode === "NOERROR");
  const answers: ResolverAnswers = {
    steps,
    result: found ?? nodata ?? { name: normalName(plan.name), response: last },
    ending: found ? "found" : nodata ? "nodata" : "nxdomain",
  };
  if (steps.every((step) => isStableAnswer(step.response))) dp.cache.resolverAnswers.set(plan, answers);
  return answers;
}

/** The first address a lookup gave and the name it belongs to (the end of any CNAME chain). */
export function addressOf(response: DnsResponse): { ip: string; name: string } | null {
  const a = response.answers.find((answer) => answer.type === "A");
  return a ? { ip: a.data, name: a.name } : null;
}
