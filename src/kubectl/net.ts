import type { Cluster, NameLookup, Trace } from "../engine/index.ts";
import { refName } from "../engine/index.ts";

/** What a curl command line asked for (curl(1): -s, -S, -v, -i, -I, -H, -X, -f). */
export interface CurlOptions {
  url: string;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  method: string;
  headers: { name: string; value: string }[];
}

/** The console's answer to a command that ran: standard output, standard error, exit status. */
export interface Run {
  out: string;
  err: string;
  status: number;
  /** Standard error written before the output: the API server's warnings, which kubectl prints first. */
  warning?: string;
}

/** curl --version of the image the lessons' client pod runs (curlimages/curl:8.11.1). */
const USER_AGENT = "curl/8.11.1";

/** curl's exit codes (libcurl-errors(3)): 6 could not resolve host, 7 could not connect, 28 timeout, 22 -f on >= 400. */
const EXIT = { resolve: 6, connect: 7, http: 22, timeout: 28 } as const;

/** The standard texts of the statuses the simulated proxies answer with (RFC 9110). */
const REASONS: Record<number, string> = {
  200: "OK",
  301: "Moved Permanently",
  302: "Found",
  308: "Permanent Redirect",
  404: "Not Found",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
};

function hostOf(url: string): { host: string; port: number; path: string; scheme: string } {
  const match = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?/.exec(url);
  const scheme = match?.[1] ?? "http";
  return {
    scheme,
    host: match?.[2] ?? url,
    port: match?.[3] ? Number(match[3]) : scheme === "https" ? 443 : 80,
    path: match?.[4] || "/",
  };
}

/**
 * The response body. The simulator's servers answer as the Kubernetes e2e image agnhost's
 * `serve-hostname` does, with the name of the pod that answered (a simulator choice, so that a
 * learner sees which endpoint kube-proxy picked); a server outside the cluster answers its address.
 */
function bodyOf(trace: Trace, status: number): string {
  if (status !== 200) {
    const title = `${status} ${REASONS[status] ?? ""}`.trim();
    return `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
  }
  const pod = trace.backend?.pod;
  return `${pod ? refName(pod) : (trace.backend?.ip ?? "")}\n`;
}

/** The address curl connected to: the destination of the request's first hop, after any DNS answer. */
function connectedTo(trace: Trace): { ip: string; port: number } | null {
  const first = trace.hops.find((h) => h.phase === "request");
  return first ? first.before.dst : null;
}

/** What curl prints for a traced request, and the status it exits with. */
export function curlOutput(trace: Trace, options: CurlOptions): Run {
  const { host, port, path } = hostOf(options.url);
  const err: string[] = [];
  const verbose = (line: string) => {
    if (options.verbose) err.push(line);
  };
  const fail = (status: number, message: string): Run => {
    if (!options.silent || options.showError) err.push(`curl: (${status}) ${message}`);
    return { out: "", err: err.join("\n"), status };
  };
  if (trace.outcome === "nxdomain") return fail(EXIT.resolve, `Could not resolve host: ${host}`);
  const address = connectedTo(trace) ?? { ip: host, port };
  verbose(`*   Trying ${address.ip}:${address.port}...`);
  if (trace.outcome === "timeout") {
    return fail(
      EXIT.timeout,
      `Failed to connect to ${host} port ${port} after 10002 ms: Timeout was reached`,
    );
  }
  if (trace.outcome === "refused") {
    return fail(
      EXIT.connect,
      `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`,
    );
  }
  const status = trace.outcome === "delivered" ? 200 : Number(trace.outcome.slice("http-".length));
  const method = options.head ? "HEAD" : options.method;
  const hostHeader = options.headers.find((h) => h.name.toLowerCase() === "host")?.value;
  verbose(`* Connected to ${host} (${address.ip}) port ${port}`);
  verbose(`> ${method} ${path} HTTP/1.1`);
  verbose(`> Host: ${hostHeader ?? (port === 80 || port === 443 ? host : `${host}:${port}`)}`);
  verbose(`> User-Agent: ${USER_AGENT}`);
  verbose("> Accept: */*");
  for (const h of options.headers.filter((h) => h.name.toLowerCase() !== "host")) {
    verbose(`> ${h.name}: ${h.value}`);
  }
  verbose(">");
  const body = bodyOf(trace, status);
  const head = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? ""}`.trimEnd(),
    "Server: nginx",
    `Content-Type: ${status === 200 ? "text/plain" : "text/html"}`,
    `Content-Length: ${body.length}`,
  ];
  for (const line of head) verbose(`< ${line}`);
  verbose("<");
  if (options.fail && status >= 400) {
    return fail(EXIT.http, `The requested URL returned error: ${status}`);
  }
  const out = [
    ...(options.include || options.head ? [...head, "", ""].join("\r\n") : ""),
    options.head ? "" : body,
  ].join("");
  verbose(`* Connection #0 to host ${host} left intact`);
  return { out, err: err.join("\n"), status: 0 };
}

