/**
 * A name that may be longer than its room: cut to one line with an ellipsis, the whole of it in the
 * tooltip on hover, and written out in full (wrapped) while it has the keyboard focus.
 */
export function Truncated({ text, className = "" }: { text: string; className?: string }) {
  return (
    <span
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focus is how a keyboard user reads the cut part.
      tabIndex={0}
      title={text}
      className={`block min-w-0 truncate focus:whitespace-normal focus:[overflow-wrap:anywhere] ${className}`}
    >
      {text}
    </span>
  );
}
