/** The example gateway as a library: start it in-process (tests, embedding). The CLI is `openclaw`. */
export { ConfigError, loadConfig, parseConfig, requireSecret, stateDir } from "./config/load.js";
export { type Config, configSchema } from "./config/schema.js";
export { type Gateway, type GatewayOptions, startGateway } from "./gateway.js";
export { createLogger } from "./logger.js";
export { type AgentRuntime, createAgentRuntime } from "./runtime/agent-runtime.js";
export { FileSessionStore, type FileSessionStoreOptions } from "./store/file-sessions.js";
export { connectRedis, type RedisSessionOptions, RedisSessionStore, redisRateLimitStores } from "./store/redis.js";
export { RedisUnavailableError } from "./store/redis-error.js";
export type { SessionLimits, SessionStore, StoredTurn } from "./store/types.js";
export type { ClientFrame, GatewayFrame } from "./ws.js";
