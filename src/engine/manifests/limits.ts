/**
 * Bounds on what the manifest loader accepts, so that hostile or accidental input (a 10 MB paste,
 * a YAML alias bomb, a deeply nested document) gets a clear diagnostic quickly instead of hanging
 * the editor or the CLI. Each limit is far above what a real manifest needs.
 */

/**
 * One file. What `kubectl get nodes,pods,svc,endpointslices -A -o yaml` prints for a 1,000-pod cluster
 * is about 4 MiB (a pod is about 4 KB of YAML with its status, kubectl 1.36), and issue 15 has such a
 * paste drawn in about a second; 8 MiB leaves room for larger nodes and more system pods, and keeps a
 * load within about a second in the engine's worker, since YAML parsing is the slow part.
 */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;

/** All files of one load together; keeps time and memory bounded when many files are given at once. */
export const MAX_TOTAL_CHARS = 8 * 1024 * 1024;

/** Collections nested deeper than this are rejected by the parser (a Pod is about 12 levels deep). */
export const MAX_DEPTH = 64;

/**
 * How many nodes YAML aliases (`*name`) may copy into one document. A billion-laughs document
 * copies 10^9 nodes through a few dozen aliases; real manifests that share a label block copy a few dozen.
 */
export const MAX_ALIAS_EXPANDED_NODES = 10_000;

/** Diagnostics reported per load; past this, one more says how many were left out. */
export const MAX_DIAGNOSTICS = 1_000;
