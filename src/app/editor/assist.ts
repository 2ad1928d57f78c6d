import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import { apiVersionOf, type Field, fieldAt, fieldsAt, SCHEMA_KINDS, typeLabel } from "./schema/schema.ts";
import { yamlContext } from "./yamlContext.ts";

/** What a completion for a key inserts: scalars get "key: ", objects open an indented block, lists a first item. */
function keyInsert(name: string, field: Field, column: number): string {
  const inner = " ".repeat(column + 2);
  if (field.r && field.l) return `${name}:\n${inner}- `;
  if (field.r || field.t === "map" || field.t === "object") return `${name}:\n${inner}`;
  return `${name}: `;
}

function info(field: Field): string {
  return `${typeLabel(field)}\n\n${field.d}`;
}

/** Completion of the keys and values of the kinds the engine simulates, from the field schema. */
export function completeManifest(context: CompletionContext): CompletionResult | null {
  const ctx = yamlContext(context.state.doc, context.pos);
  if (ctx.at === "key") {
    if (!context.explicit && ctx.key === "") return null;
    const fields = fieldsAt(ctx.kind, ctx.parents);
    if (!fields) return null;
    const options: Completion[] = Object.entries(fields).map(([name, field]) => ({
      label: name,
      type: "property",
      detail: typeLabel(field),
      info: info(field),
      apply: keyInsert(name, field, ctx.column),
    }));
    return { from: ctx.from, to: ctx.to, options, validFor: /^[\w./-]*$/ };
  }
  const values = valuesFor(ctx.kind, ctx.parents, ctx.key);
  if (values.length === 0) return null;
  return {
    from: ctx.from,
    to: ctx.to,
    options: values.map((label) => ({ label, type: "enum" })),
    validFor: /^[\w./-]*$/,
  };
}

function valuesFor(kind: string | null, parents: string[], key: string): string[] {
  if (parents.length === 0 && key === "kind") return [...SCHEMA_KINDS];
  if (parents.length === 0 && key === "apiVersion") {
    const version = kind ? apiVersionOf(kind) : undefined;
    return version ? [version] : [...new Set(SCHEMA_KINDS.map((k) => apiVersionOf(k) ?? ""))];
  }
  const field = fieldAt(kind, [...parents, key]);
  if (field?.e) return field.e;
  if (field?.t === "boolean") return ["true", "false"];
  return [];
}

/** Hovering a key shows its type and Kubernetes' description of it. */
export const manifestHover = hoverTooltip((view, pos): Tooltip | null => {
  const line = view.state.doc.lineAt(pos);
  const match = /^(\s*(?:-\s+)*)([\w./-]+):(\s|$)/.exec(line.text);
  if (!match) return null;
  const start = line.from + (match[1]?.length ?? 0);
  const end = start + (match[2]?.length ?? 0);
  if (pos < start || pos > end) return null;
  const ctx = yamlContext(view.state.doc, end);
  const field = fieldAt(ctx.kind, [...ctx.parents, ctx.key]);
  if (!field) return null;
  return {
    pos: start,
    end,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-field-doc";
      const title = document.createElement("div");
      title.className = "cm-field-doc-title";
      title.textContent = `${ctx.key}: ${typeLabel(field)}${field.e ? ` (${field.e.join(" | ")})` : ""}`;
      const body = document.createElement("p");
      body.textContent = field.d;
      dom.append(title, body);
      return { dom };
    },
  };
});
