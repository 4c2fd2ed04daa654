import express from "express";
import { z } from "zod";
import { hostEntryProblem } from "../hosts.js";
import { originEntryProblem } from "../origins.js";

/** The longest delay a Node timer holds (about 24.8 days); a longer one fires after 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

/** A duration that becomes a timer somewhere: at least `min`, at most what a timer holds. */
const timerMs = (min: number) => z.number().int().min(min).max(MAX_TIMER_MS);

/** `provider/model`, e.g. `demo/echo` or `ollama/llama3.2`. */
const modelRef = z.string().regex(/^[A-Za-z0-9_-]+\/\S+$/, "must look like provider/model, e.g. demo/echo");

const rateLimit = z.strictObject({
  maxAttempts: z.number().int().min(1).default(10),
  windowMs: timerMs(1).default(60_000),
  lockoutMs: timerMs(1).default(300_000),
  exemptLoopback: z.boolean().default(true),
  /** When the limiter's store (Redis) fails: true lets requests through uncounted, false answers 500. */
  passOnStoreError: z.boolean().default(true),
  /** Clients the in-memory limiter tracks at most; past it the least recently seen is forgotten. */
  maxTrackedClients: z.number().int().min(1).default(100_000),
});

/** Whether Express (proxy-addr) accepts `value`: an address, a CIDR range or a name. */
function isProxyAddress(value: string): boolean {
  try {
    express().set("trust proxy", value.trim());
    return true;
  } catch {
    return false;
  }
}

/** More proxies than any real chain has: a count past the real one trusts what clients write, as `true` does. */
const MAX_PROXY_HOPS = 10;

/**
 * Whether a CIDR range covers more than any proxy fleet: broader than an IPv4 /8 (also when
 * written IPv4-mapped, `::ffff:0:0/96`) or an IPv6 /16. Trusting it is trusting nearly anyone.
 */
function isTooBroad(value: string): boolean {
  const [address = "", bits] = value.trim().split("/");
  if (bits === undefined) return false;
  const prefix = Number(bits);
  if (!address.includes(":")) return prefix < 8;
  return /^::ffff:/i.test(address) ? prefix - 96 < 8 : prefix < 16;
}

/**
 * Express's `trust proxy`: `false`, a hop count, or the proxies' addresses (a list, or one
 * comma-separated string), but never `true`: trusting every hop lets any client choose the
 * address the failed-auth lockout counts.
 */
const trustProxy = z
  .union([z.boolean(), z.number().int().min(0), z.string(), z.array(z.string()).min(1)])
  .superRefine((value, ctx) => {
    if (value === true) {
      ctx.addIssue({
        code: "custom",
        message:
          "true is refused: it trusts X-Forwarded-For from anyone, so any client could choose the address the " +
          "failed-auth lockout counts (exempt as 127.0.0.1, a new address per guess, or someone else's to lock them " +
          'out). Give the number of proxies in front of the gateway (1), or their addresses (["loopback"], ["10.0.0.0/8"])',
      });
    }
    if (typeof value === "number" && value > MAX_PROXY_HOPS) {
      ctx.addIssue({
        code: "custom",
        message: `${value} hops is refused: more hops than proxies trusts X-Forwarded-For entries clients write, as true does. Give the real number of proxies (at most ${MAX_PROXY_HOPS}) or their addresses`,
      });
    }
    const addresses = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
    for (const address of addresses) {
      const message = !isProxyAddress(address)
        ? `"${address}" is not an IP address, a CIDR range, or loopback, linklocal or uniquelocal`
        : isTooBroad(address)
          ? `"${address}" is refused: a range broader than an IPv4 /8 or an IPv6 /16 is not your proxies, and anyone in it could choose the address the failed-auth lockout counts`
          : undefined;
      if (message) ctx.addIssue({ code: "custom", message });
    }
  });

