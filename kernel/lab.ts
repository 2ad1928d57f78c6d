// A small network of Linux network namespaces for the kernel test: one namespace is the node whose
// kube-proxy rules are loaded; every endpoint, the source pod and the external client get one of
// their own, joined to the node by a veth pair. Nothing outside these namespaces is ever contacted.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export interface Answer {
  outcome: string;
  /** The server's name and the address it saw the connection come from. */
  name?: string;
  peer?: string;
}

export interface Target {
  host: string;
  port: number;
  count: number;
  timeoutMs: number;
}

function run(command: string, args: string[], input?: string): string {
  return execFileSync(command, args, { encoding: "utf8", ...(input === undefined ? {} : { input }) });
}

export class Lab {
  readonly node: string;
  private readonly namespaces: string[] = [];
  private readonly servers: ChildProcess[] = [];
  private links = 0;

  /** The external client's namespace, where the node's default route leads. */
  readonly external: string;

  constructor(
    private readonly prefix: string,
    nodeIP: string,
    externalIP: string,
  ) {
    this.node = this.namespace("node");
    try {
      this.setUpNode(nodeIP);
      this.external = this.host("ext", externalIP);
      // The node's way out (Service addresses included, as a node's default route covers them) leads
      // to the external client only, so nothing leaves the lab; kube-proxy's DNAT picks the real hop.
      this.exec(this.node, "ip", ["route", "add", "default", "dev", "v0", "src", nodeIP]);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private setUpNode(nodeIP: string): void {
    // The node's address on its loopback: local, and the one masquerading picks (no veth has one).
    this.exec(this.node, "ip", ["addr", "add", `${nodeIP}/32`, "dev", "lo"]);
    // A node forwards, routes 127.0.0.1 NodePorts (kube-proxy sets route_localnet for them), and
    // answers ARP for what it routes (as Calico does) so that /32 neighbours need no gateway address.
    const settings: [string, string][] = [
      ["net/ipv4/ip_forward", "1"],
      ["net/ipv4/conf/all/route_localnet", "1"],
      ["net/ipv4/conf/all/rp_filter", "0"],
      ["net/ipv4/conf/default/rp_filter", "0"],
      ["net/ipv4/conf/default/proxy_arp", "1"],
    ];
    for (const [key, value] of settings) this.sysctl(this.node, key, value);
  }

  private namespace(name: string): string {
    const ns = `${this.prefix}-${name}`;
    run("ip", ["netns", "add", ns]);
    this.namespaces.push(ns);
    this.exec(ns, "ip", ["link", "set", "lo", "up"]);
    return ns;
  }

  exec(ns: string, command: string, args: string[], input?: string): string {
    // `ip -n` enters the namespace itself, without `ip netns exec`'s mounts: ten times faster.
    if (command === "ip") return run("ip", ["-n", ns, ...args], input);
    return run("ip", ["netns", "exec", ns, command, ...args], input);
  }

  private sysctl(ns: string, key: string, value: string): void {
    this.exec(ns, "sh", ["-c", `echo ${value} > /proc/sys/${key}`]);
  }

  /** A namespace holding `ip`, joined to the node: the node routes `ip` to it, it sends everything to the node. */
  host(name: string, ip: string): string {
    const ns = this.namespace(name);
    const link = `v${this.links++}`;
    run("ip", ["link", "add", link, "netns", this.node, "type", "veth", "peer", "name", "eth0", "netns", ns]);
    this.exec(this.node, "ip", ["link", "set", link, "up"]);
    // Proxied ARP answers at once (by default after up to 0.8 s, longer than a test's patience).
    this.exec(this.node, "ip", ["ntable", "change", "name", "arp_cache", "dev", link, "proxy_delay", "0"]);
    this.exec(this.node, "ip", ["route", "add", `${ip}/32`, "dev", link]);
    this.exec(ns, "ip", ["link", "set", "eth0", "up"]);
    this.exec(ns, "ip", ["addr", "add", `${ip}/32`, "dev", "eth0"]);
    this.exec(ns, "ip", ["route", "add", "default", "dev", "eth0"]);
    return ns;
  }

  /** Starts a server in `ns` answering on `ports`; resolves once every port listens. */
  serve(ns: string, name: string, ports: readonly number[]): Promise<void> {
    const child = spawn(
      "ip",
      ["netns", "exec", ns, process.execPath, join(here, "server.mjs"), name, ...ports.map(String)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    this.servers.push(child);
    return new Promise((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`server ${name} in ${ns} exited with ${code}`)));
    });
  }

  /** Connects from `ns` to each target, as client.mjs does. */
  connect(
    ns: string,
    targets: readonly Target[],
  ): Promise<{ host: string; port: number; answers: Answer[] }[]> {
    const args = ["netns", "exec", ns, process.execPath, join(here, "client.mjs"), JSON.stringify(targets)];
    return new Promise((resolve, reject) =>
      execFile("ip", args, { encoding: "utf8" }, (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(stdout)),
      ),
    );
  }

  /** Loads an iptables-save text into the node's netfilter. */
  iptablesRestore(text: string): void {
    this.exec(this.node, "iptables-restore", [], text);
  }

  /** Checks an nft script in the node's namespace without applying it (`nft -c -f`), then loads and lists it. */
  nftCheckLoadList(text: string, table: string): string {
    const file = join(tmpdir(), `${this.prefix}-nft.txt`);
    writeFileSync(file, text);
    this.exec(this.node, "nft", ["-c", "-f", file]);
    this.exec(this.node, "nft", ["-f", file]);
    return this.exec(this.node, "nft", ["list", "table", "ip", table]);
  }

  close(): void {
    for (const server of this.servers) if (server.pid) process.kill(server.pid);
    for (const ns of this.namespaces.reverse()) {
      try {
        run("ip", ["netns", "del", ns]);
      } catch {
        // Already gone with its last process.
      }
    }
  }
}
