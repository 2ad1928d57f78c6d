import { type HopMessage, hopMessage } from "../../messages/index.ts";
import { hostMatches, isWildcardHost } from "./host.ts";
import { bestPath, type Matching } from "./path.ts";
import type { IngressBackend, IngressPath, IngressRule, IngressView, PathType } from "./spec.ts";

/** What a controller decided for a request: a path's backend, a default backend, or nothing (404). */
export type Route =
  | {
      kind: "path";
      ingress: IngressView;
      rule: IngressRule;
      path: IngressPath;
      matching: Matching;
      backend: IngressBackend & { kind: "service" } /** How the host was matched, for people. */;
      host: HopMessage;
    }
  | {
      kind: "default";
      ingress: IngressView;
      backend: IngressBackend & { kind: "service" };
      why: HopMessage;
    }
  | { kind: "none"; why: HopMessage };

interface Location {
  ingress: IngressView;
  rule: IngressRule;
  path: IngressPath;
  matching: Matching;
  backend: IngressBackend & { kind: "service" };
}

function serviceBackend(
  backend: IngressBackend | undefined,
): (IngressBackend & { kind: "service" }) | undefined {
  return backend?.kind === "service" ? backend : undefined;
}

function describeHost(ruleHost: string, host: string): HopMessage {
  if (ruleHost === "") return hopMessage("hop.host-any", { host: host || hopMessage("hop.host-none", {}) });
  if (isWildcardHost(ruleHost)) return hopMessage("hop.host-wildcard", { host, rule: ruleHost });
  return hopMessage("hop.host-exact", { host, rule: ruleHost });
}

/** The request's Host as a route's reason names it: "(none)" when it has none. */
function hostOrNone(host: string): HopMessage | string {
  return host || hopMessage("hop.host-none-parenthesized", {});
}

/**
 * One nginx `server` block: a host (or `_`, the catch-all), the locations every Ingress of the class
 * adds to it, and the default backend of its root location.
 */
export interface NginxServer {
  host: string;
  /** The Ingress that created the server: its annotations decide the server-wide behaviour. */
  ingress: IngressView;
  locations: Location[];
  defaultBackend: { ingress: IngressView; backend: IngressBackend & { kind: "service" } } | undefined;
}

export interface NginxConfig {
  servers: Map<string, NginxServer>;
  catchAll: NginxServer | undefined;
}

/** internal/k8s SetDefaultNGINXPathType: ingress-nginx reads ImplementationSpecific as Prefix. */
const NGINX_MATCHING: Record<PathType, Matching> = {
  Exact: "exact",
  Prefix: "prefix",
  ImplementationSpecific: "prefix",
};

/**
 * ingress-gce: an ImplementationSpecific path is a URL-map path as written — `/foo/*` below
 * `/foo/`, `/*` everything, anything else exactly.
 */
const GCE_MATCHING: Record<PathType, Matching> = {
  Exact: "exact",
  Prefix: "prefix",
  ImplementationSpecific: "glob",
};

/**
 * ingress-nginx's configuration from every Ingress of its class, in order (the controller sorts by
 * creation time; the simulator's order is the manifests'): controller.go createServers makes one
 * server per host, the first Ingress naming a host giving its root location that Ingress's
 * defaultBackend; an Ingress with a defaultBackend and no rules configures the catch-all server.
 * getBackendServers then adds each path as a location; a path already configured by an earlier
 * Ingress is kept, and paths with a resource backend are skipped (ingress-nginx serves Services only).
 */
