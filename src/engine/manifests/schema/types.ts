/**
 * The fields a kind has, as the API server decodes them (issue 14). Since Kubernetes 1.27 the API
 * server validates fields strictly by default and `kubectl apply` asks for it (KEP-2885,
 * server-side unknown field validation): a field the type does not have is an error, `strict
 * decoding error: unknown field "spec.selectr"`, and the object is not stored.
 *
 * A schema is data: a mapping of field names to their own schemas, a one-item array for a list
 * whose items all have that schema, or ANY for a value whose keys are free (labels, a selector, a
 * resource list) or that the simulator does not look inside (status, volumes, security contexts):
 * nothing under ANY is flagged, so a real field is never called unknown.
 */
export const ANY = true as const;

export type FieldSchema = typeof ANY | FieldsSchema | readonly [FieldSchema];
export interface FieldsSchema {
  readonly [field: string]: FieldSchema;
}

/** A list whose items have `item`'s fields. */
export function listOf(item: FieldSchema): readonly [FieldSchema] {
  return [item];
}
