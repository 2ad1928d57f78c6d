/**
 * Gateway API hostnames (shared_types.go Hostname, gateway_types.go Listener.Hostname,
 * httproute_types.go HTTPRouteSpec.Hostnames): exact names, or `*.` wildcards that match by suffix
 * any number of labels deep (`*.example.com` matches `test.example.com` and
 * `foo.test.example.com`, not `example.com`). Names compare case-insensitively.
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  const name = host.toLowerCase();
  if (!pattern.startsWith("*.")) return pattern === name;
  return name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
}

/** Whether every name `inner` matches is also matched by `outer`. */
function within(inner: string, outer: string): boolean {
  if (!inner.startsWith("*.")) return hostnameMatches(outer, inner);
  if (!outer.startsWith("*.")) return false;
  return inner === outer || inner.endsWith(outer.slice(1));
}

/**
 * The hostnames a route serves on a listener (HTTPRouteSpec.Hostnames): `[]` means any host;
 * `null` means none intersect, so the route is not accepted on that listener
 * (NoMatchingListenerHostname). A listener `test.example.com` takes a route `*.example.com` as
 * `test.example.com`; route names outside the listener's are ignored.
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): string[] | null {
  if (!listener) return [...route];
  if (route.length === 0) return [listener];
  const out: string[] = [];
  for (const name of route) {
    const common = within(name, listener) ? name : within(listener, name) ? listener : undefined;
    if (common && !out.includes(common)) out.push(common);
  }
  return out.length > 0 ? out : null;
}

/**
 * Whether two routes' hostnames on one listener share a name (`[]`: any name), as the cross-serving
 * rule between HTTPRoute and GRPCRoute reads "the intersection of the hostnames ... is non-empty".
 */
export function hostnamesOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => within(x, y) || within(y, x)));
}

/**
 * How specific the hostname is that made a route match a request (HTTPRouteSpec.Hostnames:
 * precedence to the route with the most characters in a matching non-wildcard hostname, then in a
 * matching hostname); `undefined` when none of its hostnames matches. A route with no hostnames
 * matches every host with rank 0, 0.
 */
export function hostnameRank(
  hostnames: readonly string[],
  host: string,
): { exact: number; any: number; hostname: string | undefined } | undefined {
  if (hostnames.length === 0) return { exact: 0, any: 0, hostname: undefined };
  let best: { exact: number; any: number; hostname: string } | undefined;
  for (const name of hostnames) {
    if (!hostnameMatches(name, host)) continue;
    const rank = { exact: name.startsWith("*.") ? 0 : name.length, any: name.length, hostname: name };
    if (!best || rank.exact > best.exact || (rank.exact === best.exact && rank.any > best.any)) best = rank;
  }
  return best;
}
