import type { RunOutcome, ServerObserver } from "@openclaw/chat-completions-server";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { StoreObserver } from "./store.js";

/**
 * Seconds, from a fast JSON answer to a long stream (a turn may take minutes): the buckets of
 * request durations and of streams' time to first byte.
 */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

const STATUS_CLASSES = ["none", "1xx", "2xx", "3xx", "4xx", "5xx"];
/** The label value of a status: `2xx`…`5xx`, or `none` when the client left before any answer. */
const statusClass = (status: number) =>
  status >= 100 && status < 600 ? (STATUS_CLASSES[Math.floor(status / 100)] as string) : "none";

/** A tree of maps, one level per label: found without building a key string per update. */
type Children<T> = Map<string, Children<T> | T>;

/**
 * `make(...labels)` once per distinct label values, then from a map: prom-client hashes a label
 * object on every update, a cost per request. Bounded, as the label values are.
 */
function cached<A extends string[], T>(make: (...labels: A) => T): (...labels: A) => T {
  const root: Children<T> = new Map();
  return (...labels) => {
    let level = root;
    for (let i = 0; i < labels.length - 1; i++) {
      const label = labels[i] as string;
      let below = level.get(label) as Children<T> | undefined;
      if (below === undefined) {
        below = new Map();
        level.set(label, below);
      }
      level = below;
    }
    const last = labels[labels.length - 1] as string;
    let child = level.get(last) as T | undefined;
    if (child === undefined) {
      child = make(...labels);
      level.set(last, child);
    }
    return child;
  };
}

/**
 * A labelled counter counted on the request path in plain numbers, handed to prom-client when it
 * is scraped (call {@link Tally.flush} from the counter's `collect`). prom-client validates and
 * hashes the label set on every `inc`, even a child's: ~0.5 µs each, several per request.
 */
class Tally<L extends string> {
  readonly #pending: { labels: Partial<Record<L, string>>; value: number }[] = [];
  /** The child of one set of label values: add to its `value`. */
  readonly of: (...values: string[]) => { value: number };

  constructor(
    private readonly counter: Counter<L>,
    names: readonly L[],
  ) {
    this.of = cached((...values: string[]) => {
      const labels: Partial<Record<L, string>> = {};
      names.forEach((name, i) => {
        labels[name] = values[i];
      });
      // Exported from the first scrape, at 0: `rate()` sees the first increment.
      counter.inc(labels, 0);
      const child = { labels, value: 0 };
      this.#pending.push(child);
      return child;
    });
  }

  /** Hands what was counted since the last scrape to the counter. */
  flush(): void {
    for (const child of this.#pending) {
      if (child.value === 0) continue;
      this.counter.inc(child.labels, child.value);
      child.value = 0;
    }
  }
}

/** Observations a {@link Samples} holds before it hands them to prom-client on the request path. */
const SAMPLES_PER_BATCH = 256;

/**
 * A histogram child's observations kept on the request path as plain numbers and handed to
 * prom-client in batches: at each scrape (call {@link Samples.flush} from the histogram's
 * `collect`) or once {@link SAMPLES_PER_BATCH} wait. prom-client validates and hashes the label
 * set on every `observe`, even a child's.
 */
class Samples {
  readonly #pending = new Float64Array(SAMPLES_PER_BATCH);
  #count = 0;

  constructor(private readonly child: { observe(value: number): void }) {}

