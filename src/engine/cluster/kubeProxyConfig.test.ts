import { describe, expect, it } from "vitest";
import { loadManifests } from "../manifests/load.ts";
import { buildCluster } from "./build.ts";

const configMap = (conf: string) => `
apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |
${conf
  .trim()
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
`;

function load(yaml: string) {
  return loadManifests([{ name: "kube-proxy.yaml", text: yaml }]);
}

describe("kube-proxy's mode from its ConfigMap", () => {
  it("reads mode from the KubeProxyConfiguration in kube-system/kube-proxy's config.conf, as kubeadm lays it out", () => {
    const loaded = load(
      configMap("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables"),
    );
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.diagnostics).toEqual([]);
    expect(buildCluster(loaded.value).settings.kubeProxyMode).toBe("nftables");
  });

  it("defaults to iptables when mode is blank (validateProxyModeLinux: blank means the best-available proxy)", () => {
    const loaded = load(
      configMap('apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ""'),
    );
    if (!loaded.ok) throw new Error("invalid");
    expect(buildCluster(loaded.value).settings.kubeProxyMode).toBe("iptables");
  });

  it("warns that ipvs is deprecated, as kube-proxy 1.35 logs at start (server_linux.go, KEP-5495)", () => {
    const loaded = load(
      configMap("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs"),
    );
    if (!loaded.ok) throw new Error("invalid");
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      "kube-proxy: The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.",
    ]);
    expect(buildCluster(loaded.value).settings.kubeProxyMode).toBe("ipvs");
  });

  it("says kube-proxy would refuse an unknown mode, and keeps iptables (validateProxyModeLinux)", () => {
    const loaded = load(
      configMap(
        "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: userspace",
      ),
    );
    if (!loaded.ok) throw new Error("invalid");
    expect(loaded.diagnostics[0]?.severity).toBe("warning");
    expect(loaded.diagnostics[0]?.message).toContain(
      'KubeProxyConfiguration.ProxyMode: Invalid value: "userspace": must be iptables,ipvs,nftables or blank',
    );
    expect(buildCluster(loaded.value).settings.kubeProxyMode).toBe("iptables");
  });

  it("lets a caller's setting (svclab --proxy-mode) win over the ConfigMap", () => {
    const loaded = load(
      configMap("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables"),
    );
    if (!loaded.ok) throw new Error("invalid");
    expect(buildCluster(loaded.value, { settings: { kubeProxyMode: "ipvs" } }).settings.kubeProxyMode).toBe(
      "ipvs",
    );
  });
});