/** `gateway.store.redis`. */
export const redisStore = z.strictObject({
  url: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"),
  /** Prefix of every key this gateway writes, so several deployments can share one Redis. */
  keyPrefix: z.string().default("openclaw:"),
  /**
   * A command without a reply after this long fails (the limiter then follows
   * `passOnStoreError`, a session or response request gets 503): a hung Redis must not hang requests.
   */
  commandTimeoutMs: timerMs(10).default(1000),
  /** How often Redis is PINGed for `/readyz` and `/healthz`. */
  pingIntervalMs: timerMs(10).default(2000),
  /** A PING unanswered this long makes `/readyz` say `redis_unreachable`. */
  pingTimeoutMs: timerMs(10).default(500),
  /**
   * Commands waiting for Redis at most (sent and unanswered, or not yet sent); past it a
   * command fails at once, as a timed-out one does. A command that timed out still waits for
   * its reply, so without this a hung Redis would keep every request's command (and its value,
   * a whole session turn) in memory until it answered again.
   */
  maxQueuedCommands: z.number().int().min(1).default(1000),
});

const MIB = 1024 * 1024;

/**
 * Image parts of a request (chat `image_url`; the Responses API's `input_image` takes the same
 * keys). Data URIs only, unless `allowUrl` and a `urlAllowlist` let the gateway fetch remote
 * images itself (never from private addresses, whatever the list says).
 */
