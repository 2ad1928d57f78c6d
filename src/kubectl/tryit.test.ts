import { describe, expect, it } from "vitest";
import { lessons } from "../lessons/index.ts";
import { runLine } from "./kubectl.ts";
import { runnable } from "./runnable.ts";
import { clusterOf } from "./testing.ts";

/** What the console says when it does not know a command, a flag, an output format or a kind. */
const REFUSED =
  /command not found|unknown command|unknown flag|unknown shorthand|unable to match a printer|doesn't have a resource type|option \S+: is unknown/;

describe("the lessons' commands in the console", () => {
  // Issue 19: every lesson's kubectl commands are runnable, a click types them into the console.
  for (const lesson of lessons) {
    it(`${lesson.id}: each command the console runs is understood, in order`, () => {
      const cluster = clusterOf(lesson.manifests);
      const env: Record<string, string> = {};
      for (const command of lesson.tryIt.filter(runnable)) {
        const step = runLine(command, {
          cluster,
          files: lesson.manifests,
          activeFile: lesson.manifests[0]?.name ?? "",
          shell: null,
          env,
        });
        if (step.kind === "env") env[step.name] = step.value;
        const run = step.kind === "print" || step.kind === "edit" || step.kind === "shell" ? step.run : null;
        expect(run?.err ?? "", command).not.toMatch(REFUSED);
      }
    });
  }

  it("leaves to a real cluster what needs its machines or the network", () => {
    const realOnly = lessons.flatMap((l) => l.tryIt).filter((c) => !runnable(c));
    expect(realOnly.every((c) => !c.startsWith("kubectl ") || / -f https?:\/\/| logs /.test(c))).toBe(true);
    expect(
      runnable("ADDRESS=$(kubectl get ingress shop -o jsonpath='{.status.loadBalancer.ingress[0].ip}')"),
    ).toBe(true);
    expect(runnable("docker stop kind-worker")).toBe(false);
  });
});
