// The remote-image fetcher on real sockets: every refused spelling of a private address, the
// allowlist, redirects (each hop re-checked), the size cut and the time bound. The allowed path
// reaches a loopback server through the test-only address check, never through config.
import type { ServerResponse } from "node:http";
import { ImageFetchRefused } from "@openclaw/chat-completions-server";
import { type Listening, listen, PNG } from "@openclaw/contract-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageFetcher, hostAllowed, isPublicAddress } from "./fetch-image.js";

let server: Listening;
beforeAll(async () => {
  server = await listen((req, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    const hops = /^\/r\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      res.writeHead(302, { location: left > 1 ? `/r/${left - 1}` : "/png" }).end();
    } else if (url.pathname === "/png") res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    else if (url.pathname === "/to-metadata") res.writeHead(302, { location: "http://169.254.169.254/latest" }).end();
    else if (url.pathname === "/to-elsewhere")
      res.writeHead(301, { location: "http://images.example.com/a.png" }).end();
    else if (url.pathname === "/big") res.writeHead(200, { "content-length": "5000" }).end(Buffer.alloc(5000));
    else if (url.pathname === "/big-chunked") {
      res.writeHead(200);
      res.write(Buffer.alloc(3000));
      res.end(Buffer.alloc(3000));
    } else if (url.pathname === "/silent") res.flushHeaders();
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

/** A fetcher allowed to reach the loopback test server: the check is injected, as only tests can. */
const loopbackFetcher = (urlAllowlist = ["127.0.0.1"], maxRedirects = 3, timeoutMs = 5000) =>
  createImageFetcher({
    urlAllowlist,
    maxRedirects,
    timeoutMs,
    isAllowedAddress: (address) => address === "127.0.0.1" || isPublicAddress(address),
  });

async function refusal(promise: Promise<unknown>): Promise<ImageFetchRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageFetchRefused);
  return error as ImageFetchRefused;
}

describe("addresses refused even when the host is allowlisted", () => {
  const fetcher = createImageFetcher({ urlAllowlist: ["*"], maxRedirects: 3, timeoutMs: 5000 });
  it.each([
    "http://127.0.0.1/a.png",
    "http://localhost/a.png",
    "http://[::1]/a.png",
    "http://[::ffff:127.0.0.1]/a.png",
    "http://2130706433/a.png",
    "http://0x7f.1/a.png",
    "http://017700000001/a.png",
    "http://0177.0.0.1/a.png",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[2002:7f00:1::]/",
    "http://[64:ff9b::7f00:1]/",
    "http://255.255.255.255/",
    // IPv4-compatible IPv6 (::/96, deprecated): ipaddr.js calls it unicast; hosts may route it to the IPv4.
    "http://[::127.0.0.1]/",
    "http://[::169.254.169.254]/latest/meta-data/",
    "http://[::10.0.0.1]/",
    "http://[::7f00:1]/",
    // Outside IPv6 global unicast (2000::/3): unassigned, nothing public lives there.
    "http://[4000::1]/",
    "http://[100::1]/",
  ])("%s", async (url) => {
    const error = await refusal(fetcher(new URL(url), { maxBytes: 1000 }));
    expect(error.reason).toBe("not_allowed");
    expect(error.message).toMatch(/does not resolve to a public address/);
  });

  it("judges by address, so a public address passes the check", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1::")).toBe(true);
    expect(isPublicAddress("not an address")).toBe(false);
    expect(isPublicAddress("::ffff:93.184.216.34")).toBe(true);
  });
});

describe("the allowlist and the scheme", () => {
  it.each([
    ["img.example.com", ["img.example.com"], true],
    ["a.example.com", ["*.example.com"], true],
    ["a.b.example.com", ["*.example.com"], true],
    ["example.com", ["*.example.com"], false],
    ["badexample.com", ["*.example.com"], false],
    ["img.example.com.evil.test", ["img.example.com"], false],
    ["::1", ["[::1]"], true],
    ["anything.test", ["*"], true],
  ])("%s against %j: %s", (host, patterns, allowed) => {
    expect(hostAllowed(host, patterns)).toBe(allowed);
  });

  it("refuses a host not in the list before resolving it", async () => {
    const fetcher = createImageFetcher({ urlAllowlist: ["images.example.com"], maxRedirects: 3, timeoutMs: 5000 });
    const error = await refusal(fetcher(new URL("https://evil.example.com/a.png"), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("urlAllowlist") });
  });

  it.each(["ftp://127.0.0.1/a.png", "file:///etc/passwd"])("refuses the scheme of %s", async (url) => {
    const error = await refusal(loopbackFetcher()(new URL(url), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("scheme") });
  });

  it("refuses credentials in the URL", async () => {
    const url = new URL(`${server.url}/png`.replace("http://", "http://u:p@"));
    expect((await refusal(loopbackFetcher()(url, { maxBytes: 1000 }))).reason).toBe("not_allowed");
  });
});

