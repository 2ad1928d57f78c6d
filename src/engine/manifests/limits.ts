/**
 * Bounds on what the manifest loader accepts, so that hostile or accidental input (a 10 MB paste,
 * a YAML alias bomb, a deeply nested document) gets a clear diagnostic quickly instead of hanging
 * the editor or the CLI. Each limit is far above what a real manifest needs.
 */

/**
 * One file. kube-apiserver refuses request bodies over 3 MiB (--max-request-body-bytes); 2 MiB keeps
 * a load of the largest accepted file within about half a second, since YAML parsing is the slow part.
 */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

/** All files of one load together; keeps time and memory bounded when many files are given at once. */
export const MAX_TOTAL_CHARS = 4 * 1024 * 1024;

/** Collections nested deeper than this are rejected by the parser (a Pod is about 12 levels deep). */
export const MAX_DEPTH = 64;

/**
 * How many nodes YAML aliases (`*name`) may copy into one document. A billion-laughs document
 * copies 10^9 nodes through a few dozen aliases; real manifests that share a label block copy a few dozen.
 */
export const MAX_ALIAS_EXPANDED_NODES = 10_000;

/** Diagnostics reported per load; past this, one more says how many were left out. */
export const MAX_DIAGNOSTICS = 1_000;
