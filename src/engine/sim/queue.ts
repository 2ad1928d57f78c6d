/**
 * Timers in virtual time, in the order they fire: by time, then by priority (what must happen first
 * within one instant), then in the order they were set.
 */
export class TimerQueue<T> {
  private readonly items: { at: number; priority: number; seq: number; value: T }[] = [];
  private seq = 0;

  add(at: number, priority: number, value: T): void {
    const item = { at, priority, seq: this.seq++, value };
    let i = this.items.length;
    while (i > 0) {
      const before = this.items[i - 1];
      if (!before || before.at < at || (before.at === at && before.priority <= priority)) break;
      i--;
    }
    this.items.splice(i, 0, item);
  }

  /** The next timer due at or before `time`, removed from the queue. */
  next(time: number): { at: number; value: T } | undefined {
    const first = this.items[0];
    if (!first || first.at > time) return undefined;
    this.items.shift();
    return first;
  }
}
