import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import type { ScenarioSpec, SourceFile } from "../../engine/index.ts";
import { isScenario } from "../time/scenario.ts";
import { SHARE_PARAM } from "./fragment.ts";

/**
 * A share link carries the learner's manifests, the lesson they were in and the nodes they had
 * failed, compressed into the URL fragment (`#share=...`). The fragment never reaches a server, so
 * the link works with this static site anywhere, and nothing shared is logged by a web server.
 */
export interface SharedState {
  /** The lesson's id, or null for the sandbox. */
  lesson: string | null;
  files: SourceFile[];
  failedNodes: string[];
  /** The Time view's scenario (streams, events, settings), when it has streams or events: a failure demo travels. */
  scenario?: ScenarioSpec;
}

/**
 * The longest link payload we decode. lz-string is an LZ78-family code: n codes can expand to about
 * n²/2 characters, so a hostile link of 16,000 characters could unpack to some 30 million characters
 * (about 0.1 s to decompress, measured); the cap keeps that bounded. Real manifests compress about threefold, so this fits
 * some 40 kB of YAML, far more than a lesson.
 */
export const MAX_LINK_CHARS = 16_000;

/**
 * Manifests above this are not put in a link (no link could hold them: see MAX_LINK_CHARS) nor taken
 * from one. Checked before compressing, because lz-string compresses long repetitive runs in
 * quadratic time: a 10 MB paste must not freeze the page when the learner presses Share.
 */
export const MAX_SHARED_CHARS = 128 * 1024;

const VERSION = 1;

/** Lesson ids are short slugs; anything else in that place was not written by this app. */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type DecodeFailure = "damaged" | "too-large" | "newer-version";
export type DecodeResult = { ok: true; state: SharedState } | { ok: false; reason: DecodeFailure };

/** The payload for `#share=...`; null when it would be longer than MAX_LINK_CHARS. */
export function encodeShare(state: SharedState): string | null {
  if (totalChars(state.files) > MAX_SHARED_CHARS) return null;
  const json = JSON.stringify({
    v: VERSION,
    l: state.lesson,
    f: state.files.map((f) => [f.name, f.text]),
    n: state.failedNodes,
    ...(state.scenario ? { s: state.scenario } : {}),
  });
  const encoded = compressToEncodedURIComponent(json);
  return encoded.length > MAX_LINK_CHARS ? null : encoded;
}

export function decodeShare(payload: string): DecodeResult {
  if (payload.length > MAX_LINK_CHARS) return { ok: false, reason: "too-large" };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    return { ok: false, reason: "damaged" };
  }
  if (!json) return { ok: false, reason: "damaged" };
  if (json.length > MAX_SHARED_CHARS * 2) return { ok: false, reason: "too-large" };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: "damaged" };
  }
  return parseState(value);
}

function parseState(value: unknown): DecodeResult {
  if (typeof value !== "object" || value === null) return { ok: false, reason: "damaged" };
  const { v, l, f, n, s } = value as Record<string, unknown>;
  if (typeof v !== "number") return { ok: false, reason: "damaged" };
  if (v > VERSION) return { ok: false, reason: "newer-version" };
  if (l !== null && (typeof l !== "string" || !LESSON_ID.test(l))) return { ok: false, reason: "damaged" };
  if (!Array.isArray(f) || f.length === 0 || !Array.isArray(n)) return { ok: false, reason: "damaged" };
  const files: SourceFile[] = [];
  for (const entry of f as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return { ok: false, reason: "damaged" };
    const [name, text] = entry as unknown[];
    if (typeof name !== "string" || name === "" || typeof text !== "string")
      return { ok: false, reason: "damaged" };
    files.push({ name, text });
  }
  if (new Set(files.map((file) => file.name)).size !== files.length) return { ok: false, reason: "damaged" };
  if (files.reduce((sum, file) => sum + file.text.length, 0) > MAX_SHARED_CHARS)
    return { ok: false, reason: "too-large" };
  if (!n.every((node): node is string => typeof node === "string")) return { ok: false, reason: "damaged" };
  // Links made before scenarios travelled have none.
  if (s !== undefined && !isScenario(s)) return { ok: false, reason: "damaged" };
  const state: SharedState = { lesson: l, files, failedNodes: [...new Set(n)] };
  return { ok: true, state: s === undefined ? state : { ...state, scenario: s } };
}

function totalChars(files: SourceFile[]): number {
  return files.reduce((sum, file) => sum + file.text.length, 0);
}

/** The full link to the page with the state in its fragment. */
export function shareUrl(pageUrl: string, payload: string): string {
  const url = new URL(pageUrl);
  url.hash = `${SHARE_PARAM}=${payload}`;
  return url.toString();
}
