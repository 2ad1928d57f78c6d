import { podRef } from "../refs.ts";
import { asRecord, asString } from "./fields.ts";
import type { Ref } from "./types.ts";

/** A Pod targetRef as written in an Endpoints address or an EndpointSlice endpoint, as a pod ref. */
export function podRefOf(targetRef: unknown, defaultNamespace: string): Ref | undefined {
  const ref = asRecord(targetRef);
  const name = asString(ref.name);
  if (ref.kind !== "Pod" || !name) return undefined;
  return podRef(asString(ref.namespace) ?? defaultNamespace, name);
}
