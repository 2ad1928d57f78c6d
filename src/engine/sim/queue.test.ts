import { describe, expect, it } from "vitest";
import { TimerQueue } from "./queue.ts";

describe("TimerQueue", () => {
  it("fires by time, then priority, then the order timers were set", () => {
    const q = new TimerQueue<string>();
    q.add(10, 2, "c");
    q.add(5, 0, "a");
    q.add(10, 1, "b");
    q.add(10, 2, "d");
    const fired: string[] = [];
    for (let t = q.next(10); t; t = q.next(10)) fired.push(t.value);
    expect(fired).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps timers that are not due yet", () => {
    const q = new TimerQueue<string>();
    q.add(10, 0, "later");
    expect(q.next(9)).toBeUndefined();
    expect(q.next(10)?.value).toBe("later");
  });
});
