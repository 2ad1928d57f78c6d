import { asRecord } from "../../cluster/fields.ts";
import type { SourcedObject } from "../../manifests/types.ts";
import { type HopMessage, hopMessage } from "../../messages/index.ts";
import { hostMatches } from "./host.ts";
import type { IngressTLS, IngressView } from "./spec.ts";

/** The certificate ingress-nginx serves when it has none for a host (no --default-ssl-certificate). */
export const NGINX_FAKE_CERTIFICATE = "Kubernetes Ingress Controller Fake Certificate";

/** A TLS entry that covers `host`, and the field that says so. */
export interface TLSMatch {
  ingress: IngressView;
  tls: IngressTLS;
  field: string;
}

/**
 * The spec.tls entry of an Ingress that covers `host`: one listing it (a wildcard entry covers one
 * label, as a certificate for `*.foo.com` does), or one with no hosts, which covers the Ingress's own
 * rule hosts (IngressTLS.hosts "defaults to the wildcard host setting").
 */
export function tlsFor(ingress: IngressView, host: string): TLSMatch | undefined {
  for (const tls of ingress.tls) {
    const index = tls.hosts.findIndex((h) => hostMatches(h, host));
    if (index >= 0) return { ingress, tls, field: `${tls.field}.hosts[${index}]` };
    if (tls.hosts.length === 0 && ingress.rules.some((r) => r.host !== "" && hostMatches(r.host, host))) {
      return { ingress, tls, field: tls.field };
    }
  }
  return undefined;
}

/**
 * Whether the Secret a TLS entry names can serve: it exists in the Ingress's namespace and holds
 * `tls.crt` and `tls.key` (what a kubernetes.io/tls Secret must contain). Returns why not, or null.
 */
export function secretProblem(
  secrets: ReadonlyMap<string, SourcedObject>,
  namespace: string,
  name: string | undefined,
): HopMessage | null {
  if (!name) return hopMessage("hop.secret-unnamed", {});
  const secret = secrets.get(`${namespace}/${name}`);
  if (!secret) return hopMessage("hop.secret-missing", { secret: `${namespace}/${name}` });
  const data = { ...asRecord(secret.object.data), ...asRecord(secret.object.stringData) };
  if (!("tls.crt" in data) || !("tls.key" in data)) {
    return hopMessage("hop.secret-not-tls", { secret: `${namespace}/${name}` });
  }
  return null;
}
