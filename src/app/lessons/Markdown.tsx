import { useMemo } from "react";
import { appStore } from "../store/useAppStore.ts";
import { lessonHtml, lessonInlineHtml } from "./markdownHtml.ts";
import "./lesson.css";

const LESSON_LINK = "#lesson/";

/**
 * Lesson text, written in markdown by the course's authors and bundled with the app, rendered as
 * sanitized HTML. Links of the form `#lesson/ID` open that lesson.
 */
export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  const html = useMemo(() => lessonHtml(text), [text]);
  return <Html html={html} className={`lesson-prose ${className}`} />;
}

/** One line of lesson text (a step's title) with its inline markdown: `code`, **strong**. */
export function InlineMarkdown({ text }: { text: string }) {
  const html = useMemo(() => lessonInlineHtml(text), [text]);
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
        void appStore.getState().openLesson(href.slice(LESSON_LINK.length));
      }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the course's own text, sanitized by DOMPurify (markdownHtml.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
