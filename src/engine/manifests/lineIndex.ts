/** Maps 0-based character offsets in a text to 1-based lines and columns, as editors show them. */
export interface LineIndex {
  lineColumn(offset: number): { line: number; column: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return {
    lineColumn(offset) {
      const at = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= at) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
    },
  };
}
