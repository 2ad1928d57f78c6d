import type { IngressSummary } from "../../engine/index.ts";
import type { Suggestion } from "./suggestions.ts";

/** Whether a TLS entry of the Ingress names the host (an entry without hosts covers every rule host). */
function hasTls(ingress: IngressSummary, host: string): boolean {
  return ingress.tls.some((t) => t.hosts.length === 0 || t.hosts.includes(host));
}

/**
 * URLs that reach each served Ingress's rules from outside: by host name (the outside DNS publishes
 * every rule host), over HTTPS where a TLS entry covers the host; by address for a rule without a
 * host. Wildcard hosts are left out: any one label would do, and the learner picks it.
 */
export function ingressSuggestions(ingresses: readonly IngressSummary[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const ingress of ingresses) {
    if (!ingress.implementation || !ingress.address) continue;
    for (const p of ingress.paths) {
      if (p.host.startsWith("*")) continue;
      const scheme = p.host && hasTls(ingress, p.host) ? "https" : "http";
      const value = `${scheme}://${p.host || ingress.address}${p.path}`;
      if (!out.some((s) => s.value === value)) {
        out.push({
          value,
          note: {
            key: "suggest.ingress",
            params: { ingress: ingress.ref, path: p.path, backend: p.backend.text },
          },
        });
      }
    }
  }
  return out;
}
