// The first screen is the cluster drawn (issue 15: a light first load). Work it does not need — fetching
// the editor's code, filling the offline cache — waits until it is on screen and the page is idle, so
// that it never competes with drawing the first cluster.

let drawn: () => void = () => {};
const firstDrawing = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Called when the first cluster's drawing reaches the page. */
export function firstScreenDrawn(): void {
  drawn();
}

// Safari has no requestIdleCallback: there, the work runs on the next turn after the drawing.
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work);

/** Runs `work` once the first screen is drawn and the page is idle. */
export function afterFirstScreen(work: () => void): void {
  void firstDrawing.then(() => whenIdle(work));
}
