// Memory while requests carry big images: 1,000 requests with a 10 MiB image each, through the
// real gateway in a child with a small heap. Nothing may be kept per request or held twice, or
// the heap bound ends the process (and RSS grows past the bound below).
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { dataUri, pngOfSize } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, expect, it } from "vitest";

const REQUESTS = Number(process.env.MEDIA_MEMORY_REQUESTS ?? 1000);
const CONCURRENCY = 2;
const IMAGE_BYTES = 10 * 1024 * 1024;

/** POSTs `body` with node:http (fetch would copy a 13 MiB body on every send), resolving status and text. */
function post(url: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "content-length": body.length },
    });
    req.once("error", reject);
    req.once("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.once("error", reject);
    });
    req.end(body);
  });
}

function rssBytes(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

let gateway: RunningGateway;
beforeAll(async () => {
  // 128 MB of old space: two requests in flight hold ~27 MB of text each (the body as a string,
  // then the parsed base64), so a copy kept per request, or a third copy per image, fails fast.
  gateway = await startGateway(baseConfig(), { env: { NODE_OPTIONS: "--max-old-space-size=128" } });
});
afterAll(() => gateway?.stop());

it(`keeps memory flat across ${REQUESTS} requests carrying a 10 MiB image`, async () => {
  // Built once: the test's own memory is not the subject.
  const body = Buffer.from(
    JSON.stringify({
      model: "openclaw",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "what" },
            { type: "image_url", image_url: { url: dataUri("image/png", pngOfSize(IMAGE_BYTES)) } },
          ],
        },
      ],
    }),
  );
  const expected = `echo: what [image/png ${IMAGE_BYTES} B]`;
  let sent = 0;
  // RSS after each request, past a warm-up of 50.
  const samples: number[] = [];
  const worker = async () => {
    while (sent < REQUESTS) {
      const n = sent++;
      const { status, text } = await post(gateway.url, body);
      expect(status, text).toBe(200);
      expect(JSON.parse(text).choices[0].message.content).toBe(expected);
      if (n >= 50) samples.push(rssBytes(gateway.child.pid));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(gateway.child.exitCode).toBeNull();
  // Flat: anything kept per request would raise RSS with the count (13 GB went through). The
  // median of each half, not its peak: a peak is two requests' transient buffers caught or not.
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
  const first = median(samples.slice(0, samples.length / 2));
  const second = median(samples.slice(samples.length / 2));
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const seen = `RSS MiB: first half median ${mib(first)}, second ${mib(second)}, max ${mib(Math.max(...samples))}`;
  expect(second - first, seen).toBeLessThan(32 * 1024 * 1024);
  // Two requests in flight hold about 4 copies of 13 MiB (body bytes and text, parsed base64).
  expect(Math.max(...samples) - (samples[0] ?? 0), seen).toBeLessThan(192 * 1024 * 1024);
  // Bounded by its count; this only catches a hang (13 GB go through the gateway: about a
  // minute on an idle 2-core machine, several under heavy load).
}, 600_000);