/** The address of kube-dns, the nameserver of every ClusterFirst pod. */
export function nameserver(cluster: Cluster): string {
  return cluster.services.find((s) => s.ref === "svc/kube-system/kube-dns")?.clusterIP ?? "10.96.0.10";
}

/**
 * A pod's /etc/resolv.conf as the kubelet writes it for dnsPolicy ClusterFirst
 * (pkg/kubelet/network/dns: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, options ndots:5).
 */
export function resolvConf(cluster: Cluster, namespace: string): string {
  const domain = cluster.settings.clusterDomain;
  return [
    `search ${namespace}.svc.${domain} svc.${domain} ${domain}`,
    `nameserver ${nameserver(cluster)}`,
    "options ndots:5",
    "",
  ].join("\n");
}

/** bind9's nslookup (as in the dnsutils image the Kubernetes DNS debugging page uses). */
export function nslookupOutput(lookup: NameLookup, asked: string, server: string): Run {
  const header = [`Server:\t\t${server}`, `Address:\t${server}#53`, ""];
  if (lookup.rcode !== "NOERROR" || lookup.answers.length === 0) {
    return {
      out: [...header, `** server can't find ${asked}: ${lookup.rcode}`, ""].join("\n"),
      err: "",
      status: 1,
    };
  }
  const lines = lookup.answers.flatMap((a) =>
    a.type === "CNAME"
      ? [`${a.name}\tcanonical name = ${a.data}.`]
      : a.type === "A"
        ? [`Name:\t${a.name}`, `Address: ${a.data}`]
        : [],
  );
  return { out: [...header, ...lines, ""].join("\n"), err: "", status: 0 };
}

/** dig's answer: +short prints the data alone; otherwise the header, question and answer sections. */
export function digOutput(lookup: NameLookup, asked: string, server: string, short: boolean): Run {
  const data = (d: string, type: string) => (type === "CNAME" ? `${d}.` : d);
  if (short) {
    return { out: lookup.answers.map((a) => `${data(a.data, a.type)}\n`).join(""), err: "", status: 0 };
  }
  const question = asked.endsWith(".") ? asked : `${asked}.`;
  const lines = [
    `; <<>> DiG 9.18.33 <<>> ${asked}`,
    ";; global options: +cmd",
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: QUERY, status: ${lookup.rcode}, id: 1`,
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${lookup.answers.length}, AUTHORITY: 0, ADDITIONAL: 1`,
    "",
    ";; QUESTION SECTION:",
    `;${question}\t\tIN\tA`,
    "",
    ...(lookup.answers.length
      ? [
          ";; ANSWER SECTION:",
          ...lookup.answers.map((a) => `${a.name}.\t${a.ttl}\tIN\t${a.type}\t${data(a.data, a.type)}`),
          "",
        ]
      : []),
    ";; Query time: 0 msec",
    `;; SERVER: ${server}#53(${server}) (UDP)`,
    "",
  ];
  return { out: lines.join("\n"), err: "", status: 0 };
}
