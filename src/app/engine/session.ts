import { buildCluster, loadManifests } from "../../engine/index.ts";
import type { BuildReply, EngineReply, EngineRequest } from "./protocol.ts";

/**
 * The engine as the page uses it, behind one message handler: run in a Web Worker in the browser so a
 * large manifest never freezes the page, and called directly in unit tests.
 */
export function handleEngineRequest(request: EngineRequest): EngineReply {
  return build(request);
}

function build(request: EngineRequest): BuildReply {
  const loaded = loadManifests(request.files, request.settings);
  if (!loaded.ok) return { id: request.id, type: "build", cluster: null, diagnostics: loaded.diagnostics };
  const cluster = buildCluster(loaded.value, {
    ...(request.settings ? { settings: request.settings } : {}),
    failedNodes: request.failedNodes,
  });
  return { id: request.id, type: "build", cluster, diagnostics: loaded.diagnostics };
}
