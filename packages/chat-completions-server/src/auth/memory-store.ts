import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";

/** Clients a memory store tracks at most, by default. About 100 bytes each. */
export const DEFAULT_MAX_TRACKED_CLIENTS = 100_000;

/**
 * An express-rate-limit store in memory that holds at most `maxKeys` clients: past that, the
 * client touched least recently is forgotten. (express-rate-limit's MemoryStore keeps every
 * key it saw within the window, so a flood of distinct keys grows it without bound.) Counts
 * over a fixed window from a client's first hit, as MemoryStore does; expired clients are
 * swept once per window.
 *
 * Forgetting is the price of the bound: to push one client out, `maxKeys` other clients must
 * fail after it. Someone who holds that many addresses already has `maxKeys × maxAttempts`
 * guesses per window without evicting anyone, so eviction gives them nothing they lacked.
 */
export class BoundedMemoryStore implements Store {
  readonly localKeys = true;
  /** Insertion order is recency: a touched client is moved to the end. */
  private readonly clients = new Map<string, { hits: number; resetAt: number }>();
  private windowMs = 60_000;
  private sweeper: NodeJS.Timeout | undefined;

  /** @param onEvict called when a live client is forgotten to make room. */
  constructor(
    private readonly maxKeys = DEFAULT_MAX_TRACKED_CLIENTS,
    private readonly onEvict?: () => void,
  ) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError("maxKeys must be a positive integer");
  }

  init(options: Pick<Options, "windowMs">): void {
    this.windowMs = options.windowMs;
    clearInterval(this.sweeper);
    this.sweeper = setInterval(() => this.sweep(), this.windowMs);
    this.sweeper.unref();
  }

  /** Clients tracked now. */
  get size(): number {
    return this.clients.size;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const client = this.clients.get(key);
    if (!client || client.resetAt <= Date.now()) return undefined;
    return { totalHits: client.hits, resetTime: new Date(client.resetAt) };
  }

  increment(key: string): ClientRateLimitInfo {
    const now = Date.now();
    let client = this.clients.get(key);
    if (client) this.clients.delete(key);
    if (!client || client.resetAt <= now) client = { hits: 0, resetAt: now + this.windowMs };
    client.hits++;
    this.clients.set(key, client);
    if (this.clients.size > this.maxKeys) this.evictOldest(now);
    return { totalHits: client.hits, resetTime: new Date(client.resetAt) };
  }

  decrement(key: string): void {
    const client = this.clients.get(key);
    if (client && client.hits > 0) client.hits--;
  }

  resetKey(key: string): void {
    this.clients.delete(key);
  }

  resetAll(): void {
    this.clients.clear();
  }

  shutdown(): void {
    clearInterval(this.sweeper);
    this.clients.clear();
  }

  private evictOldest(now: number): void {
    const [key, client] = this.clients.entries().next().value as [string, { resetAt: number }];
    this.clients.delete(key);
    if (client.resetAt > now) this.onEvict?.();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, client] of this.clients) if (client.resetAt <= now) this.clients.delete(key);
  }
}
