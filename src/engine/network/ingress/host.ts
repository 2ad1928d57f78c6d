/**
 * IngressRule.host matching (networking.k8s.io/v1): a precise host matches the Host header exactly;
 * a wildcard `*.foo.com` matches when the header, less its first label, equals `foo.com` — so
 * exactly one label: `bar.foo.com` yes, `baz.bar.foo.com` and `foo.com` no.
 */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith("*.")) return ruleHost === host;
  const dot = host.indexOf(".");
  return dot > 0 && host.slice(dot + 1) === ruleHost.slice(2);
}

export function isWildcardHost(host: string): boolean {
  return host.startsWith("*.");
}
