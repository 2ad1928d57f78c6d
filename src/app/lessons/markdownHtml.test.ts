// @vitest-environment jsdom
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { lessons } from "../../lessons/index.ts";
import { courseTexts } from "../../lessons/testing.ts";
import { lessonHtml, lessonInlineHtml } from "./markdownHtml.ts";

const texts = await courseTexts();

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

  // One sanitize call per lesson and language (all its blocks joined): jsdom makes each call costly.
  it("changes nothing in the course's own text: every lesson in both languages renders as authored", {
    timeout: 30_000,
  }, () => {
    const normalised = (html: string) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      return template.innerHTML;
    };
    for (const lesson of lessons) {
      for (const text of Object.values(texts.get(lesson.id) ?? {})) {
        const steps = Object.values(text.steps);
        const blocks = [text.intro, text.tryIt, ...steps.flatMap((s) => [s.body, ...s.hints])].join("\n\n");
        expect(normalised(lessonHtml(blocks))).toBe(
          normalised(marked.parse(blocks, { async: false, gfm: true })),
        );
        const titles = steps.map((s) => s.title).join(" | ");
        expect(normalised(lessonInlineHtml(titles))).toBe(
          normalised(marked.parseInline(titles, { async: false, gfm: true })),
        );
      }
    }
  });
});
