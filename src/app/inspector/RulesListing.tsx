import type { NodeRules } from "../../engine/index.ts";

/**
 * kube-proxy's rules as its mode's tools list them, one box a listing: monospaced at the page's small
 * text size, scrolled inside its own box (a long rule never widens the page), a tab stop so that the
 * keyboard scrolls it, named by `label` and the command that lists it.
 */
export function RulesListing({
  rules,
  label,
  none,
}: {
  rules: NodeRules | null;
  label: string;
  none: string;
}) {
  const sections = rules?.sections ?? [];
  if (sections.length === 0) return <p className="mt-1 text-slate-500 text-xs">{none}</p>;
  return sections.map((section) => (
    <section
      key={section.command}
      aria-label={`${label}: ${section.command}`}
      // A scrolling region is a tab stop of its own, so the rules can be scrolled from the keyboard.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA's focusable scrollable region
      tabIndex={0}
      className="mt-1 max-h-96 min-w-0 max-w-full overflow-auto rounded bg-slate-900 p-2 focus-visible:outline-2 focus-visible:outline-k8s"
    >
      <pre className="w-max font-mono text-slate-100 text-xs leading-relaxed">
        <span className="text-slate-400"># {section.command}</span>
        {"\n"}
        {section.text}
      </pre>
    </section>
  ));
}
