import type { Cluster, Diagnostic } from "../../engine/index.ts";
import { isStale } from "../store/selectors.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { problemsOf } from "./diagnostics.ts";

/**
 * The last answer, shared by every component that shows the problems (the editor's markers and the
 * problems list): a large import's thousands of warnings were sorted once per component, in the same
 * task (issue 16 item 3: no task over 100 ms).
 */
let last: {
  diagnostics: readonly Diagnostic[];
  cluster: Cluster | null;
  stale: boolean;
  problems: Diagnostic[];
} | null = null;

/** The problems of the manifests on screen, for the editor's markers and the problems list. */
export function useProblems(): Diagnostic[] {
  const diagnostics = useAppStore((s) => s.diagnostics);
  const cluster = useAppStore((s) => s.cluster);
  const stale = useAppStore(isStale);
  if (last?.diagnostics !== diagnostics || last.cluster !== cluster || last.stale !== stale)
    last = { diagnostics, cluster, stale, problems: problemsOf(diagnostics, cluster, stale) };
  return last.problems;
}
