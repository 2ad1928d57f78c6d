import {
  type Cluster,
  isKubeProxyConfigMap,
  KUBE_PROXY_CONFIG_API_VERSION,
  KUBE_PROXY_CONFIGMAP,
  type KubeProxyMode,
  type SourceFile,
} from "../../engine/index.ts";
import { appendDocument, replaceDocument, toYaml } from "../../kubectl/documents.ts";

/**
 * The manifests with kube-proxy's mode changed where a kubeadm cluster keeps it: the
 * kube-system/kube-proxy ConfigMap's KubeProxyConfiguration, written anew (or added to the first file).
 */
export function withProxyMode(
  files: readonly SourceFile[],
  cluster: Cluster,
  mode: KubeProxyMode,
): SourceFile[] {
  const { namespace, name, key } = KUBE_PROXY_CONFIGMAP;
  const configuration = toYaml({
    apiVersion: KUBE_PROXY_CONFIG_API_VERSION,
    kind: "KubeProxyConfiguration",
    mode,
  });
  const yaml = toYaml({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, namespace },
    data: { [key]: configuration },
  });
  const written = cluster.objects.find((o) => isKubeProxyConfigMap(o.object));
  const target = written?.file ?? files[0]?.name;
  return files.map((file) => {
    if (file.name !== target) return file;
    return written ? replaceDocument(file, written.documentIndex, yaml) : appendDocument(file, yaml);
  });
}
