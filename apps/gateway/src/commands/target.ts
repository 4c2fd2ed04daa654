import { loadConfig, requireSecret } from "../config/load.js";

/** Where the CLI's client commands find the running gateway, and the secret to present. */
export async function gatewayTarget(options: {
  url?: string;
  config?: string;
}): Promise<{ url: string; secret: string }> {
  const config = await loadConfig(options.config);
  const secret = requireSecret(config);
  if (options.url) return { url: options.url.replace(/\/+$/, ""), secret };
  const bind = config.gateway.bind;
  const host = bind === "loopback" || bind === "lan" ? "127.0.0.1" : bind.includes(":") ? `[${bind}]` : bind;
  return { url: `http://${host}:${config.gateway.port}`, secret };
}
