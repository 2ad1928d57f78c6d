import { describe, expect, it } from "vitest";
import { createLineIndex } from "./lineIndex.ts";

describe("createLineIndex", () => {
  const text = "a: 1\nbb: 2\n\nccc: [\n  4]\n";
  const expected = (offset: number) => {
    const at = Math.max(0, Math.min(offset, text.length));
    const before = text.slice(0, at);
    return { line: before.split("\n").length, column: at - (before.lastIndexOf("\n") + 1) + 1 };
  };

  it("gives 1-based lines and columns, clamping offsets outside the text", () => {
    const lines = createLineIndex(text);
    expect(lines.lineColumn(0)).toEqual({ line: 1, column: 1 });
    expect(lines.lineColumn(6)).toEqual({ line: 2, column: 2 });
    expect(lines.lineColumn(11)).toEqual({ line: 3, column: 1 });
    expect(lines.lineColumn(-5)).toEqual({ line: 1, column: 1 });
    expect(lines.lineColumn(999)).toEqual(expected(text.length));
  });

  it("answers the same whatever order the offsets are asked in (it remembers the last line)", () => {
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
    const forward = createLineIndex(text);
    const backward = createLineIndex(text);
    const jumping = createLineIndex(text);
    for (const offset of offsets) expect(forward.lineColumn(offset)).toEqual(expected(offset));
    for (const offset of [...offsets].reverse())
      expect(backward.lineColumn(offset)).toEqual(expected(offset));
    for (const offset of offsets.map((_, i) => (i * 7) % offsets.length)) {
      expect(jumping.lineColumn(offset)).toEqual(expected(offset));
    }
  });

  it("finds a line far below the last one asked", () => {
    const long = `${"x\n".repeat(1000)}end`;
    const lines = createLineIndex(long);
    expect(lines.lineColumn(0)).toEqual({ line: 1, column: 1 });
    expect(lines.lineColumn(long.length - 1)).toEqual({ line: 1001, column: 3 });
  });
});
