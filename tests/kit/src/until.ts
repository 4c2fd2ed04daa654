/**
 * Waits for a condition instead of a fixed time: polls `condition` (sync or async) until it
 * returns a truthy value, which it then returns. Each poll yields to the event loop, so
 * sockets and timers under test make progress. Past `timeoutMs` it throws with `what` and the
 * last value seen, so a failure says what never happened rather than timing out silently.
 *
 * @example
 * await until(() => server.router.activeRuns === 0, { what: "runs to end" });
 */
export async function until<T>(
  condition: () => T | Promise<T>,
  {
    timeoutMs = 10_000,
    intervalMs = 5,
    what = "condition",
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await condition();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms (last value: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
