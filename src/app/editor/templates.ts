import deployment from "./templates/deployment.yaml?raw";
import endpoints from "./templates/endpoints.yaml?raw";
import ingress from "./templates/ingress.yaml?raw";
import clusterIP from "./templates/service-clusterip.yaml?raw";
import externalName from "./templates/service-externalname.yaml?raw";
import headless from "./templates/service-headless.yaml?raw";
import loadBalancer from "./templates/service-loadbalancer.yaml?raw";
import nodePort from "./templates/service-nodeport.yaml?raw";
import statefulSet from "./templates/statefulset.yaml?raw";

/** Manifests the "Add" menu inserts; each is a valid object a real cluster would accept unchanged. */
export interface Template {
  id:
    | "service-clusterip"
    | "service-nodeport"
    | "service-loadbalancer"
    | "service-headless"
    | "service-externalname"
    | "deployment"
    | "statefulset"
    | "endpoints"
    | "ingress";
  text: string;
}

export const templates: readonly Template[] = [
  { id: "service-clusterip", text: clusterIP },
  { id: "service-nodeport", text: nodePort },
  { id: "service-loadbalancer", text: loadBalancer },
  { id: "service-headless", text: headless },
  { id: "service-externalname", text: externalName },
  { id: "deployment", text: deployment },
  { id: "statefulset", text: statefulSet },
  { id: "endpoints", text: endpoints },
  { id: "ingress", text: ingress },
];

const SEPARATOR = /^---(\s|$)/;
/** `metadata.name` as kubectl prints it: two spaces in, under `metadata:`. */
const METADATA_NAME = /^ {2}name:\s*["']?([A-Za-z0-9.-]+)["']?\s*$/gm;

function namesIn(text: string): Set<string> {
  return new Set([...text.matchAll(METADATA_NAME)].map((m) => m[1] ?? ""));
}

/**
 * Renames the template's objects whose names are taken ("web" -> "web-2"), consistently, so that a
 * Service and its hand-written Endpoints keep sharing a name. Selectors and labels are left alone:
 * a second Service of a type still selects the same pods.
 */
export function withFreeNames(template: string, existing: string): string {
  const taken = namesIn(existing);
  const renames = new Map<string, string>();
  for (const name of namesIn(template)) {
    if (!taken.has(name)) continue;
    let n = 2;
    while (taken.has(`${name}-${n}`)) n++;
    renames.set(name, `${name}-${n}`);
  }
  return template.replace(METADATA_NAME, (line, name: string) =>
    renames.has(name) ? line.replace(name, renames.get(name) ?? name) : line,
  );
}

export interface Insertion {
  from: number;
  insert: string;
  /** Where the inserted object starts, for the cursor. */
  cursor: number;
}

/**
 * Puts a template after the YAML document the cursor is in (never inside it, which would break
 * it), with `---` separators as needed; into an empty document it goes as is.
 */
export function insertTemplate(text: string, cursor: number, template: string): Insertion {
  const body = withFreeNames(template, text).replace(/\n*$/, "\n");
  const lines = text.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const cursorLine = text.slice(0, cursor).split("\n").length - 1;
  let start = cursorLine;
  while (start > 0 && !SEPARATOR.test(lines[start - 1] ?? "")) start--;
  let end = cursorLine;
  while (end < lines.length && !SEPARATOR.test(lines[end] ?? "")) end++;
  if (SEPARATOR.test(lines[cursorLine] ?? "")) {
    // On a separator: the new object goes right after it.
    const from = (starts[cursorLine] ?? 0) + (lines[cursorLine]?.length ?? 0) + 1;
    return from > text.length
      ? { from: text.length, insert: `\n${body}`, cursor: text.length + 1 }
      : { from, insert: `${body}---\n`, cursor: from };
  }
  if (lines.slice(start, end).every((line) => /^\s*(#.*)?$/.test(line))) {
    const from = starts[start] ?? 0;
    return { from, insert: body, cursor: from };
  }
  if (end < lines.length) {
    const from = starts[end] ?? text.length;
    return { from, insert: `---\n${body}`, cursor: from + 4 };
  }
  const lead = text.endsWith("\n") ? "" : "\n";
  return { from: text.length, insert: `${lead}---\n${body}`, cursor: text.length + lead.length + 4 };
}
