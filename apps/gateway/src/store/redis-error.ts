/** Redis could not be reached at start; the CLI prints it and exits 1. Its own module, so the CLI can recognise it without loading the Redis client. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}
