import { parseIPv4 } from "../cluster/ip.ts";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import { type Refusal, refuse } from "./refusal.ts";

/** Where a request goes, as curl would read it: `http[s]://host[:port]/path` or `host:port`. */
export interface Target {
  scheme: "http" | "https" | null;
  /** Lower-cased host name or IPv4 address, without a trailing dot. */
  host: string;
  /** The host as written (a trailing dot makes a DNS name absolute). */
  rawHost: string;
  /** Whether the host is an IPv4 address rather than a name to look up. */
  isAddress: boolean;
  port: number;
  path: string;
}

export type TargetResult = { ok: true; value: Target } | Refusal;

const DEFAULT_PORTS = { http: 80, https: 443 } as const;
const HOST = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/;

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

function splitHostPort(authority: string): { host: string; port: string | undefined } {
  const colon = authority.lastIndexOf(":");
  return colon < 0
    ? { host: authority, port: undefined }
    : { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

/** A target, or why it cannot be read as a message not yet rendered (the page renders it in the learner's language). */
export type TargetReading = { ok: true; value: Target } | { ok: false; text: DiagnosticMessage };

/** A request's target with its refusal in English too (what the CLI prints). */
export function parseTarget(to: string): TargetResult {
  const reading = readTarget(to);
  return reading.ok ? reading : refuse(reading.text);
}

/**
 * A request's target without rendering why it is refused: code that only needs the target (a lesson's
 * goal, on the page's first screen) does not bring the engine's English templates with it (issue 15).
 */
export function readTarget(to: string): TargetReading {
  const text = to.trim();
  const url = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/.exec(text);
  let scheme: Target["scheme"] = null;
  let authority = text;
  let path = "/";
  if (url) {
    const name = (url[1] ?? "").toLowerCase();
    if (name !== "http" && name !== "https") {
      return { ok: false, text: message("request.scheme", { to }) };
    }
    scheme = name;
    authority = url[2] ?? "";
    path = url[3] || "/";
  } else if (text.includes("/")) {
    return { ok: false, text: message("request.target", { to }) };
  }
  const split = splitHostPort(authority);
  if (!split.host || !HOST.test(split.host) || split.host.includes("..")) {
    return { ok: false, text: message("request.host", { to, host: split.host }) };
  }
  let port: number | null;
  if (split.port !== undefined) port = parsePort(split.port);
  else port = scheme ? DEFAULT_PORTS[scheme] : null;
  if (port === null) {
    return {
      ok: false,
      text:
        split.port === undefined
          ? message("request.noPort", { to })
          : message("request.port", { to, port: split.port }),
    };
  }
  const rawHost = split.host;
  const host = rawHost.toLowerCase().replace(/\.$/, "");
  return { ok: true, value: { scheme, host, rawHost, isAddress: parseIPv4(host) !== null, port, path } };
}
