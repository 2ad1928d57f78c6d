type Course = typeof import("./index.ts");

let loaded: Course | undefined;
let loading: Promise<Course> | undefined;

/**
 * The lessons themselves (manifests, goals, solutions): a chunk of their own, fetched when a lesson is
 * first opened (issue 15: the first screen's lesson list needs only their outlines, outline.ts).
 */
export function loadCourse(): Promise<Course> {
  loading ??= import("./index.ts").then(
    (course) => (loaded = course),
    (error: unknown) => {
      // A failed fetch (offline before the app was cached) may be tried again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The course once fetched (loadCourse), for what must answer at once. */
export function loadedCourse(): Course | undefined {
  return loaded;
}