export const imagesConfig = z
  .strictObject({
    /** Image parts one request may carry. */
    maxParts: z.number().int().min(0).default(8),
    /** Largest image, decoded. */
    maxBytes: z
      .number()
      .int()
      .min(1)
      .default(10 * MIB),
    /** All images of one request together, decoded. */
    maxTotalBytes: z
      .number()
      .int()
      .min(1)
      .default(20 * MIB),
    /** Types an image may be, as sniffed from its bytes. */
    allowedMimes: z
      .array(z.string().regex(/^image\/[a-z0-9.+-]+$/, "must be an image type, e.g. image/png"))
      .min(1)
      .default(["image/jpeg", "image/png", "image/gif", "image/webp"]),
    /** Fetch http(s) image URLs whose host matches `urlAllowlist`. Off: only data URIs. */
    allowUrl: z.boolean().default(false),
    /** Host patterns remote images may come from: `img.example.com`, `*.example.com`, `*`. */
    urlAllowlist: z
      .array(z.string().regex(/^(\*|(\*\.)?[^\s/*@:]+|\[[0-9a-fA-F:.]+\])$/, "must be a host, *.domain or *"))
      .default([]),
    /** Redirects a remote image fetch follows at most, each hop checked again. */
    maxRedirects: z.number().int().min(0).max(10).default(3),
    /** Longest a remote image fetch may take in all. */
    timeoutMs: timerMs(1).default(10_000),
  })
  .superRefine((images, ctx) => {
    if (images.allowUrl && images.urlAllowlist.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["urlAllowlist"],
        message: 'allowUrl needs at least one host pattern here (e.g. "*.example.com")',
      });
    }
  });

/** File parts of a request (chat `file` with `file_data`; the Responses API's `input_file`). */
export const filesConfig = z.strictObject({
  /** File parts one request may carry. */
  maxParts: z.number().int().min(0).default(8),
  /** Largest file, decoded; also the most text a PDF may turn into. */
  maxBytes: z
    .number()
    .int()
    .min(1)
    .default(5 * MIB),
  /** Longest a PDF may take to turn into text, from its arrival (its wait for a parse slot included). */
  pdfTimeoutMs: timerMs(1).default(10_000),
  /** Most pages a PDF may have. */
  pdfMaxPages: z.number().int().min(1).default(100),
  /** Most resident memory the child process parsing one PDF may reach; past it, it is killed (a decompression bomb). */
  pdfMaxMemoryBytes: z
    .number()
    .int()
    .min(64 * MIB)
    .default(256 * MIB),
  /** PDFs parsed at once, process-wide (each in its own child process). */
  pdfConcurrency: z.number().int().min(1).default(2),
  /** PDFs waiting for a parse slot at most, process-wide; one more is 503 `server_busy`. */
  pdfMaxQueued: z.number().int().min(0).default(16),
});

const chatCompletions = z.strictObject({
  enabled: z.boolean().default(false),
  /**
   * Largest accepted request body. 32 MiB: room for `images.maxTotalBytes` (20 MiB) of images
   * as base64 (about 27 MiB) and the rest of the request.
   */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .default(32 * MIB),
  /** Deepest nesting of objects and arrays in a request body; deeper is 400 `json_too_deep`. */
  maxJsonDepth: z.number().int().min(8).max(10_000).default(128),
  images: imagesConfig.prefault({}),
  files: filesConfig.prefault({}),
  /** Time allowed for a request body to arrive. */
  bodyTimeoutMs: timerMs(1).default(30_000),
  /** Interval of SSE keep-alive comments while an agent is silent. */
  keepAliveMs: timerMs(1).default(15_000),
  /** How long a stream may wait for a client that stopped reading before its connection is cut. */
  slowReaderTimeoutMs: timerMs(1).default(30_000),
});

/** Browser pages on other origins: which may call the gateway (CORS, and the WebSocket's Origin check). */
const cors = z.strictObject({
  /** Exact origins (`https://app.example.com`) or subdomain patterns (`https://.example.com`); never `*`. */
  allowedOrigins: z
    .array(
      z.string().superRefine((entry, ctx) => {
        const problem = originEntryProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    )
    .default([]),
  /** How long a browser may reuse a preflight's answer (Chromium caps it at 7200). */
  maxAgeSeconds: z.number().int().min(0).max(86_400).default(600),
});

/** The chat page at `/` (served only while the chat completions endpoint is on). */
const chatPage = z.strictObject({ enabled: z.boolean().default(true) });

/** The longest a stored response may be kept: 10 years (`9e15` ms would be past the last valid Date). */
const MAX_STORED_TTL_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/**
 * The Responses API (`/v1/responses`). It goes through the same door as chat completions, so
 * the body, keep-alive and slow-reader limits are `chatCompletions`'s and apply to both.
 */
const responses = z.strictObject({
  enabled: z.boolean().default(false),
  /**
   * How long a stored response is kept (and can be retrieved or continued). Not a timer, so
   * not bound by a timer's limit; at most 10 years, so an expiry is always a valid date.
   */
  ttlMs: z
    .number()
    .int()
    .min(1000)
    .max(MAX_STORED_TTL_MS)
    .default(30 * 24 * 60 * 60 * 1000),
  /**
   * Largest record one stored response keeps before its answer (the chain's history, its own
   * input, the echoed `instructions` and `tools`); over it, 413 `response_chain_too_large`
   * before the agent runs.
   */
  maxStoredBytes: z
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  /** `input_image` parts: the same keys and defaults as `chatCompletions.images`. */
  images: imagesConfig.prefault({}),
  /** `input_file` parts: the same keys and defaults as `chatCompletions.files`. */
  files: filesConfig.prefault({}),
  /**
   * Most responses the file store keeps (its directory holds one file each); past it the oldest
   * tenth is deleted. Redis is bounded by `ttlMs` and its own `maxmemory` instead.
   */
  maxStoredResponses: z.number().int().min(10).default(100_000),
});

const webSocket = z.strictObject({
  /** Largest accepted frame; larger closes the connection (1009). */
  maxFrameBytes: z
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Runs one connection may have in progress; more get `too_many_runs`. */
  maxRunsPerConnection: z.number().int().min(1).default(8),
  /** WebSocket runs the whole gateway may have in progress; more get `too_many_runs`. */
  maxRuns: z.number().int().min(1).default(256),
  /** Bytes a connection may have waiting to be sent before its runs (and its reading) pause. */
  maxBufferedBytes: z
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** How long a connection may stay above maxBufferedBytes before it is closed (1008). */
  slowReaderTimeoutMs: timerMs(1).default(30_000),
  /** Open connections the gateway holds at most; an upgrade past it is refused with 503. */
  maxConnections: z.number().int().min(1).default(1024),
  /**
   * Interval of the gateway's pings; a connection that has answered neither the last ping nor
   * sent anything since is cut off (a peer gone without a FIN is held at most about two).
   */
  pingIntervalMs: timerMs(1).default(30_000),
});

const demoProvider = z.strictObject({
  api: z.literal("demo"),
  /** Pause between streamed words. */
  tokenDelayMs: timerMs(0).default(0),
});

const openAiProvider = z.strictObject({
  api: z.literal("openai-completions"),
  // fetch() refuses URLs with credentials, and they would be shown wherever the URL is named.
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), "must not contain a user or password (put the key in apiKey)"),
  apiKey: z.string().optional(),
  /** Longest wait for the upstream's answer, or between two of its events (comments do not count), before 504. */
  timeoutMs: timerMs(1).default(60_000),
  /** Most bytes of the upstream's stream read for one turn; past it the turn ends with finish_reason "length". */
  maxReplyBytes: z
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /** Longest a turn may take in all, however busy the upstream keeps the stream; past it 504. */
  maxTurnMs: timerMs(1).default(600_000),
  models: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        /** What the model takes: `["text", "image"]` sends it the turn's images as OpenAI image parts. */
        input: z
          .array(z.enum(["text", "image"]))
          .min(1)
          .default(["text"]),
      }),
    )
    .min(1),
});

