import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { type ImageFetcher, ImageFetchRefused } from "@openclaw/chat-completions-server";
import ipaddr from "ipaddr.js";

export interface ImageFetcherOptions {
  /** Host patterns an image URL may name: `images.example.com`, `*.example.com` (subdomains), `*` (any). */
  urlAllowlist: readonly string[];
  /** Redirects followed at most, each checked as the first URL was. */
  maxRedirects: number;
  /** Longest a fetch may take in all, redirects and body included. */
  timeoutMs: number;
  /**
   * Whether the gateway may connect to `address`. Default {@link isPublicAddress}. For tests
   * only (to reach a loopback server): no config reaches it, so no user can lift the block.
   */
  isAllowedAddress?: (address: string) => boolean;
  /** Resolves a host name to its addresses. Default `dns.lookup` (all of them). For tests only, as above. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  /** Where a refused address's range is logged (debug): the client is never told it. Default: nowhere. */
  logger?: { debug(details: object, message: string): void };
}

/**
 * Whether `address` is a public unicast address: not loopback, private, link-local (cloud
 * metadata at 169.254.169.254 and fd00:ec2::254 included), CGNAT, multicast, unspecified,
 * reserved, nor an IPv6 form that embeds or translates to IPv4 (mapped, 6to4, Teredo, NAT64).
 * IPv4-mapped IPv6 is judged as the IPv4 it maps. Other IPv6 must be global unicast (2000::/3):
 * ipaddr.js calls the deprecated IPv4-compatible form (`::127.0.0.1`, `::/96`) and every
 * unassigned block "unicast", and a host may route them to the IPv4 they embed.
 * Anything ipaddr.js cannot parse is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || (parsed as ipaddr.IPv6).match(GLOBAL_UNICAST);
}

/** IPv6 global unicast, the only IPv6 block the public internet routes. */
const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3") as [ipaddr.IPv6, number];

/** The range an address is in, for the debug log (never for the client). */
function rangeOf(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : "unparseable";
}

/**
 * The one message for a host that resolves to nothing usable: whether it did not resolve or
 * resolved to a private address is not the client's to know, or the gateway would be a probe
 * of which internal names exist.
 */
const NOT_PUBLIC =
  "The image URL's host does not resolve to a public address; loopback, private, link-local, " +
  "CGNAT, multicast, unspecified and metadata addresses are refused.";

/** Whether `host` (lowercase, IPv6 without brackets) matches one of the patterns. */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase().replace(/^\[|\]$/g, "");
    if (pattern === "*") return true;
    if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// undici costs 3–9 MiB of RSS once loaded, and most gateways never fetch an image
// (`images.allowUrl` is off by default): it is loaded when a fetcher is made, not at start.
let undici: Promise<typeof import("undici")> | undefined;
const loadUndici = () => {
  // A failed import is not kept: the next fetch tries again.
  undici ??= import("undici").catch((error: unknown) => {
    undici = undefined;
    throw error;
  });
  return undici;
};
const refuse = (message: string) => new ImageFetchRefused("not_allowed", message);

/**
 * The gateway's remote-image fetcher for the media policy (`images.allowUrl`). For each hop:
 * http(s) only; the host must match `urlAllowlist`; its name is resolved once and every address
 * it resolves to must be public ({@link isPublicAddress}); the connection goes to the checked
 * address and no other (the agent's `lookup` answers it, so a second DNS answer cannot rebind
 * it). At most `maxRedirects` redirects, each hop checked again; the whole fetch within
 * `timeoutMs`; the body read as it streams and cut at `maxBytes`.
 */
export function createImageFetcher(options: ImageFetcherOptions): ImageFetcher {
  const allowed = options.isAllowedAddress ?? isPublicAddress;
  const resolve = options.resolve ?? ((host: string) => lookup(host, { all: true, verbatim: true }));
  const notPublic = (why: string, range?: string) => {
    options.logger?.debug({ why, ...(range && { range }) }, "remote image refused: host not public");
    return refuse(NOT_PUBLIC);
  };

  /** The address to connect to for `url`, once every rule allows it. */
  async function checkedAddress(url: URL): Promise<{ address: string; family: number }> {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw refuse(`Image URLs with the scheme '${url.protocol.slice(0, 20)}' are not allowed; use https.`);
    }
    if (url.username || url.password) throw refuse("Image URLs must not carry a user or password.");
    // WHATWG URL has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
    if (!hostAllowed(host, options.urlAllowlist)) {
      throw refuse("The image URL's host is not in images.urlAllowlist.");
    }
    const addresses = ipaddr.isValid(host)
      ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
      : await resolve(host).catch(() => {
          throw notPublic("unresolved");
        });
    // Every address must pass: a name that also resolves to a private address is refused whole.
    const blocked = addresses.find((a) => !allowed(a.address));
    if (blocked) throw notPublic("address", rangeOf(blocked.address));
    const first = addresses[0];
    if (!first) throw notPublic("unresolved");
    return first;
  }

  // Loading starts now, so the first fetch does not wait for it; a failure surfaces there.
  loadUndici().catch(() => {});
  return async (url, { maxBytes, signal }) => {
    const { Agent, request } = await loadUndici();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        const pinned = await checkedAddress(current);
        // Connects to the checked address whatever name the URL carries (TLS still checks the name).
        const pin: LookupFunction = (_host, opts, callback) => {
          if ((opts as { all?: boolean }).all) (callback as (e: null, a: object[]) => void)(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        };
        const dispatcher = new Agent({ connect: { lookup: pin }, connections: 1 });
        try {
          const response = await request(current, {
            dispatcher,
            signal: abort,
            headersTimeout: options.timeoutMs,
            bodyTimeout: options.timeoutMs,
            headers: { accept: "image/*" },
          });
          // Cutting the body short, or ending the dispatcher, errors the stream: nothing is lost by ignoring it.
          response.body.on("error", () => {});
          const location = response.headers.location;
          if (REDIRECTS.has(response.statusCode) && typeof location === "string") {
            await response.body.dump();
            if (hop >= options.maxRedirects) {
              throw new ImageFetchRefused(
                "not_allowed",
                `The image URL redirected more than ${options.maxRedirects} times.`,
              );
            }
            current = new URL(location, current);
            continue;
          }
          if (response.statusCode < 200 || response.statusCode > 299) {
            await response.body.dump();
            throw new ImageFetchRefused("failed", `The image URL answered HTTP ${response.statusCode}.`);
          }
          const length = Number(response.headers["content-length"]);
          if (length > maxBytes) {
            response.body.destroy();
            throw new ImageFetchRefused("too_large", "The image is larger than images.maxBytes.");
          }
          const chunks: Buffer[] = [];
          let received = 0;
          for await (const chunk of response.body as AsyncIterable<Buffer>) {
            received += chunk.length;
            if (received > maxBytes) {
              response.body.destroy();
              throw new ImageFetchRefused("too_large", "The image is larger than images.maxBytes.");
            }
            chunks.push(chunk);
          }
          return Buffer.concat(chunks, received);
        } finally {
          void dispatcher.destroy().catch(() => {});
        }
      }
    } catch (error) {
      if (error instanceof ImageFetchRefused) throw error;
      if (timeout.aborted) {
        throw new ImageFetchRefused("failed", `The image URL did not answer within ${options.timeoutMs} ms.`);
      }
      if (error instanceof TypeError && /Invalid URL/i.test(String(error.message))) {
        throw refuse("The image URL redirected to an invalid URL.");
      }
      throw new ImageFetchRefused("failed", "The image could not be fetched.");
    }
  };
}