describe("fetching (loopback allowed by the injected check)", () => {
  it("returns the image's bytes", async () => {
    const bytes = await loopbackFetcher()(new URL(`${server.url}/png`), { maxBytes: 1000 });
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
  });

  it("connects to the address it checked, never resolving the name again", async () => {
    // The name exists nowhere but in this resolver: a second lookup (a rebinding chance) would fail.
    const fetcher = createImageFetcher({
      urlAllowlist: ["pinned.test"],
      maxRedirects: 0,
      timeoutMs: 5000,
      isAllowedAddress: (address) => address === "127.0.0.1",
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    const bytes = await fetcher(new URL(`${server.url}/png`.replace("127.0.0.1", "pinned.test")), { maxBytes: 1000 });
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
  });

  it("refuses a name when any of its addresses is private", async () => {
    const fetcher = createImageFetcher({
      urlAllowlist: ["*"],
      maxRedirects: 0,
      timeoutMs: 5000,
      resolve: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
    });
    const error = await refusal(fetcher(new URL("http://mixed.test/a.png"), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("public address") });
  });

  it("says the same of a name that does not resolve and one that resolves to a private address (no DNS probe)", async () => {
    const logged: object[] = [];
    const fetcherResolving = (resolve: () => Promise<{ address: string; family: number }[]>) =>
      createImageFetcher({
        urlAllowlist: ["*"],
        maxRedirects: 0,
        timeoutMs: 5000,
        resolve,
        logger: { debug: (details) => logged.push(details) },
      });
    const unresolved = await refusal(
      fetcherResolving(() => Promise.reject(new Error("ENOTFOUND")))(new URL("http://nowhere.test/"), {
        maxBytes: 1000,
      }),
    );
    const internal = await refusal(
      fetcherResolving(async () => [{ address: "10.1.2.3", family: 4 }])(new URL("http://db.internal.test/"), {
        maxBytes: 1000,
      }),
    );
    expect({ reason: unresolved.reason, message: unresolved.message }).toEqual({
      reason: internal.reason,
      message: internal.message,
    });
    // The detail is the operator's, in the debug log.
    expect(logged).toEqual([{ why: "unresolved" }, { why: "address", range: "private" }]);
  });

  it("follows maxRedirects redirects, and refuses one more", async () => {
    const bytes = await loopbackFetcher()(new URL(`${server.url}/r/3`), { maxBytes: 1000 });
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
    const error = await refusal(loopbackFetcher()(new URL(`${server.url}/r/4`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("more than 3") });
  });

  it("re-checks each hop: a redirect from an allowed host to a metadata address is refused", async () => {
    const error = await refusal(loopbackFetcher(["*"])(new URL(`${server.url}/to-metadata`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("public address") });
  });

  it("re-checks each hop: a redirect to a host not in the allowlist is refused", async () => {
    const error = await refusal(loopbackFetcher()(new URL(`${server.url}/to-elsewhere`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "not_allowed", message: expect.stringContaining("urlAllowlist") });
  });

  it.each(["/big", "/big-chunked"])("cuts %s at maxBytes", async (path) => {
    const error = await refusal(loopbackFetcher()(new URL(`${server.url}${path}`), { maxBytes: 4000 }));
    expect(error.reason).toBe("too_large");
  });

  it("gives up after timeoutMs", async () => {
    const error = await refusal(
      loopbackFetcher(undefined, 3, 300)(new URL(`${server.url}/silent`), { maxBytes: 1000 }),
    );
    expect(error).toMatchObject({ reason: "failed", message: expect.stringContaining("within 300 ms") });
  });

  it("says an error status is a failed fetch", async () => {
    const error = await refusal(loopbackFetcher()(new URL(`${server.url}/missing`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: "failed", message: expect.stringContaining("HTTP 404") });
  });
});
