import type { Ref } from "../../engine/index.ts";
import { useAppStore } from "../store/useAppStore.ts";

/** On a closed box of a large cluster (a node, a namespace's Services): draws what it stands for, or folds it back. */
export function OpenButton({ id, open, show, hide }: { id: Ref; open: boolean; show: string; hide: string }) {
  const setNodeOpen = useAppStore((s) => s.setNodeOpen);
  return (
    <button
      type="button"
      aria-expanded={open}
      onClick={(event) => {
        event.stopPropagation();
        setNodeOpen(id, !open);
      }}
      className="nodrag nopan shrink-0 whitespace-nowrap rounded border border-slate-400 bg-white px-1.5 text-[12px] leading-4 text-slate-800 hover:bg-slate-100"
    >
      {open ? hide : show}
    </button>
  );
}
