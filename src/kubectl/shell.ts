/**
 * The little of a POSIX shell the console needs: words split on blanks, '…' and "…" quoting,
 * backslash escapes, and a here-document marker (`<<EOF`, `<<'EOF'`) whose lines follow the command.
 */
export interface ShellLine {
  words: string[];
  /** The delimiter of a here-document: the lines up to it are the command's standard input. */
  heredoc: string | null;
  /** Why the line cannot be read (an unterminated quote), as bash says it. */
  error: string | null;
}

export function splitWords(line: string): ShellLine {
  const words: string[] = [];
  let word: string | null = null;
  let heredoc: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) word += line[++i] as string;
      else word += c;
      continue;
    }
    if (c === " " || c === "\t") {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= "";
    } else if (c === "\\" && i + 1 < line.length) {
      word = (word ?? "") + (line[++i] as string);
    } else if (c === "<" && line[i + 1] === "<" && word === null) {
      const marker = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line.slice(i));
      if (!marker?.[2])
        return { words, heredoc: null, error: "bash: syntax error near unexpected token `<<'" };
      heredoc = marker[2];
      i += marker[0].length - 1;
    } else if (c === "#" && word === null) {
      break;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (quote) return { words, heredoc, error: `bash: unexpected EOF while looking for matching \`${quote}'` };
  if (word !== null) words.push(word);
  return { words, heredoc, error: null };
}
