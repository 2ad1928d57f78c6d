import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The real command, as scripts call it: bin/svclab.mjs runs the plain-JavaScript bundle (built first
// when missing or stale), and reads files and standard input itself (issue 16 items 6 and 7).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function svclab(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ["bin/svclab.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    ...(input === undefined ? {} : { input }),
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("the svclab process", () => {
  it("runs get svc on the sandbox sample from the bundle", () => {
    const { code, out } = svclab(["get", "svc", "-f", "src/samples/sandbox.yaml"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
  });

  it("stops reading /dev/zero at the 8 MiB limit and says so (exit 1)", () => {
    expect(svclab(["validate", "/dev/zero"])).toEqual({
      code: 1,
      out: "",
      err: "/dev/zero:1:1: more than 8388608 bytes (8 MiB, the limit per file); reading stopped there: split it into smaller files\n",
    });
  });

  it("says there was nothing to read on empty standard input (exit 1), and reads it when there is", () => {
    expect(svclab(["validate", "-"], "")).toMatchObject({
      code: 1,
      err: expect.stringMatching(/standard input is empty/),
    });
    expect(svclab(["validate", "-"], "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")).toMatchObject(
      {
        code: 0,
        out: "1 object valid\n",
      },
    );
  });
});
