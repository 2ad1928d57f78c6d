import { options } from "preact";

/**
 * When the page's effects run. The page is written against React's API and runs on preact/compat
 * (vite.config.ts). Preact runs `useEffect` callbacks after the next animation frame; React runs them at
 * the end of the commit for a click or a key, and in a task of its own otherwise. Waiting for a frame
 * let a key typed right after a click reach the editor before the click's effect had moved its cursor,
 * and froze every effect while no frame is drawn (a tab in the background). After the commit's own
 * task, before anything else, is what the components were written for.
 */
options.requestAnimationFrame = queueMicrotask;
