/** Maps 0-based character offsets in a text to 1-based lines and columns, as editors show them. */
export interface LineIndex {
  lineColumn(offset: number): { line: number; column: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  // The line of the previous answer: positions are mostly asked in text order, each on the same line
  // as the one before or a few lines below, so a short walk forward beats a binary search.
  let last = 0;
  const lineOf = (at: number): number => {
    if ((starts[last] ?? 0) <= at) {
      for (let step = 0; step < 8; step++) {
        const next = starts[last + 1];
        if (next === undefined || next > at) return last;
        last++;
      }
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    last = low;
    return low;
  };
  return {
    lineColumn(offset) {
      const at = Math.max(0, Math.min(offset, text.length));
      const line = lineOf(at);
      return { line: line + 1, column: at - (starts[line] ?? 0) + 1 };
    },
  };
}