  observe(value: number): void {
    this.#pending[this.#count++] = value;
    if (this.#count === SAMPLES_PER_BATCH) this.flush();
  }

  /** Hands what was observed since the last flush to the histogram. */
  flush(): void {
    for (let i = 0; i < this.#count; i++) this.child.observe(this.#pending[i] as number);
    this.#count = 0;
  }
}

/** A token count as a counter takes it: a count that is no finite non-negative number adds nothing. */
const count = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

export interface GatewayMetrics {
  /** For the server package's hooks: requests, streams, runs, tokens, failed auth. */
  observer: ServerObserver;
  /** For {@link instrumentStore}: operations and errors of the session (and any other) store. */
  stores: StoreObserver;
  /**
   * The exposition, Prometheus text format: one build shared by every scrape that asks while it
   * runs, then reused for `cacheMs`.
   */
  text(): Promise<string>;
  contentType: string;
}

/**
 * The gateway's Prometheus metrics (prom-client, a registry of its own), named by Prometheus
 * conventions: `openclaw_` prefix, base units, `_total` counters, `_seconds` histograms. Labels
 * take bounded values only: route templates (never paths), status classes, configured agent
 * ids (anything else is `other`), outcomes, doors, store kinds and operations; never a user, a
 * session key or a model string a client sent. The process's default metrics (`process_*`,
 * `nodejs_*`) keep their standard names, which dashboards expect.
 */
export function createMetrics(options: {
  /** The configured agent ids: the values of the `agent` label (anything else is `other`). */
  agents: readonly string[];
  /** Agent runs in progress now, read at each scrape. */
  runsInProgress: () => number;
  /**
   * How long a built exposition is served again (`gateway.metrics.cacheMs`; 0: built for each
   * scrape, though scrapes arriving during a build still share it). A build costs milliseconds
   * of the one thread every request needs, so a flood of scrapes must not cost one each.
   */
  cacheMs: number;
}): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const agents = new Set(options.agents);
  const agentLabel = (id: string) => (agents.has(id) ? id : "other");
  const registers = [registry];

  const requests = new Counter({
    name: "openclaw_http_requests_total",
    help: "HTTP requests answered (or abandoned by their client), by route template and status class.",
    labelNames: ["route", "status_class"] as const,
    registers,
    collect: (): void => requestTally.flush(),
  });
  const durations: Samples[] = [];
  const duration = new Histogram({
    name: "openclaw_http_request_duration_seconds",
    help: "Time from an HTTP request's arrival to its end (a stream's: its last byte), by route template.",
    labelNames: ["route"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
    collect: (): void => {
      for (const samples of durations) samples.flush();
    },
  });
  const firstByte = new Histogram({
    name: "openclaw_http_stream_first_byte_seconds",
    help: "Time from a streamed request's arrival to its first byte (headers and first event), by route template.",
    labelNames: ["route"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const streamsOpen = new Gauge({
    name: "openclaw_http_streams_open",
    help: "Streamed answers (SSE) open now, by route template.",
    labelNames: ["route"] as const,
    registers,
  });
  const runs = new Counter({
    name: "openclaw_agent_runs_total",
    help: "Agent runs ended, by agent, door and outcome (completed, failed, aborted_by_client, ended_by_shutdown).",
    labelNames: ["agent", "door", "outcome"] as const,
    registers,
    collect: (): void => runTally.flush(),
  });
  new Gauge({
    name: "openclaw_agent_runs_in_progress",
    help: "Agent runs in progress now, every door together.",
    registers,
    collect() {
      this.set(options.runsInProgress());
    },
  });
  const tokens = new Counter({
    name: "openclaw_agent_tokens_total",
    help: "Tokens of finished agent runs, as their model reported them, by agent and type (input, output).",
    labelNames: ["agent", "type"] as const,
    registers,
    collect: (): void => tokenTally.flush(),
  });
  const authFailures = new Counter({
    name: "openclaw_auth_failures_total",
    help: "Wrong secrets presented (what the failed-auth lockout counts), by door (http, websocket, metrics).",
    labelNames: ["door"] as const,
    registers,
  });
  const lockouts = new Counter({
    name: "openclaw_auth_lockouts_total",
    help: "Clients locked out after too many wrong secrets, by the door of the guess that locked them out.",
    labelNames: ["door"] as const,
    registers,
  });
  const storeOperations = new Counter({
    name: "openclaw_store_operations_total",
    help: "Store operations, by store (session, …) and operation.",
    labelNames: ["store", "operation"] as const,
    registers,
  });
  const storeErrors = new Counter({
    name: "openclaw_store_errors_total",
    help: "Store operations that failed, by store and operation.",
    labelNames: ["store", "operation"] as const,
    registers,
  });

  const requestTally = new Tally(requests, ["route", "status_class"]);
  const runTally = new Tally(runs, ["agent", "door", "outcome"]);
  const tokenTally = new Tally(tokens, ["agent", "type"]);
  const durationOf = cached((route: string) => {
    const samples = new Samples(duration.labels({ route }));
    durations.push(samples);
    return samples;
  });
  const observer: ServerObserver = {
    requestFinished({ route, status, seconds }) {
      requestTally.of(route, statusClass(status)).value++;
      durationOf(route).observe(seconds);
    },
    streamOpened({ route, firstByteSeconds }) {
      firstByte.observe({ route }, firstByteSeconds);
      streamsOpen.inc({ route });
    },
    streamClosed({ route }) {
      streamsOpen.dec({ route });
    },
    runEnded({ agentId, door, outcome }) {
      runTally.of(agentLabel(agentId), door, outcome).value++;
    },
    tokens({ agentId, input, output }) {
      const agent = agentLabel(agentId);
      tokenTally.of(agent, "input").value += count(input);
      tokenTally.of(agent, "output").value += count(output);
    },
    authFailed({ door }) {
      authFailures.inc({ door });
    },
    authLockout({ door }) {
      lockouts.inc({ door });
    },
  };
  // Every label set known at start is exported from the first scrape, at 0, so that `rate()`
  // sees the first increment and an alert on an absent series does not fire on a quiet gateway.
  for (const door of ["http", "websocket", "metrics"]) {
    authFailures.labels({ door }).inc(0);
    lockouts.labels({ door }).inc(0);
  }
  for (const agent of agents) {
    for (const door of ["http", "websocket"]) {
      for (const outcome of ["completed", "failed", "aborted_by_client", "ended_by_shutdown"] satisfies RunOutcome[]) {
        runTally.of(agent, door, outcome);
      }
    }
  }

  const stores: StoreObserver = {
    storeOperation({ store, operation, failed }) {
      storeOperations.inc({ store, operation });
      if (failed) storeErrors.inc({ store, operation });
    },
  };
  let building: Promise<string> | undefined;
  let built: { text: string; at: number } | undefined;
  const text = (): Promise<string> => {
    if (built && performance.now() - built.at < options.cacheMs) return Promise.resolve(built.text);
    building ??= registry.metrics().then(
      (exposition) => {
        building = undefined;
        built = { text: exposition, at: performance.now() };
        return exposition;
      },
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    );
    return building;
  };
  return { observer, stores, text, contentType: registry.contentType };
}
