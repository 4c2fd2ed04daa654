import type { IncomingMessage } from "node:http";

/**
 * The host name of a `Host` header, lowercase, without its port (`[::1]` keeps its brackets);
 * `undefined` when there is no header or it is not a host, optionally with a port.
 */
export function hostName(header: string | undefined): string | undefined {
  const parts = header === undefined ? null : /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::\d{0,5})?$/i.exec(header);
  return parts?.[1]?.toLowerCase();
}

/** What only this machine can be called: a name no DNS answer can make some web page's. */
const LOOPBACK_NAME = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * Whether `req` was addressed to a loopback name (`localhost`, `127.x.x.x`, `[::1]`, any port).
 * A page on a name that DNS rebinds to 127.0.0.1 is same-origin with a loopback server, but its
 * requests carry its own name in `Host`: this tells them from the local programs' requests.
 * No `Host` is no loopback name.
 */
export function addressedToLoopback(req: Pick<IncomingMessage, "headers">): boolean {
  const name = hostName(req.headers.host);
  return name !== undefined && LOOPBACK_NAME.test(name);
}
