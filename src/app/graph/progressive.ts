import { dequal } from "dequal";
import { useEffect, useMemo, useRef, useState } from "react";

/**
 * The items of the drawing before, the very same objects, wherever a new drawing left them unchanged
 * (and the list before itself when nothing changed): React Flow re-renders a box or an edge only when
 * its object changes, so a rebuilt cluster (an edit, a node opened, a second of the Time view's clock
 * at 60x) costs only what moved or changed instead of every box again.
 */
export function keepUnchanged<T extends { id: string }>(
  before: readonly T[],
  next: readonly T[],
  alike: (was: T, now: T) => boolean = dequal,
): T[] {
  const old = new Map(before.map((item) => [item.id, item]));
  let changed = before.length !== next.length;
  const kept = next.map((item, i) => {
    const was = old.get(item.id);
    if (was && (was === item || alike(was, item))) {
      changed ||= before[i] !== was;
      return was;
    }
    changed = true;
    return item;
  });
  return changed ? kept : (before as T[]);
}

/** `items`, with the objects of the previous render kept where unchanged (keepUnchanged). */
export function useKept<T extends { id: string }>(items: T[]): T[] {
  const before = useRef<T[]>([]);
  const kept = useMemo(() => keepUnchanged(before.current, items), [items]);
  useEffect(() => {
    before.current = kept;
  }, [kept]);
  return kept;
}

/** The items to draw: those drawn already, and up to `size` of the others, in their order. */
export function admit<T extends { id: string }>(items: T[], drawn: ReadonlySet<string>, size: number): T[] {
  let fresh = 0;
  const shown = items.filter((item) => drawn.has(item.id) || fresh++ < size);
  return shown.length === items.length ? items : shown;
}

/**
 * `items` drawn `size` new ones a frame: mounting hundreds of boxes in one commit blocked the page for
 * half a second at 1,000 pods (issue 15: no task over 100 ms); in batches each frame's task stays
 * short and the page answers input between them. What was drawn stays drawn; order is kept, so a
 * group is always drawn before the pods inside it.
 */
export function useInBatches<T extends { id: string }>(items: T[], size: number): T[] {
  const drawn = useRef<ReadonlySet<string>>(new Set());
  // Counts the frames of a drawing in batches: each one lets `size` more in.
  const [frame, setFrame] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `frame` is the signal to admit the next batch.
  const shown = useMemo(() => admit(items, drawn.current, size), [items, size, frame]);
  useEffect(() => {
    drawn.current = new Set(shown.map((item) => item.id));
    if (shown === items) return;
    const next = requestAnimationFrame(() => setFrame((f) => f + 1));
    return () => cancelAnimationFrame(next);
  }, [shown, items]);
  return shown;
}
