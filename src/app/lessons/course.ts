import { onDemand } from "../onDemand.ts";

/**
 * The lessons themselves (manifests, goals, solutions): a chunk of their own, fetched when a lesson is
 * first opened (issue 15: the first screen's lesson list needs only their outlines, lessons/outline.ts).
 */
export const course = onDemand(() => import("../../lessons/index.ts"));
