import { type LabelSelectorRequirement, matchesSelector } from "../engine/index.ts";

/**
 * `kubectl get -l`: label selectors as k8s.io/apimachinery/pkg/labels/selector.go Parse reads them:
 * requirements joined by commas, each `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k` or `!k`,
 * read into the requirements of a LabelSelector's matchExpressions, which the engine matches.
 */
export type Selector = readonly LabelSelectorRequirement[];

/** Commas inside `( )` belong to a set, not between requirements. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** The selector, or kubectl's message for the first requirement it cannot read. */
export function parseSelector(text: string): { ok: true; value: Selector } | { ok: false; message: string } {
  const requirements: LabelSelectorRequirement[] = [];
  for (const part of splitRequirements(text)) {
    const set = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    const eq = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(part);
    const exists = /^(!?)\s*([^\s!=(),]+)$/.exec(part);
    if (set?.[1] && set[2] && set[3] !== undefined) {
      const values = set[3].split(",").map((v) => v.trim());
      requirements.push({ key: set[1], operator: set[2] === "in" ? "In" : "NotIn", values });
    } else if (eq?.[1] && eq[2]) {
      requirements.push({ key: eq[1], operator: eq[2] === "!=" ? "NotIn" : "In", values: [eq[3] ?? ""] });
    } else if (exists?.[2]) {
      requirements.push({ key: exists[2], operator: exists[1] ? "DoesNotExist" : "Exists" });
    } else {
      return { ok: false, message: `unable to parse requirement: found '${part}', expected: identifier` };
    }
  }
  return { ok: true, value: requirements };
}

/** Whether labels satisfy every requirement (`notin` and `!=` also match a missing key, as in selector.go). */
export function selectorMatches(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  return matchesSelector({ matchExpressions: [...selector] }, labels);
}
