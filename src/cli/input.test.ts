import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "./command.ts";
import { decodeInput, firstInvalidUtf8, readBounded, readInput } from "./input.ts";
import { runCli } from "./main.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected an InputError");
}

// Issue 16 item 6: the CLI stops reading at the limit (8 MiB) instead of reading the whole file first.
describe("readBounded", () => {
  const dir = mkdtempSync(join(tmpdir(), "svclab-input-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops reading /dev/zero just past the limit", () => {
    expect(messageOf(() => readBounded("/dev/zero"))).toBe(
      "/dev/zero:1:1: more than 8388608 bytes (8 MiB, the limit per file); reading stopped there: split it into smaller files",
    );
  });

  it("refuses a 600 MB file as too large, not as a bad path", () => {
    const path = join(dir, "huge.yaml");
    const fd = openSync(path, "w");
    ftruncateSync(fd, 600 * 1024 * 1024); // sparse: no disk used, but 600 MB to read
    closeSync(fd);
    expect(messageOf(() => readInput(path))).toMatch(/huge\.yaml:1:1: more than 8388608 bytes/);
  });

  it("reads a file at the limit whole", () => {
    const path = join(dir, "limit.yaml");
    const fd = openSync(path, "w");
    ftruncateSync(fd, 8 * 1024 * 1024);
    closeSync(fd);
    expect(readBounded(path).length).toBe(8 * 1024 * 1024);
  });
});

// Issue 16 item 7: encodings named, bad bytes placed, empty standard input refused.
describe("decodeInput", () => {
  it("reads UTF-8, dropping a byte-order mark", () => {
    expect(decodeInput("a.yaml", bytes(0xef, 0xbb, 0xbf, ...utf8("kind: Pod # café\n")))).toBe(
      "kind: Pod # café\n",
    );
  });

  it("names UTF-16 by its byte-order mark, or by its zero bytes when it has none", () => {
    const le = new Uint8Array(Buffer.from("\ufeffkind: Pod\n", "utf16le"));
    expect(messageOf(() => decodeInput("w.yaml", le))).toBe(
      "w.yaml:1:1: the file is UTF-16 little-endian (byte-order mark FF FE) text: save it as UTF-8, which kubectl and this tool read",
    );
    const be = bytes(...[...Buffer.from("kind: Pod\n", "utf16le")].map((_, i, all) => all[i ^ 1] ?? 0));
    expect(messageOf(() => decodeInput("b.yaml", be))).toMatch(
      /^b\.yaml:1:1: the file is UTF-16 big-endian text/,
    );
  });

  it("reports an invalid UTF-8 byte at its line, column and offset", () => {
    // "name: café" written in Latin-1 on line 2: é is the single byte 0xE9.
    const latin1 = bytes(...utf8("kind: Pod\nname: caf"), 0xe9, ...utf8("\n"));
    expect(messageOf(() => decodeInput("l.yaml", latin1))).toBe(
      "l.yaml:2:10: invalid UTF-8: byte 0xE9 at offset 19 does not begin a UTF-8 character: save the file as UTF-8",
    );
  });

  it("finds the first byte of a malformed sequence (Unicode table 3-7)", () => {
    expect(firstInvalidUtf8(utf8("aé€😀"))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2); // cut short
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
  });

  it("says standard input was empty instead of finding 0 objects valid", () => {
    expect(messageOf(() => decodeInput("-", utf8(" \n")))).toBe(
      "<stdin>: standard input is empty: there was nothing to read (pipe manifests in, or name files with -f FILE)",
    );
    expect(decodeInput("empty.yaml", bytes())).toBe("");
  });
});

describe("svclab on input that cannot be manifests", () => {
  it("exits 1 with the positioned message, as for invalid manifests", () => {
    const err: string[] = [];
    const io = {
      readText: (path: string) => decodeInput(path, utf8("")),
      out: () => {},
      err: (t: string) => err.push(t),
    };
    expect(runCli(["validate", "-"], io)).toBe(1);
    expect(err.join("")).toBe(
      "<stdin>: standard input is empty: there was nothing to read (pipe manifests in, or name files with -f FILE)\n",
    );
  });
});
