import { checkSimulatorLimits } from "../cluster/limits.ts";
import { resolveSettings } from "../cluster/settings.ts";
import type { ClusterSettings } from "../cluster/types.ts";
import { defaultInPlace } from "./defaults/index.ts";
import { orderDiagnostics } from "./diagnostics.ts";
import { readManifests } from "./parse.ts";
import type { Diagnostic, Result, SourcedObject, SourceFile } from "./types.ts";
import { toDiagnostic, validateObjects } from "./validation/index.ts";

/**
 * YAML text to the objects an API server would store: parse, default, validate, and check the
 * simulator's own size limits (cluster/limits.ts). `ok` is false when
 * any diagnostic is an error; warnings (kinds not simulated, fields ignored) come either way.
 */
export function loadManifests(
  files: readonly SourceFile[],
  settings: Partial<ClusterSettings> = {},
): Result<SourcedObject[]> {
  const parsed = readManifests(files);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  // The objects just read are this call's own: defaulted where they are, not copied.
  const objects = parsed.objects;
  for (const source of objects) {
    for (const note of defaultInPlace(source.object).notes) diagnostics.push(toDiagnostic(source, note));
  }
  diagnostics.push(...validateObjects(objects, resolveSettings(settings)));
  // Before any build: a cluster larger than the simulator holds is refused here, at once.
  diagnostics.push(...checkSimulatorLimits(objects));
  const ordered = orderDiagnostics(diagnostics, files);
  return ordered.some((d) => d.severity === "error")
    ? { ok: false, diagnostics: ordered }
    : { ok: true, value: objects, diagnostics: ordered };
}
