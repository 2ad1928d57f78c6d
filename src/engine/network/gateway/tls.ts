/**
 * TLSRoute (gateway.networking.k8s.io/v1, standard since Gateway API v1.5): on a listener with
 * `protocol: TLS` and `tls.mode: Passthrough` the Gateway reads the ClientHello's server name (SNI)
 * and, without decrypting anything, passes the stream to the backend of the route whose hostname
 * matches it. TLSRouteSpec.Hostnames is required; "only one Route hostname may match each request":
 * the most specific one (an exact name before the longest wildcard), as for HTTPRoute.
 */
import { hostnameRank } from "./hostname.ts";

export interface SNIRoute<T> {
  route: T;
  /** The hostnames the route serves on the listener (intersected with the listener's). */
  hostnames: readonly string[];
  /** "NS/NAME" and creationTimestamp: the tie-breakers between routes with the same hostname. */
  key: string;
  created: string | undefined;
}

/**
 * The route that takes a connection whose ClientHello names `sni`, or undefined (the Gateway then
 * closes the connection: there is no TLS to answer with an error page). Precedence: the most
 * characters in a matching exact hostname, then in a matching hostname, then the oldest route, then
 * the first by "{namespace}/{name}" (conformance tlsroute-hostname-intersection).
 */
export function routeForSNI<T>(routes: readonly SNIRoute<T>[], sni: string): SNIRoute<T> | undefined {
  let best: { route: SNIRoute<T>; exact: number; any: number } | undefined;
  for (const route of routes) {
    const rank = hostnameRank(route.hostnames, sni);
    // TLSRoute hostnames are required: a route with none (an invalid one) takes nothing.
    if (!rank || route.hostnames.length === 0) continue;
    const better =
      !best ||
      rank.exact > best.exact ||
      (rank.exact === best.exact && rank.any > best.any) ||
      (rank.exact === best.exact && rank.any === best.any && olderOrFirst(route, best.route));
    if (better) best = { route, exact: rank.exact, any: rank.any };
  }
  return best?.route;
}

function olderOrFirst<T>(a: SNIRoute<T>, b: SNIRoute<T>): boolean {
  const ca = a.created ?? "";
  const cb = b.created ?? "";
  if (ca !== cb && ca !== "" && cb !== "") return ca < cb;
  return a.key < b.key;
}
