import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (Go's base32.StdEncoding), without the padding that a 16-character prefix never reaches. */
function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** proxier.go portProtoHash: base32(sha256(servicePortName + protocol))[:16]. */
function hash16(text: string): string {
  return base32(sha256(utf8ToBytes(text))).slice(0, 16);
}

/** proxy.ServicePortName.String(): "NS/NAME" plus ":PORTNAME" when the port is named (fmtPortName). */
export function servicePortName(namespace: string, name: string, portName: string | undefined): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ""}`;
}

/** kube-proxy hashes the lower-cased protocol (`strings.ToLower(string(svcInfo.Protocol()))`). */
export type ChainProtocol = "tcp" | "udp" | "sctp";

/** proxier.go servicePortPolicyClusterChain: KUBE-SVC-<hash>, dispatch to every ready endpoint. */
export function serviceChain(spn: string, protocol: ChainProtocol): string {
  return `KUBE-SVC-${hash16(spn + protocol)}`;
}

/** proxier.go servicePortPolicyLocalChain: KUBE-SVL-<hash>, dispatch to this node's endpoints only. */
export function serviceLocalChain(spn: string, protocol: ChainProtocol): string {
  return `KUBE-SVL-${hash16(spn + protocol)}`;
}

/** proxier.go serviceExternalChain: KUBE-EXT-<hash>, for NodePort, LoadBalancer and external IPs. */
export function serviceExternalChain(spn: string, protocol: ChainProtocol): string {
  return `KUBE-EXT-${hash16(spn + protocol)}`;
}

/** proxier.go servicePortFirewallChainName: KUBE-FW-<the same hash as KUBE-EXT>. */
export function serviceFirewallChain(spn: string, protocol: ChainProtocol): string {
  return `KUBE-FW-${hash16(spn + protocol)}`;
}

/** proxier.go servicePortEndpointChainName: KUBE-SEP-<hash of servicePortName + protocol + "IP:port">. */
export function endpointChain(spn: string, protocol: ChainProtocol, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + protocol + endpoint)}`;
}

/** knftables.NameLengthMax (256) less chainNamePrefixLengthMax (16): nftables/proxier.go chainNameBaseLengthMax. */
const NFT_NAME_BASE_MAX = 240;

/**
 * nftables/proxier.go hashAndTruncate: "HASH-name", the first 8 base32 characters of sha256(name),
 * so that near-identical names (endpoints differing in one digit) stay apart at a glance.
 */
function nftNameBase(name: string): string {
  const base = `${base32(sha256(utf8ToBytes(name))).slice(0, 8)}-${name}`;
  return base.length > NFT_NAME_BASE_MAX ? `${base.slice(0, NFT_NAME_BASE_MAX - 3)}...` : base;
}

/** nftables/proxier.go servicePortChainNameBase: "HASH-NS/NAME/PROTO/PORTNAME" (the port name may be empty). */
export function nftServiceBase(
  namespace: string,
  name: string,
  protocol: ChainProtocol,
  port: string,
): string {
  return nftNameBase(`${namespace}/${name}/${protocol}/${port}`);
}

/** nftables/proxier.go servicePortEndpointChainNameBase: "HASH-NS/NAME/PROTO/PORTNAME__IP/PORT". */
export function nftEndpointBase(
  namespace: string,
  name: string,
  protocol: ChainProtocol,
  port: string,
  endpoint: { ip: string; port: number },
): string {
  return nftNameBase(`${namespace}/${name}/${protocol}/${port}__${endpoint.ip}/${endpoint.port}`);
}
