import { describe, expect, it } from "vitest";
import { inNextTask } from "./nextTask.ts";

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("inNextTask", () => {
  it("runs after the current task, not in it", async () => {
    const ran: string[] = [];
    inNextTask(() => ran.push("next"));
    ran.push("now");
    await Promise.resolve();
    expect(ran).toEqual(["now"]);
    await aTaskLater();
    expect(ran).toEqual(["now", "next"]);
  });

  it("does not run once cancelled", async () => {
    let ran = false;
    const cancel = inNextTask(() => {
      ran = true;
    });
    cancel();
    await aTaskLater();
    expect(ran).toBe(false);
  });
});
