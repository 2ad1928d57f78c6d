import { ClusterGraph } from "./graph/ClusterGraph.tsx";

/**
 * The page: header; the learner's side panel (lessons and the manifest editor) on the left; the
 * cluster graph with its request bar and log in the middle; the inspector on the right.
 */
export function App() {
  return (
    <div className="grid h-full grid-rows-[auto_1fr] bg-white text-slate-900">
      <header className="flex items-center gap-3 border-slate-200 border-b bg-k8s px-4 py-2 text-white">
        <h1 className="font-bold text-lg tracking-tight">Service Lab</h1>
        <p className="text-sm text-white/85">Watch Kubernetes Services route traffic, packet by packet.</p>
      </header>
      <div className="flex min-h-0">
        <main className="flex min-w-0 flex-1 flex-col" aria-label="Cluster">
          <div className="min-h-0 flex-1">
            <ClusterGraph />
          </div>
        </main>
      </div>
    </div>
  );
}
