/** IPv4 addresses as unsigned 32-bit numbers, and CIDR ranges over them. */

export interface CIDR {
  /** The network address, as a number. */
  base: number;
  /** How many addresses the range holds, network and broadcast included. */
  size: number;
}

export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  // Concatenated rather than joined from an array: one address per pod and Service in a build.
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function parseCIDR(text: string): CIDR | null {
  const [address, bits] = text.split("/");
  const ip = address === undefined ? null : parseIPv4(address);
  const prefix = Number(bits);
  if (ip === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { base: ip - (ip % size), size };
}

export function cidrContains(cidr: CIDR, ip: number): boolean {
  return ip >= cidr.base && ip < cidr.base + cidr.size;
}
