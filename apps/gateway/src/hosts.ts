// Which `Host` names the gateway answers (gateway.http.allowedHosts): its defence against DNS rebinding.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { addressedToLoopback, hostName } from "@openclaw/chat-completions-server";

/** Why `entry` is not a valid `gateway.http.allowedHosts` entry, or `undefined` when it is. */
export function hostEntryProblem(entry: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(`http://${entry}`);
  } catch {
    url = undefined;
  }
  if (!url || url.hostname !== entry || url.port !== "" || entry.includes("*")) {
    return `"${entry}" is not a host name as a client writes it in Host, without port or wildcard: e.g. "gateway.example.com", "192.168.1.10" or "[fd00::1]"`;
  }
  return undefined;
}

/** Whether the gateway listens on loopback only (`loopback`, a 127.x address or ::1). */
export function boundToLoopback(bind: string): boolean {
  if (bind === "loopback") return true;
  return (isIP(bind) === 4 && bind.startsWith("127.")) || bind === "::1";
}

/**
 * The test of a request's `Host`, or `undefined` when every name is answered (bound beyond
 * loopback with an empty list, as before this check). Bound to loopback, or with names listed,
 * only loopback names (`localhost`, `127.x.x.x`, `[::1]`) and the listed names pass, with any
 * port: a web page whose name DNS rebinds to 127.0.0.1 is same-origin with the gateway, but its
 * requests still carry that name.
 */
export function hostCheck(options: {
  bind: string;
  allowedHosts: readonly string[];
}): ((req: Pick<IncomingMessage, "headers">) => boolean) | undefined {
  if (options.allowedHosts.length === 0 && !boundToLoopback(options.bind)) return undefined;
  const listed = new Set(options.allowedHosts);
  return (req) => {
    if (addressedToLoopback(req)) return true;
    const name = hostName(req.headers.host);
    return name !== undefined && listed.has(name);
  };
}
