import { load } from "js-yaml";
import type { KubeObject, SourcedObject } from "../manifests/types.ts";
import { child, type FieldError, warning } from "../manifests/validation/field.ts";
import { message, renderMessage } from "../messages/index.ts";
import type { KubeProxyMode } from "./types.ts";

/**
 * Where a cluster keeps kube-proxy's configuration: kubeadm writes the ConfigMap kube-system/kube-proxy
 * whose `config.conf` key is a KubeProxyConfiguration, and every node's kube-proxy reads it
 * (`kube-proxy --config=/var/lib/kube-proxy/config.conf`). Editing its `mode:` is how a
 * learner switches the proxy mode on a real cluster, so the simulator reads it from the same place.
 */
export const KUBE_PROXY_CONFIGMAP = { namespace: "kube-system", name: "kube-proxy", key: "config.conf" };

export const KUBE_PROXY_CONFIG_API_VERSION = "kubeproxy.config.k8s.io/v1alpha1";

/** kube-proxy's modes on Linux (pkg/proxy/apis/config/types.go ProxyMode). */
export const KUBE_PROXY_MODES: readonly KubeProxyMode[] = ["iptables", "ipvs", "nftables"];

/**
 * What kube-proxy logs, and records as a Warning event IPVSDeprecation on its Node, when it starts in
 * ipvs mode (cmd/kube-proxy/app/server_linux.go, Kubernetes 1.35, KEP-5495).
 */
const IPVS_DEPRECATED = message("kubeProxy.ipvsDeprecated");
export const IPVS_DEPRECATION = renderMessage(IPVS_DEPRECATED);

export function isKubeProxyConfigMap(object: KubeObject): boolean {
  return (
    object.apiVersion === "v1" &&
    object.kind === "ConfigMap" &&
    object.metadata?.name === KUBE_PROXY_CONFIGMAP.name &&
    object.metadata?.namespace === KUBE_PROXY_CONFIGMAP.namespace
  );
}

interface ReadConfig {
  /** The mode the configuration selects; undefined for the default (blank or absent). */
  mode?: KubeProxyMode;
  /**
   * What kube-proxy would refuse at start. The API server stores any ConfigMap, so these are
   * warnings: the cluster keeps the default mode, as the old kube-proxy pods keep running.
   */
  problems: FieldError[];
}

const path = child("data", KUBE_PROXY_CONFIGMAP.key);

/** The KubeProxyConfiguration in the ConfigMap's `config.conf`, as kube-proxy decodes and validates it. */
export function readKubeProxyConfig(object: KubeObject): ReadConfig {
  const text = (object as { data?: Record<string, unknown> }).data?.[KUBE_PROXY_CONFIGMAP.key];
  if (typeof text !== "string") return { problems: [] };
  let config: unknown;
  try {
    config = load(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problems: [warning(path, message("kubeProxy.cannotDecode", { reason: reason ?? "" }))] };
  }
  if (typeof config !== "object" || config === null) return { problems: [] };
  const { kind, apiVersion, mode } = config as { kind?: unknown; apiVersion?: unknown; mode?: unknown };
  if (kind !== "KubeProxyConfiguration" || apiVersion !== KUBE_PROXY_CONFIG_API_VERSION)
    return {
      problems: [warning(path, message("kubeProxy.kind", { apiVersion: KUBE_PROXY_CONFIG_API_VERSION }))],
    };
  if (mode === undefined || mode === null || mode === "") return { problems: [] };
  if (mode === "ipvs")
    return { mode, problems: [warning(path, message("kubeProxy.said", { detail: IPVS_DEPRECATED }))] };
  if (typeof mode === "string" && (KUBE_PROXY_MODES as readonly string[]).includes(mode))
    return { mode: mode as KubeProxyMode, problems: [] };
  // pkg/proxy/apis/config/validation validateProxyModeLinux: blank means the best-available (iptables).
  return {
    problems: [
      warning(
        path,
        message("kubeProxy.badMode", { mode: JSON.stringify(mode), modes: KUBE_PROXY_MODES.join(",") }),
      ),
    ],
  };
}

/** The proxy mode the manifests' kube-proxy ConfigMap selects, if any. */
export function kubeProxyModeOf(objects: readonly SourcedObject[]): KubeProxyMode | undefined {
  const config = objects.find((o) => isKubeProxyConfigMap(o.object));
  return config ? readKubeProxyConfig(config.object).mode : undefined;
}
