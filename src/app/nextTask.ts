/**
 * Runs `run` in a task of its own, after the current task and the render it brings; returns a cancel.
 * A MessageChannel message rather than setTimeout: it is not clamped to 4 ms nor throttled in a
 * background tab, and a page clock held by a test (Playwright's page.clock fakes timers) does not
 * hold it back.
 */
export function inNextTask(run: () => void): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) run();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}
