import { describe, expect, it } from "vitest";
import { parseTarget } from "./target.ts";

describe("request targets", () => {
  it("reads URLs with the scheme's default port (RFC 9110: http 80, https 443)", () => {
    expect(parseTarget("http://web.default.svc.cluster.local/healthz")).toEqual({
      ok: true,
      value: {
        scheme: "http",
        host: "web.default.svc.cluster.local",
        rawHost: "web.default.svc.cluster.local",
        isAddress: false,
        port: 80,
        path: "/healthz",
      },
    });
    expect(parseTarget("https://Example.COM").ok && parseTarget("https://Example.COM")).toMatchObject({
      value: { scheme: "https", host: "example.com", port: 443, path: "/" },
    });
    expect(parseTarget("http://10.96.0.1:8080/x?y=1")).toMatchObject({
      value: { host: "10.96.0.1", port: 8080, path: "/x?y=1" },
    });
  });

  it("reads host:port and keeps a trailing dot in the raw host (an absolute DNS name)", () => {
    expect(parseTarget("web:80")).toMatchObject({ ok: true, value: { scheme: null, host: "web", port: 80 } });
    expect(parseTarget("web.default.svc.cluster.local.:80")).toMatchObject({
      value: { host: "web.default.svc.cluster.local", rawHost: "web.default.svc.cluster.local." },
    });
  });

  it("explains what is wrong with a target it cannot send to", () => {
    for (const bad of ["web", "ftp://web/", "web:0", "web:70000", "http://:80/", "a/b"]) {
      const result = parseTarget(bad);
      expect(result.ok, bad).toBe(false);
    }
  });
});

describe("a target that cannot be sent to", () => {
  // Issue 14: the app renders why in the learner's language; the CLI prints the same English as before.
  it("says why as a message, and in English as the CLI prints it", () => {
    const result = parseTarget("ftp://x/");
    expect(result).toMatchObject({
      ok: false,
      text: { code: "request.scheme", params: { to: "ftp://x/" } },
      message: '"ftp://x/": only http:// and https:// URLs, or host:port, can be sent',
    });
  });
});
