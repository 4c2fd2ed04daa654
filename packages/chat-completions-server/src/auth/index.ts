export { bearerSecret, MAX_AUTHORIZATION_LENGTH, MAX_SECRET_LENGTH } from "./bearer.js";
export { authenticate, refuseAndClose } from "./express.js";
export { type AuthGate, type AuthGateOptions, createAuthGate } from "./gate.js";
export { addressedToLoopback, hostName } from "./host.js";
export { type RateLimitOptions, type RateLimitStoreFactory, StoreBusyError } from "./limiter.js";
export { BoundedMemoryStore, DEFAULT_MAX_TRACKED_CLIENTS } from "./memory-store.js";
export { type AuthOptions, createSecretCheck } from "./secret.js";
export { refuseUpgrade } from "./upgrade.js";
