/**
 * How a controller compares a path with the request path: `exact`; `prefix`, element by element
 * (pathType Prefix); or `glob`, GCE's URL-map paths, where `/foo/*` matches below `/foo/` and a
 * path without `*` matches exactly.
 */
export type Matching = "exact" | "prefix" | "glob";

function elements(path: string): string[] {
  return path.split("/").filter((e) => e !== "");
}

/** The request path without its query string, which no path type looks at. */
export function pathOf(target: string): string {
  const query = target.indexOf("?");
  const path = query < 0 ? target : target.slice(0, query);
  return path === "" ? "/" : path;
}

/**
 * How long a match `path` makes with `requestPath`, or null when it does not match. Length is what
 * "the longest matching path" compares: a Prefix path's trailing slash is ignored (docs' table:
 * `/aaa/bbb/` matches `/aaa/bbb`), a glob counts up to its `*`.
 */
export function matchLength(matching: Matching, path: string, requestPath: string): number | null {
  if (matching === "exact") return path === requestPath ? path.length : null;
  if (matching === "glob") {
    if (!path.endsWith("/*")) return path === requestPath ? path.length : null;
    const prefix = path.slice(0, -1);
    return requestPath.startsWith(prefix) ? prefix.length : null;
  }
  // KEP-1453 Prefix: every element of the path is the same element of the request path, so
  // `/aaa/bbb` matches `/aaa/bbb/ccc` but not `/aaa/bbbxyz`.
  const want = elements(path);
  const have = elements(requestPath);
  if (want.length > have.length) return null;
  for (let i = 0; i < want.length; i++) if (want[i] !== have[i]) return null;
  return want.length === 0 ? 1 : want.join("/").length + 1;
}

export interface PathCandidate {
  path: string;
  matching: Matching;
}

/**
 * The path that serves a request: the longest match, and on a tie an Exact path over a Prefix one
 * (ingress.md "Multiple matches"); among equals, the first (the controller's configuration order).
 */
export function bestPath<T extends PathCandidate>(
  candidates: readonly T[],
  requestPath: string,
): { candidate: T; length: number } | undefined {
  let best: { candidate: T; length: number } | undefined;
  for (const candidate of candidates) {
    const length = matchLength(candidate.matching, candidate.path, requestPath);
    if (length === null) continue;
    const better =
      !best ||
      length > best.length ||
      (length === best.length && candidate.matching === "exact" && best.candidate.matching !== "exact");
    if (better) best = { candidate, length };
  }
  return best;
}
