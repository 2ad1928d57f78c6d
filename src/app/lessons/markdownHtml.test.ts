// @vitest-environment jsdom
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { lessons } from "../../lessons/index.ts";
import { lessonHtml, lessonInlineHtml } from "./markdownHtml.ts";

describe("lesson markdown", () => {
  it("keeps what lessons use: code, emphasis, lists, tables and #lesson/ links", () => {
    const html = lessonHtml(
      "Send to **`web`**, then [the next lesson](#lesson/nodeport).\n\n- a\n- b\n\n| k | v |\n|---|---|\n| 1 | 2 |\n",
    );
    expect(html).toContain("<strong><code>web</code></strong>");
    expect(html).toContain('<a href="#lesson/nodeport">the next lesson</a>');
    expect(html).toContain("<li>a</li>");
    expect(html).toContain("<td>1</td>");
    expect(lessonInlineHtml("Scale `web` to **5**")).toBe("Scale <code>web</code> to <strong>5</strong>");
  });

  it("drops scripts, event handlers and javascript: links that raw HTML in the text would carry", () => {
    const html = lessonHtml(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="javascript:alert(4)">x</a><iframe src="https://example.test"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(lessonInlineHtml('<b onclick="alert(1)">b</b>')).toBe("<b>b</b>");
  });

  it("changes nothing in the course's own text: every lesson in both languages renders as authored", () => {
    const normalised = (html: string) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      return template.innerHTML;
    };
    for (const lesson of lessons) {
      for (const text of Object.values(lesson.text)) {
        const blocks = [
          text.intro,
          text.tryIt,
          ...Object.values(text.steps).flatMap((s) => [s.body, ...s.hints]),
        ];
        for (const block of blocks)
          expect(normalised(lessonHtml(block))).toBe(
            normalised(marked.parse(block, { async: false, gfm: true })),
          );
        for (const step of Object.values(text.steps))
          expect(normalised(lessonInlineHtml(step.title))).toBe(
            normalised(marked.parseInline(step.title, { async: false, gfm: true })),
          );
      }
    }
  });
});
