import { describe, expect, it } from "vitest";
import { runCli } from "./main.ts";
import { joinNegativeValues } from "./options.ts";

function svclab(...args: string[]) {
  const err: string[] = [];
  const code = runCli(args, { readText: () => "", out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join("").split("\n")[0] };
}

const TRAFFIC = ["traffic", "--from", "external", "--to", "web:80", "-f", "m.yaml"];

// Issue 16 item 7: numbers out of range are named with their range, never wrapped or misread.
describe("numeric options", () => {
  it("says --count's range for 1e9, 0, abc and -5, and that it is required when missing", () => {
    for (const count of ["1e9", "0", "abc", "-5", "1000001"]) {
      expect(svclab(...TRAFFIC, "--count", count)).toEqual({
        code: 2,
        err: `svclab traffic: --count "${count}": give the number of requests, a whole number from 1 to 1000000`,
      });
    }
    expect(svclab(...TRAFFIC).err).toBe(
      "svclab traffic: --count N is required: the number of requests, a whole number from 1 to 1000000",
    );
  });

  it("rejects seeds the 32-bit PRNG would wrap (random.ts keeps 32 bits)", () => {
    for (const seed of ["4294967296", "-1", "1.5"]) {
      expect(svclab("trace", "--from", "external", "--to", "web:80", "-f", "m.yaml", "--seed", seed)).toEqual(
        {
          code: 2,
          err: `svclab trace: --seed "${seed}": give the seed, a whole number from 0 to 4294967295`,
        },
      );
    }
  });

  it("joins a negative number to the option before it, long or short, and leaves the rest", () => {
    const options = {
      count: { type: "string" as const },
      name: { type: "string" as const, short: "n" },
      all: { type: "boolean" as const, short: "A" },
    };
    expect(joinNegativeValues(["--count", "-5", "-n", "-1", "-A", "-2", "-", "x"], options)).toEqual([
      "--count=-5",
      "-n-1",
      "-A",
      "-2",
      "-",
      "x",
    ]);
  });
});
