import type { ClusterSettings } from "./types.ts";

/**
 * The Kubernetes release whose defaults and behaviour the simulator follows (the current one; see
 * kubernetes.io/releases). Shown wherever defaults show, so a learner can tell what to compare with.
 */
export const KUBERNETES_VERSION = "1.36";

/** The defaults DESIGN.md states; each names the real setting it stands for in ClusterSettings. */
export const defaultSettings: Readonly<ClusterSettings> = Object.freeze({
  serviceCIDR: "10.96.0.0/12",
  clusterDomain: "cluster.local",
  nodePortRange: { min: 30000, max: 32767 },
  loadBalancerCIDR: "198.51.100.0/24",
  externalClientIP: "203.0.113.10",
  kubeProxyMode: "iptables",
  loadBalancerProvider: "gcp",
  seed: 1,
  externalHosts: {
    "example.com": "93.184.215.14",
    "www.example.com": "93.184.215.14",
    "db.example.com": "192.0.2.20",
    "api.example.org": "192.0.2.30",
  },
});

export function resolveSettings(overrides: Partial<ClusterSettings> = {}): ClusterSettings {
  return {
    ...defaultSettings,
    ...overrides,
    nodePortRange: { ...defaultSettings.nodePortRange, ...overrides.nodePortRange },
    externalHosts: { ...defaultSettings.externalHosts, ...overrides.externalHosts },
  };
}
