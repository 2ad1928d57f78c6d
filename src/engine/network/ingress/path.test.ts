import { describe, expect, it } from "vitest";
import { bestPath, type Matching, matchLength, pathOf } from "./path.ts";

const matches = (matching: Matching, path: string, request: string) =>
  matchLength(matching, path, request) !== null;

// Every row of the "Examples" table in kubernetes/website concepts/services-networking/ingress.md.
describe("the Ingress documentation's path matching table", () => {
  it("Prefix / matches all paths", () => {
    for (const request of ["/", "/foo", "/aaa/bbb/ccc"]) expect(matches("prefix", "/", request)).toBe(true);
  });

  it("Exact /foo matches /foo", () => expect(matches("exact", "/foo", "/foo")).toBe(true));
  it("Exact /foo does not match /bar", () => expect(matches("exact", "/foo", "/bar")).toBe(false));
  it("Exact /foo does not match /foo/", () => expect(matches("exact", "/foo", "/foo/")).toBe(false));
  it("Exact /foo/ does not match /foo", () => expect(matches("exact", "/foo/", "/foo")).toBe(false));

  it("Prefix /foo matches /foo and /foo/", () => {
    expect(matches("prefix", "/foo", "/foo")).toBe(true);
    expect(matches("prefix", "/foo", "/foo/")).toBe(true);
  });

  it("Prefix /foo/ matches /foo and /foo/", () => {
    expect(matches("prefix", "/foo/", "/foo")).toBe(true);
    expect(matches("prefix", "/foo/", "/foo/")).toBe(true);
  });

  it("Prefix /aaa/bb does not match /aaa/bbb", () =>
    expect(matches("prefix", "/aaa/bb", "/aaa/bbb")).toBe(false));
  it("Prefix /aaa/bbb matches /aaa/bbb", () => expect(matches("prefix", "/aaa/bbb", "/aaa/bbb")).toBe(true));
  it("Prefix /aaa/bbb/ matches /aaa/bbb, ignoring the trailing slash", () =>
    expect(matches("prefix", "/aaa/bbb/", "/aaa/bbb")).toBe(true));
  it("Prefix /aaa/bbb matches /aaa/bbb/, the trailing slash", () =>
    expect(matches("prefix", "/aaa/bbb", "/aaa/bbb/")).toBe(true));
  it("Prefix /aaa/bbb matches the subpath /aaa/bbb/ccc", () =>
    expect(matches("prefix", "/aaa/bbb", "/aaa/bbb/ccc")).toBe(true));
  it("Prefix /aaa/bbb does not match the string prefix /aaa/bbbxyz", () =>
    expect(matches("prefix", "/aaa/bbb", "/aaa/bbbxyz")).toBe(false));

  const prefixes = (...paths: string[]) => paths.map((path) => ({ path, matching: "prefix" as const }));

  it("Prefix /, /aaa: /aaa/ccc matches the /aaa prefix", () => {
    expect(bestPath(prefixes("/", "/aaa"), "/aaa/ccc")?.candidate.path).toBe("/aaa");
  });

  it("Prefix /, /aaa, /aaa/bbb: /aaa/bbb matches the /aaa/bbb prefix", () => {
    expect(bestPath(prefixes("/", "/aaa", "/aaa/bbb"), "/aaa/bbb")?.candidate.path).toBe("/aaa/bbb");
  });

  it("Prefix /, /aaa, /aaa/bbb: /ccc matches the / prefix", () => {
    expect(bestPath(prefixes("/", "/aaa", "/aaa/bbb"), "/ccc")?.candidate.path).toBe("/");
  });

  it("Prefix /aaa: /ccc matches nothing and goes to the default backend", () => {
    expect(bestPath(prefixes("/aaa"), "/ccc")).toBeUndefined();
  });

  it("Mixed /foo (Prefix), /foo (Exact): /foo prefers Exact", () => {
    const candidates = [
      { path: "/foo", matching: "prefix" as const, name: "prefix" },
      { path: "/foo", matching: "exact" as const, name: "exact" },
    ];
    expect(bestPath(candidates, "/foo")?.candidate.name).toBe("exact");
  });
});

describe("matching", () => {
  it("is case sensitive", () => {
    expect(matches("exact", "/foo", "/FOO")).toBe(false);
    expect(matches("prefix", "/foo", "/Foo/bar")).toBe(false);
  });

  it("ignores the query string", () => {
    expect(pathOf("/foo?x=1")).toBe("/foo");
    expect(pathOf("?x=1")).toBe("/");
  });

  it("reads a GCE glob: /foo/* below /foo/, /* everything, no star exactly", () => {
    expect(matches("glob", "/foo/*", "/foo/bar")).toBe(true);
    expect(matches("glob", "/foo/*", "/foo/")).toBe(true);
    expect(matches("glob", "/foo/*", "/foo")).toBe(false);
    expect(matches("glob", "/*", "/anything")).toBe(true);
    expect(matches("glob", "/foo", "/foo/bar")).toBe(false);
    expect(matches("glob", "/foo", "/foo")).toBe(true);
  });

  it("prefers the longer match whatever the order", () => {
    const found = bestPath(
      [
        { path: "/aaa/bbb", matching: "prefix" as const },
        { path: "/aaa", matching: "exact" as const },
      ],
      "/aaa/bbb",
    );
    expect(found?.candidate.path).toBe("/aaa/bbb");
  });
});
