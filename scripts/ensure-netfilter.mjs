// Makes sure the kernel test (kernel/) can run before it does: root, network namespaces, and
// Debian's iptables, nftables and iproute2. Installs what is missing as ensure-chromium.mjs does,
// and never lets the test be skipped silently.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const TOOLS = [
  { command: "ip", pkg: "iproute2" },
  { command: "iptables-restore", pkg: "iptables" },
  { command: "iptables", pkg: "iptables" },
  { command: "nft", pkg: "nftables" },
  // ipvs mode's virtual servers (the kernel test says so when the kernel itself has no IPVS).
  { command: "ipvsadm", pkg: "ipvsadm" },
];

function fail(message) {
  console.error(`\nThe kernel test needs root and Linux netfilter tools.\n${message}\n`);
  process.exit(1);
}

function has(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (process.platform !== "linux") fail("It loads rules into the Linux kernel: run it on Linux.");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot)
  fail("It creates network namespaces and loads netfilter rules: run the tests as root (CI does).");

const missing = [...new Set(TOOLS.filter((t) => !has(t.command)).map((t) => t.pkg))];
if (missing.length > 0) {
  if (!existsSync("/etc/debian_version"))
    fail(`Install ${missing.join(", ")} with your system's package manager, then run the tests again.`);
  console.log(`Installing Debian's ${missing.join(", ")} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
  const still = TOOLS.filter((t) => !has(t.command)).map((t) => t.command);
  if (still.length > 0) fail(`apt-get finished but ${still.join(", ")} is still missing.`);
}

const probe = `svclab-probe-${process.pid}`;
try {
  execFileSync("ip", ["netns", "add", probe], { stdio: "pipe" });
  execFileSync("ip", ["netns", "del", probe], { stdio: "pipe" });
} catch (error) {
  fail(`This machine does not let root create a network namespace (${String(error).split("\n")[0]}).`);
}
console.log("Kernel test: root, network namespaces, ip, iptables-restore, nft and ipvsadm are here.");
