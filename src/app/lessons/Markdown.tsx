import { marked } from "marked";
import { useMemo } from "react";
import { appStore } from "../store/useAppStore.ts";
import "./lesson.css";

const LESSON_LINK = "#lesson/";

/**
 * Lesson text, written in markdown by the course's authors and bundled with the app (never user
 * input), rendered as HTML. Links of the form `#lesson/ID` open that lesson.
 */
export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  const html = useMemo(() => marked.parse(text, { async: false, gfm: true }), [text]);
  return <Html html={html} className={`lesson-prose ${className}`} />;
}

/** One line of lesson text (a step's title) with its inline markdown: `code`, **strong**. */
export function InlineMarkdown({ text }: { text: string }) {
  const html = useMemo(() => marked.parseInline(text, { async: false, gfm: true }), [text]);
  return <Html html={html} className="lesson-prose lesson-inline" inline />;
}

function Html({ html, className, inline = false }: { html: string; className: string; inline?: boolean }) {
  const Tag = inline ? "span" : "div";
  return (
    <Tag
      className={className}
      onClick={(event) => {
        const link = (event.target as HTMLElement).closest("a");
        const href = link?.getAttribute("href") ?? "";
        if (!href.startsWith(LESSON_LINK)) return;
        event.preventDefault();
        appStore.getState().openLesson(href.slice(LESSON_LINK.length));
      }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the markdown is the course's own bundled text.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
