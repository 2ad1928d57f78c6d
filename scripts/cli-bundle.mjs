// Where the `svclab` bundle lives and whether it is older than what it was built from. Kept apart from
// build-cli.mjs so that bin/svclab.mjs can check it without loading esbuild.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The one plain-JavaScript file `node` runs: the CLI and the engine, js-yaml included. */
export const BUNDLE = `${ROOT}dist-cli/svclab.mjs`;
/** The files the bundle was built from (esbuild's metafile inputs), relative to ROOT. */
export const INPUTS = `${ROOT}dist-cli/inputs.json`;

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** True when the bundle is missing or any of its inputs changed after it was built (a pull, an edit). */
export function bundleIsStale() {
  const built = mtime(BUNDLE);
  if (built === undefined) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, "utf8"));
  } catch {
    return true;
  }
  return inputs.some((input) => {
    const changed = mtime(`${ROOT}${input}`);
    return changed === undefined || changed > built;
  });
}
