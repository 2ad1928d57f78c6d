import { cidrContains, parseCIDR, parseIPv4 } from "../../cluster/ip.ts";
import { type DiagnosticMessage, message } from "../../messages/index.ts";

/** An IP address as the API server parses it (netutils.ParseIPSloppy): 4 or 16 bytes. */
export interface ParsedIP {
  version: 4 | 6;
  bytes: number[];
}

export function parseIP(text: string): ParsedIP | null {
  if (!text.includes(":")) {
    const value = parseIPv4(text);
    return value === null ? null : { version: 4, bytes: v4Bytes(value) };
  }
  const bytes = parseIPv6(text);
  return bytes ? { version: 6, bytes } : null;
}

function v4Bytes(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

function parseIPv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === "") return [];
    const out: number[] = [];
    const pieces = part.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIPv4(piece);
        if (v4 === null) return null;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return words.flatMap((w) => [w >> 8, w & 255]);
}

/** validation.go ValidateNonSpecialIP: addresses a Service or endpoint may not point at. */
export function specialIPProblem(text: string): DiagnosticMessage | null {
  const ip = parseIP(text);
  if (!ip) return message("ip.invalid");
  const b = ip.bytes;
  if (b.every((x) => x === 0)) return message("ip.unspecified", { ip: text });
  if (ip.version === 4) {
    if (b[0] === 127) return message("ip.loopback");
    if (b[0] === 169 && b[1] === 254) return message("ip.linkLocal");
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) {
      return message("ip.linkLocalMulticast");
    }
    return null;
  }
  if (b.slice(0, 15).every((x) => x === 0) && b[15] === 1) return message("ip.loopback");
  if (b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80) {
    return message("ip.linkLocal");
  }
  if (b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 0x02) {
    return message("ip.linkLocalMulticast");
  }
  return null;
}

export function isValidCIDR(text: string): boolean {
  const [address, bits, extra] = text.split("/");
  if (extra !== undefined || address === undefined || bits === undefined || !/^\d{1,3}$/.test(bits))
    return false;
  const ip = parseIP(address);
  return ip !== null && Number(bits) <= (ip.version === 4 ? 32 : 128);
}

/** Whether an IPv4 address lies in an IPv4 CIDR, network and broadcast addresses excluded (the allocator never hands those out). */
export function inAllocatableRange(ip: string, cidr: string): boolean {
  const range = parseCIDR(cidr);
  const value = parseIPv4(ip);
  if (!range || value === null || !cidrContains(range, value)) return false;
  return range.size <= 2 || (value !== range.base && value !== range.base + range.size - 1);
}
