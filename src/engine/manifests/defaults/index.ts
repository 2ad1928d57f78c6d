import { message } from "../../messages/index.ts";
import { kindInfo } from "../kinds.ts";
import type { KubeObject } from "../types.ts";
import { type FieldError, warning } from "../validation/field.ts";
import { isObj, type Obj } from "../validation/values.ts";
import { defaultPodSpec, objectItems, setDefault } from "./pod.ts";
import { defaultService } from "./service.ts";
import { defaultWorkload } from "./workloads.ts";

export interface Defaulted {
  object: KubeObject;
  /** Things defaulting dropped or changed that the author wrote, as warnings. */
  notes: FieldError[];
}

/**
 * The object as the API server stores it after defaulting: a new object, the input untouched.
 * Defaulters skip fields of the wrong type; validation reports those.
 */
export function defaultObject(input: KubeObject): Defaulted {
  return defaultInPlace(clone(input) as KubeObject);
}

/**
 * defaultObject's work on the object itself, for an object nothing else holds: the ones
 * loadManifests has just read (issue 15: copying every node of 1 MB cost as much as defaulting it).
 */
export function defaultInPlace(object: KubeObject): Defaulted {
  const notes: FieldError[] = [];
  const info = kindInfo(object);
  if (!info) return { object, notes };
  const meta = object.metadata;
  if (info.namespaced) setDefault(meta, "namespace", "default");
  else if (meta.namespace !== undefined) {
    // rest.BeforeCreate clears the namespace of cluster-scoped objects before validation
    notes.push(warning("metadata.namespace", message("defaults.notNamespaced", { kind: object.kind })));
    delete meta.namespace;
  }
  const spec: Obj | undefined = isObj(object.spec) ? object.spec : undefined;
  switch (object.kind) {
    case "Namespace":
      // SetDefaults_Namespace: the kubernetes.io/metadata.name label
      if (meta.labels === undefined || meta.labels === null) meta.labels = {};
      if (isObj(meta.labels)) meta.labels["kubernetes.io/metadata.name"] = meta.name;
      break;
    case "Service":
      defaultService(object, notes);
      break;
    case "Pod":
      if (spec) defaultPodSpec(spec, true);
      break;
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      defaultWorkload(object.kind, object);
      break;
    case "Endpoints":
      // SetDefaults_Endpoints
      for (const subset of objectItems(object, "subsets")) {
        for (const port of objectItems(subset, "ports")) setDefault(port, "protocol", "TCP");
      }
      break;
    case "EndpointSlice":
      // discovery/v1 SetDefaults_EndpointPort
      for (const port of objectItems(object, "ports")) {
        if (port.name == null) port.name = "";
        setDefault(port, "protocol", "TCP");
      }
      break;
    case "Secret":
      setDefault(object, "type", "Opaque");
      break;
  }
  return { object, notes };
}

/** A deep copy of parsed YAML data (plain objects, arrays and scalars only). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (!isObj(value)) return value;
  // A loop rather than Object.fromEntries(Object.entries(...)): it runs for every node of every
  // manifest and allocates no pair arrays.
  const copy: Obj = {};
  for (const key of Object.keys(value)) {
    // A `__proto__` key is data in YAML; assigning it would set the copy's prototype instead.
    if (key === "__proto__") {
      Object.defineProperty(copy, key, {
        value: clone(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = clone(value[key]);
    }
  }
  return copy;
}
