import { appsSchemas } from "./apps.ts";
import { coreSchemas } from "./core.ts";
import { gatewaySchemas } from "./gateway.ts";
import { discoverySchemas, networkingSchemas } from "./networking.ts";
import type { FieldsSchema } from "./types.ts";

const byApiVersion: Record<string, Record<string, FieldsSchema>> = {
  v1: coreSchemas,
  "apps/v1": appsSchemas,
  "networking.k8s.io/v1": networkingSchemas,
  "discovery.k8s.io/v1": discoverySchemas,
  "gateway.networking.k8s.io/v1": gatewaySchemas,
  // The standard channel serves v1beta1 beside v1 with the same schema; ReferenceGrant only there.
  "gateway.networking.k8s.io/v1beta1": gatewaySchemas,
};

/** The fields of a kind in an apiVersion, when the simulator knows them (otherwise nothing is checked). */
export function schemaOf(apiVersion: string, kind: string): FieldsSchema | undefined {
  const kinds = byApiVersion[apiVersion];
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}

export { ANY, type FieldSchema, type FieldsSchema } from "./types.ts";
