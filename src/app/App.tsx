import { ClusterGraph } from "./graph/ClusterGraph.tsx";

export function App() {
  return (
    <div className="grid h-full grid-rows-[auto_1fr] bg-white text-slate-900">
      <header className="flex items-center gap-3 border-slate-200 border-b bg-k8s px-4 py-2 text-white">
        <h1 className="font-bold text-lg tracking-tight">Service Lab</h1>
        <p className="text-sm text-white/85">Watch Kubernetes Services route traffic, packet by packet.</p>
      </header>
      <main className="min-h-0" aria-label="Cluster">
        <ClusterGraph />
      </main>
    </div>
  );
}
