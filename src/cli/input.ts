import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { MAX_FILE_CHARS } from "../engine/index.ts";
import { InputError, STDIN_NAME, sourceName, UsageError } from "./command.ts";

const CHUNK_BYTES = 64 * 1024;

/** Waits without spinning: standard input opened non-blocking answers EAGAIN until data comes. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The bytes of a file, or of standard input for "-", reading no more than `limit` + 1 bytes: a larger
 * file (a 600 MB dump, /dev/zero, an endless pipe) is refused as soon as it passes the limit.
 */
export function readBounded(path: string, limit = MAX_FILE_CHARS): Uint8Array {
  const fd = path === "-" ? 0 : openSync(path, "r");
  try {
    const chunks: Uint8Array[] = [];
    const buffer = new Uint8Array(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, limit + 1 - total), null);
      } catch (error) {
        const code = error instanceof Error && "code" in error ? error.code : undefined;
        if (code === "EAGAIN") {
          pause(10);
          continue;
        }
        if (code === "EOF") break;
        throw error;
      }
      if (n === 0) break;
      chunks.push(buffer.slice(0, n));
      total += n;
      if (total > limit) {
        throw new InputError(
          `${sourceName(path)}:1:1: more than ${limit} bytes (${limit / 2 ** 20} MiB, the limit per file); reading stopped there: split it into smaller files`,
        );
      }
    }
    return Buffer.concat(chunks);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** UTF-16 by its byte-order mark, or by the zero bytes that ASCII text in UTF-16 has in every other place. */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 little-endian (byte-order mark FF FE)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 big-endian (byte-order mark FE FF)";
  const sample = bytes.subarray(0, 64 - (Math.min(bytes.length, 64) % 2));
  if (sample.length < 4) return null;
  const zeroAt = (parity: number) => sample.every((b, i) => (i % 2 === parity) === (b === 0));
  if (zeroAt(1)) return "UTF-16 little-endian";
  if (zeroAt(0)) return "UTF-16 big-endian";
  return null;
}

/** The offset of the first byte that does not begin a well-formed UTF-8 character (RFC 3629, table 3-7 of Unicode). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Manifest bytes as text. Kubernetes reads manifests as UTF-8; a UTF-16 file is named as such, and a
 * byte that is not UTF-8 is reported at its line, column and offset rather than replaced silently.
 * Empty standard input is refused: a pipe that brought nothing is a mistake, not an empty cluster.
 */
export function decodeInput(path: string, bytes: Uint8Array): string {
  const name = sourceName(path);
  const utf16 = utf16Kind(bytes);
  if (utf16)
    throw new InputError(
      `${name}:1:1: the file is ${utf16} text: save it as UTF-8, which kubectl and this tool read`,
    );
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new InputError(
      `${name}:${line}:${column}: invalid UTF-8: byte 0x${hex} at offset ${at} does not begin a UTF-8 character: save the file as UTF-8`,
    );
  }
  const text = new TextDecoder().decode(bytes);
  if (path === "-" && text.trim() === "")
    throw new InputError(
      `${STDIN_NAME}: standard input is empty: there was nothing to read (pipe manifests in, or name files with -f FILE)`,
    );
  return text;
}

/** readBounded then decodeInput; a file that cannot be opened is a usage error that says what to do. */
export function readInput(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readBounded(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UsageError(
      path === "-"
        ? `cannot read standard input (${reason})`
        : `cannot read file "${path}" (${reason}): check the path`,
    );
  }
  return decodeInput(path, bytes);
}
