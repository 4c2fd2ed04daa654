// SIGTERM while 100 streams are open on the real gateway: each completes or ends cleanly.
import { checkSse } from "@openclaw/contract-kit";
import { baseConfig, chat, startGateway } from "@openclaw/contract-kit/gateway";
import { expect, it } from "vitest";

it("SIGTERM during 100 open streams: each completes or gets a clean end, and the gateway exits 0", async () => {
  const gateway = await startGateway(
    baseConfig({
      gateway: { shutdownGraceMs: 600 },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 50 } } },
    }),
  );
  // Short streams finish within the grace period; long ones are cut at its end.
  const words = (i: number) => Array.from({ length: i % 2 === 0 ? 3 : 40 }, (_, w) => `w${w}`).join(" ");
  const responses = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      chat(gateway.url, { stream: true, messages: [{ role: "user", content: words(i) }] }),
    ),
  );
  const bodies = responses.map((response) => {
    expect(response.status).toBe(200);
    return response.text();
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const exit = gateway.stop("SIGTERM");
  const outcomes = { completed: 0, endedCleanly: 0 };
  for (const body of await Promise.all(bodies)) {
    const { errors } = checkSse(body);
    if (errors.length === 0) outcomes.completed++;
    else {
      expect(errors).toEqual([{ error: expect.objectContaining({ code: "shutting_down" }) }]);
      outcomes.endedCleanly++;
    }
  }
  expect(await exit).toBe(0);
  expect(outcomes.completed).toBeGreaterThanOrEqual(50);
  expect(outcomes.endedCleanly).toBeGreaterThan(0);
  expect(outcomes.completed + outcomes.endedCleanly).toBe(100);
});
