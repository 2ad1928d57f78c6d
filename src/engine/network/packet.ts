import type { PacketHeader } from "../trace/types.ts";

/** A new packet's header. */
export function header(
  protocol: "TCP" | "UDP",
  srcIP: string,
  srcPort: number,
  dstIP: string,
  dstPort: number,
): PacketHeader {
  return { protocol, src: { ip: srcIP, port: srcPort }, dst: { ip: dstIP, port: dstPort } };
}

/** The packet after DNAT: a new destination, the same source. */
export function withDst(packet: PacketHeader, ip: string, port: number): PacketHeader {
  return { protocol: packet.protocol, src: packet.src, dst: { ip, port } };
}

/** The packet after SNAT (masquerade): a new source address, the same source port. */
export function withSrc(packet: PacketHeader, ip: string): PacketHeader {
  return { protocol: packet.protocol, src: { ip, port: packet.src.port }, dst: packet.dst };
}

/** "IP:port", as conntrack, iptables and the endpoint cache write an address. */
export function addr(e: { ip: string; port: number }): string {
  return `${e.ip}:${e.port}`;
}

/** 127.0.0.0/8, the loopback network (RFC 1122 3.2.1.3): it never leaves the host. */
export function isLoopback(ip: string): boolean {
  return ip.startsWith("127.");
}