export function nginxConfig(ingresses: readonly IngressView[]): NginxConfig {
  const servers = new Map<string, NginxServer>();
  let catchAll: NginxServer | undefined;
  for (const ingress of ingresses) {
    const fallback = serviceBackend(ingress.defaultBackend);
    const defaultBackend = fallback ? { ingress, backend: fallback } : undefined;
    if (ingress.rules.length === 0 && defaultBackend) {
      catchAll ??= { host: "", ingress, locations: [], defaultBackend: undefined };
      catchAll.defaultBackend ??= defaultBackend;
    }
    for (const rule of ingress.rules) {
      if (rule.host === "") {
        catchAll ??= { host: "", ingress, locations: [], defaultBackend: undefined };
      } else if (!servers.has(rule.host)) {
        servers.set(rule.host, { host: rule.host, ingress, locations: [], defaultBackend });
      }
    }
  }
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      const server = rule.host === "" ? catchAll : servers.get(rule.host);
      if (!server) continue;
      for (const path of rule.paths) {
        const backend = serviceBackend(path.backend);
        if (!backend) continue;
        const matching = NGINX_MATCHING[path.pathType];
        if (server.locations.some((l) => l.path.path === path.path && l.matching === matching)) continue;
        server.locations.push({ ingress, rule, path, matching, backend });
      }
    }
  }
  return { servers, catchAll };
}

/** nginx picks a server by its exact name, then by a wildcard (ingress-nginx writes `*.foo.com` as a one-label regex), then the catch-all. */
export function nginxServerFor(config: NginxConfig, host: string): NginxServer | undefined {
  const exact = config.servers.get(host);
  if (exact) return exact;
  for (const server of config.servers.values()) {
    if (isWildcardHost(server.host) && hostMatches(server.host, host)) return server;
  }
  return config.catchAll;
}

function fromLocations(locations: readonly Location[], host: string, requestPath: string): Route | undefined {
  const best = bestPath(
    locations.map((l) => ({ ...l, path: l.path.path, location: l })),
    requestPath,
  );
  if (!best) return undefined;
  const { location } = best.candidate;
  return {
    kind: "path",
    ingress: location.ingress,
    rule: location.rule,
    path: location.path,
    matching: location.matching,
    backend: location.backend,
    host: describeHost(location.rule.host, host),
  };
}

export function nginxRoute(config: NginxConfig, host: string, requestPath: string): Route {
  const server = nginxServerFor(config, host);
  if (!server) return { kind: "none", why: hopMessage("hop.route-no-host", { host: hostOrNone(host) }) };
  const found = fromLocations(server.locations, host, requestPath);
  if (found) return found;
  if (server.defaultBackend) {
    const ingress = server.defaultBackend.ingress.ref;
    const why = server.host
      ? hopMessage("hop.route-server-default", { host: server.host, path: requestPath, ingress })
      : hopMessage("hop.route-catch-all-default", { host: hostOrNone(host), path: requestPath, ingress });
    return { kind: "default", ...server.defaultBackend, why };
  }
  return {
    kind: "none",
    why: server.host
      ? hopMessage("hop.route-no-path", { host: server.host, path: requestPath })
      : hopMessage("hop.route-no-rule", { host: hostOrNone(host), path: requestPath }),
  };
}

/**
 * One Ingress's GCE URL map: host rules (exact before wildcard, host-less rules as `*`), each with a
 * path matcher whose default service, like the URL map's, is spec.defaultBackend or else GKE's
 * default backend (kube-system/default-http-backend, which answers 404).
 */
export function gceRoute(ingress: IngressView, host: string, requestPath: string): Route {
  const exact = ingress.rules.filter((r) => r.host === host);
  const wildcard = ingress.rules.filter((r) => isWildcardHost(r.host) && hostMatches(r.host, host));
  const any = ingress.rules.filter((r) => r.host === "");
  const rules = exact.length > 0 ? exact : wildcard.length > 0 ? wildcard : any;
  const locations = rules.flatMap((rule) =>
    rule.paths.flatMap((path): Location[] => {
      const backend = serviceBackend(path.backend);
      return backend ? [{ ingress, rule, path, matching: GCE_MATCHING[path.pathType], backend }] : [];
    }),
  );
  const found = fromLocations(locations, host, requestPath);
  if (found) return found;
  const why =
    rules.length > 0
      ? hopMessage("hop.route-gce-no-path", { path: requestPath })
      : hopMessage("hop.route-gce-no-host", { host: hostOrNone(host) });
  const fallback = serviceBackend(ingress.defaultBackend);
  if (fallback)
    return {
      kind: "default",
      ingress,
      backend: fallback,
      why: hopMessage("hop.route-default-backend", { why }),
    };
  return { kind: "none", why };
}
