import { printFields, type Resource } from "../../kubectl/printers.ts";
import { ageOf } from "../console/ages.ts";
import { shownCluster } from "../store/timeSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { Fields } from "./Fields.tsx";

/**
 * An object's row as `kubectl get RESOURCE NAME -o wide --show-labels` prints it, one column a line:
 * the printers of `svclab get` and the console (one implementation), with kubectl's column names.
 */
export function KubectlFields({
  resource,
  singular,
  namespace,
  name,
}: {
  resource: Resource;
  singular: string;
  namespace: string;
  name: string;
}) {
  const cluster = useAppStore(shownCluster);
  if (!cluster) return null;
  const fields = printFields(resource, cluster, namespace, name, ageOf(cluster, Date.now()));
  if (!fields) return null;
  const namespaceFlag = namespace && namespace !== "default" ? ` -n ${namespace}` : "";
  return (
    <figure className="mt-2">
      <figcaption className="font-mono text-[11px] text-slate-500">
        $ kubectl get {singular} {name}
        {namespaceFlag} -o wide --show-labels
      </figcaption>
      <Fields rows={fields} />
    </figure>
  );
}