const agent = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be lowercase letters, digits, _ or -, at most 64"),
  default: z.boolean().optional(),
  name: z.string().optional(),
  /** Defaults to agents.defaults.model.primary. */
  model: modelRef.optional(),
  systemPrompt: z.string().optional(),
});

export const configSchema = z
  .strictObject({
    gateway: z
      .strictObject({
        port: z.number().int().min(0).max(65_535).default(18_789),
        /** `loopback` (127.0.0.1), `lan` (0.0.0.0) or an address. */
        bind: z.union([z.enum(["loopback", "lan"]), z.ipv4(), z.ipv6()]).default("loopback"),
        auth: z
          .strictObject({
            mode: z.enum(["token", "password"]).default("token"),
            token: z.string().min(1).optional(),
            password: z.string().min(1).optional(),
            rateLimit: rateLimit.prefault({}),
          })
          .prefault({}),
        http: z
          .strictObject({
            endpoints: z
              .strictObject({ chatCompletions: chatCompletions.prefault({}), responses: responses.prefault({}) })
              .prefault({}),
            /**
             * Host names answered besides loopback's (`localhost`, `127.x.x.x`, `[::1]`). Empty: bound
             * to loopback, only loopback names (DNS rebinding); bound beyond it, any name.
             */
            allowedHosts: z
              .array(
                z.string().superRefine((entry, ctx) => {
                  const problem = hostEntryProblem(entry);
                  if (problem) ctx.addIssue({ code: "custom", message: problem });
                }),
              )
              .default([]),
            cors: cors.prefault({}),
            chatPage: chatPage.prefault({}),
            /**
             * Request-body bytes the process holds at once (each request's declared length,
             * until its response closes); past it a request is 503 `server_busy`, unread.
             */
            maxBodyBytesInFlight: z
              .number()
              .int()
              .min(1024 * 1024)
              .default(256 * MIB),
          })
          .prefault({}),
        /** The WebSocket's limits. */
        ws: webSocket.prefault({}),
        /** Express `trust proxy`: the hop count or addresses of the proxies in front of the gateway. */
        trustProxy: trustProxy.default(false),
        /** How long running turns may finish after SIGINT/SIGTERM before their sockets are closed. */
        shutdownGraceMs: timerMs(0).default(10_000),
        /** Largest accepted request head (request line and headers). */
        maxHeaderBytes: z
          .number()
          .int()
          .min(1024)
          .default(16 * 1024),
        /** Time allowed for a request's head to arrive; slower connections are dropped (slowloris). */
        headersTimeoutMs: timerMs(100).default(30_000),
        /**
         * Connections the kernel may queue before the gateway accepts them (capped by
         * net.core.somaxconn). Node's default of 511 resets clients when thousands connect at once.
         */
        listenBacklog: z.number().int().min(1).default(4096),
        /** `GET /metrics`: Prometheus metrics on the gateway's port. */
        metrics: z
          .strictObject({
            enabled: z.boolean().default(true),
            /** Ask for the gateway secret (and count wrong ones toward the lockout) as every door does. */
            auth: z.boolean().default(true),
            /**
             * A built exposition is served again for this long, and concurrent scrapes share one
             * build: a flood of scrapes (anonymous with `auth: false`) costs one build a period.
             */
            cacheMs: timerMs(0).default(1000),
          })
          .prefault({}),
        /** Shared state for several gateway processes. Absent: in-memory limiter, file sessions. */
        store: z.strictObject({ redis: redisStore.optional() }).prefault({}),
      })
      .prefault({}),
    models: z
      .strictObject({
        providers: z
          .record(z.string().regex(/^[A-Za-z0-9_-]+$/), z.discriminatedUnion("api", [demoProvider, openAiProvider]))
          .default({}),
      })
      .prefault({}),
    agents: z
      .strictObject({
        defaults: z
          .strictObject({ model: z.strictObject({ primary: modelRef.default("demo/echo") }).prefault({}) })
          .prefault({}),
        list: z
          .array(agent)
          .min(1)
          .default([{ id: "main", default: true }]),
      })
      .prefault({}),
    session: z
      .strictObject({
        /** Turns of a persistent session the agent sees and the store keeps. */
        maxTurns: z.number().int().min(1).default(50),
        /**
         * Bytes of stored turns a persistent session keeps (oldest dropped first), so one
         * session can never grow past what a request can load. A turn larger than this on its
         * own is answered but not kept. 8 MiB is millions of tokens, past any model's context.
         */
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .default(8 * 1024 * 1024),
        /**
         * Bytes of session history all turns in progress may hold at once: a persistent turn
         * reserves its session's stored size before loading it and frees it when it ends; past
         * this, turns wait their turn (first come, first served). Bounds memory however many
         * requests name large sessions at once. At least `maxBytes`, so any session can load.
         */
        maxLoadedBytes: z
          .number()
          .int()
          .min(1024)
          .default(64 * 1024 * 1024),
        /** With Redis: a session expires this long after its last turn (at most 10 years, as a response's). */
        ttlMs: z
          .number()
          .int()
          .min(1000)
          .max(MAX_STORED_TTL_MS)
          .default(30 * 24 * 60 * 60 * 1000),
      })
      .prefault({}),
    logging: z
      .strictObject({ level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info") })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const providers: Record<string, z.output<typeof demoProvider> | z.output<typeof openAiProvider>> = {
      demo: { api: "demo", tokenDelayMs: 0 },
      ...config.models.providers,
    };
    const ids = new Set<string>();
    config.agents.list.forEach((agent, i) => {
      if (ids.has(agent.id))
        ctx.addIssue({
          code: "custom",
          path: ["agents", "list", i, "id"],
          message: `duplicate agent id "${agent.id}"`,
        });
      ids.add(agent.id);
      const ref = agent.model ?? config.agents.defaults.model.primary;
      const [providerId = "", modelId = ""] = ref.split(/\/(.*)/s);
      const provider = providers[providerId];
      const path = agent.model ? ["agents", "list", i, "model"] : ["agents", "defaults", "model", "primary"];
      if (!provider)
        ctx.addIssue({
          code: "custom",
          path,
          message: `unknown provider "${providerId}" (define it under models.providers)`,
        });
      else if (provider.api === "demo" && !["echo", "recall"].includes(modelId)) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `the demo provider has models echo and recall, not "${modelId}"`,
        });
      } else if (provider.api === "openai-completions" && !provider.models.some((m) => m.id === modelId)) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `model "${modelId}" is not listed in models.providers.${providerId}.models`,
        });
      }
    });
    if (config.session.maxLoadedBytes < config.session.maxBytes) {
      ctx.addIssue({
        code: "custom",
        path: ["session", "maxLoadedBytes"],
        message: `must be at least session.maxBytes (${config.session.maxBytes}), or a full session could never load`,
      });
    }
    if (config.agents.list.filter((a) => a.default).length > 1) {
      ctx.addIssue({ code: "custom", path: ["agents", "list"], message: "at most one agent may be the default" });
    }
  });

export type Config = z.output<typeof configSchema>;
export type ProviderConfig = Config["models"]["providers"][string];
export type AgentConfig = Config["agents"]["list"][number];
