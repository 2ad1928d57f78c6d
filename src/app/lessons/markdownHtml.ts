import DOMPurify from "dompurify";
import { marked } from "marked";

/**
 * Lesson markdown to HTML that is safe to insert. marked passes raw HTML in the text through, so its
 * output is sanitized: DOMPurify drops scripts, event handlers and javascript: URLs. The lesson text is
 * the course's own bundled text; this is defence in depth (issue 16 item 8), should any come from elsewhere.
 */
export function lessonHtml(markdown: string): string {
  return DOMPurify.sanitize(marked.parse(markdown, { async: false, gfm: true }));
}

/** One line of lesson text (a step's title) with its inline markdown: `code`, **strong**. */
export function lessonInlineHtml(markdown: string): string {
  return DOMPurify.sanitize(marked.parseInline(markdown, { async: false, gfm: true }));
}
