import { useMemo } from "react";
import type { Diagnostic } from "../../engine/index.ts";
import { isStale } from "../store/selectors.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { problemsOf } from "./diagnostics.ts";

/** The problems of the manifests on screen, for the editor's markers and the problems list. */
export function useProblems(): Diagnostic[] {
  const diagnostics = useAppStore((s) => s.diagnostics);
  const cluster = useAppStore((s) => s.cluster);
  const stale = useAppStore(isStale);
  return useMemo(() => problemsOf(diagnostics, cluster, stale), [diagnostics, cluster, stale]);
}
