import { buildCluster } from "../engine/cluster/build.ts";
import { type Cluster, loadManifests, type SourceFile } from "../engine/index.ts";

/** Tests only: a cluster built from manifests; throws on invalid input. */
export function clusterOf(files: readonly SourceFile[]): Cluster {
  const loaded = loadManifests([...files]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
  return buildCluster(loaded.value);
}
