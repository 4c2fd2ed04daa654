// The syntax of gateway.http.cors.allowedOrigins: checked at config load, matched per request.
import { createRequire } from "node:module";

// The Public Suffix List (tldts) is ~1–2 MiB of RSS once loaded and only a subdomain pattern
// needs it, once, at config load: loaded then, synchronously, rather than at every start.
const requireCjs = createRequire(import.meta.url);
const publicSuffixOf = (domain: string) =>
  (requireCjs("tldts") as typeof import("tldts")).parse(domain, { allowPrivateDomains: true });

/**
 * One entry of `gateway.http.cors.allowedOrigins`, as the config writes it:
 *
 * - an exact origin, `scheme://host[:port]`, written as a browser sends it in `Origin`
 *   (`https://app.example.com`, `http://127.0.0.1:5173`): lowercase, no path, no default port;
 * - a subdomain pattern, `scheme://.domain[:port]` (a leading dot, as in a cookie's domain):
 *   every origin with that scheme and port whose host ends in `.domain`, at any depth
 *   (`https://.example.com` allows `https://a.example.com` and `https://a.b.example.com`, not
 *   `https://example.com`: list that too if it is wanted).
 *
 * There is no `*`: a list that allows every origin would let any page on the web spend the
 * secret of whoever types it in; for the same reason a pattern's domain is never a public
 * suffix (`https://.github.io`, `https://.co.uk`).
 */
export type AllowedOrigin = string;

/** Why `entry` is not a valid `allowedOrigins` entry, or `undefined` when it is. */
export function originEntryProblem(entry: string): string | undefined {
  if (entry.includes("*")) {
    return `"${entry}": "*" is refused (any page on the web could call the gateway); list the origins, or a subdomain pattern such as "https://.example.com"`;
  }
  if (entry === "null") return `"null" is refused: sandboxed frames and file: pages all send it, so it names no one`;
  const pattern = /^(https?):\/\/\.(.*)$/.exec(entry);
  const written = pattern ? `${pattern[1]}://${pattern[2]}` : entry;
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return `"${entry}" is not an origin: write scheme://host[:port], e.g. "https://app.example.com", or a subdomain pattern "https://.example.com"`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `"${entry}": only http and https origins exist`;
  const origin = url.origin;
  if (origin !== written) {
    const expected = pattern ? origin.replace("://", "://.") : origin;
    return `"${entry}" is not written as a browser sends its Origin (no path, no user, no default port, lowercase): "${expected}"`;
  }
  if (pattern) {
    const domain = url.hostname;
    if (domain.startsWith("[") || /^\d+(\.\d+){3}$/.test(domain)) {
      return `"${entry}": a subdomain pattern needs a domain name, not an IP address`;
    }
    if (/^\.|\.\.|\.$/.test(domain)) return `"${entry}": a subdomain pattern has exactly one dot before its domain`;
    if (!domain.includes(".") && domain !== "localhost") {
      return `"${entry}": a subdomain pattern needs a domain of two labels or more ("https://.example.com"), not a top-level domain`;
    }
    // Every name under a public suffix (`github.io`, `co.uk`) belongs to someone else: the
    // Public Suffix List, ICANN and private sections, as browsers use it for cookies.
    const suffix = publicSuffixOf(domain);
    if (suffix.publicSuffix === domain && (suffix.isIcann || suffix.isPrivate)) {
      return `"${entry}": "${domain}" is a public suffix (anyone can have a name under it): name your own domain, e.g. "${pattern[1]}://.yours.${domain}"`;
    }
  }
  return undefined;
}

/** The parts of an `Origin` header a pattern is matched against; `undefined` for anything else. */
const ORIGIN = /^(https?):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * Compiles `allowedOrigins` (checked by {@link originEntryProblem} at config load) into the
 * test for an `Origin` header. It keeps no state: a header is compared, never stored.
 */
export function originMatcher(allowedOrigins: readonly AllowedOrigin[]): (origin: string | undefined) => boolean {
  const exact = new Set<string>();
  const patterns: { scheme: string; suffix: string; port: string }[] = [];
  for (const entry of allowedOrigins) {
    const pattern = /^(https?):\/\/\.([^:]+)(?::(\d+))?$/.exec(entry);
    if (pattern) patterns.push({ scheme: pattern[1] ?? "", suffix: `.${pattern[2]}`, port: pattern[3] ?? "" });
    else exact.add(entry);
  }
  return (origin) => {
    if (origin === undefined) return false;
    if (exact.has(origin)) return true;
    if (patterns.length === 0) return false;
    const parts = ORIGIN.exec(origin);
    if (!parts) return false;
    const [, scheme, host = "", port = ""] = parts;
    return patterns.some(
      (p) => p.scheme === scheme && p.port === port && host.length > p.suffix.length && host.endsWith(p.suffix),
    );
  };
}
