#!/usr/bin/env node
// First, before anything else loads: see startup-heap.ts.
import "./startup-heap.js";
import { isIP } from "node:net";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ConfigError, loadConfig, stateDir } from "./config/load.js";
import { startGateway } from "./gateway.js";
import { createLogger } from "./logger.js";
import { settleHeap } from "./startup-heap.js";
import { RedisUnavailableError } from "./store/redis-error.js";
import { settleUrlParseWarning } from "./url-parse-latch.js";

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError("must be a port number from 0 to 65535");
  return port;
}

function parseBind(value: string): string {
  if (value === "loopback" || value === "lan" || isIP(value)) return value;
  throw new InvalidArgumentError("must be loopback, lan or an IP address");
}

const configOption = () =>
  new Option("--config <path>", "config file (default: $OPENCLAW_CONFIG_PATH or ~/.openclaw/openclaw.json)");
const urlOption = () => new Option("--url <url>", "the gateway (default: from the config's gateway.port)");

const program = new Command("openclaw")
  .description(
    "The OpenClaw example gateway: agents behind an OpenAI-compatible endpoint and a WebSocket, on one port.",
  )
  .version("0.1.0")
  .showHelpAfterError()
  .exitOverride();

program
  .command("gateway")
  .description("Start the gateway (HTTP and WebSocket on one port).")
  .addOption(new Option("--port <n>", "port (beats gateway.port; default 18789)").argParser(parsePort))
  .addOption(
    new Option("--bind <where>", "loopback, lan or an address (beats gateway.bind; default loopback)").argParser(
      parseBind,
    ),
  )
  .addOption(configOption())
  .action(async (options: { port?: number; bind?: string; config?: string }) => {
    const config = await loadConfig(options.config);
    const logger = createLogger(config.logging.level);
    settleUrlParseWarning();
    const gateway = await startGateway({
      config,
      logger,
      stateDir: stateDir(),
      port: options.port,
      bind: options.bind,
    });
    // Announced once ready for work; /healthz and /readyz answer from the moment it listens.
    await gateway.ready;
    settleHeap();
    process.stderr.write(`openclaw gateway listening on ${gateway.url}\n`);
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      void gateway.close().then(() => logger.flush(() => process.exit(0)));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

program
  .command("agent")
  .description("Run one agent turn through the running gateway's WebSocket; the reply streams to stdout.")
  .requiredOption("--message <text>", "what to say")
  .option("--agent <id>", "agent id (default: the default agent)")
  .option("--session-key <key>", "session to continue (default: agent:<id>:main)")
  .option("--json", "print one JSON object with the whole reply instead of streaming text")
  .addOption(urlOption())
  .addOption(configOption())
  .action(async (options) => (await import("./commands/agent.js")).agentCommand(options));

program
  .command("chat")
  .description("Chat with an agent over the gateway's HTTP endpoint: one --message, or interactively.")
  .option("--message <text>", "send one message, print the reply, exit")
  .option("--agent <id>", "agent id (default: main)")
  .option("--session-key <key>", "session to use (default: a new one per run)")
  .addOption(
    new Option("--api <api>", "the endpoint to speak: chat (chat completions) or responses (the Responses API)")
      .choices(["chat", "responses"])
      .default("chat"),
  )
  .addOption(urlOption())
  .addOption(configOption())
  .action(async (options) => (await import("./commands/chat.js")).chatCommand(options));

const config = program.command("config").description("Read or change the config file.");
config
  .command("get")
  .description("Print the effective value at PATH (e.g. gateway.port) as JSON.")
  .argument("<path>")
  .addOption(configOption())
  .action(async (path: string, options: { config?: string }) => {
    const { configGet } = await import("./commands/config.js");
    process.stdout.write(`${await configGet(path, options.config)}\n`);
  });
config
  .command("set")
  .description("Set PATH to VALUE (JSON5, else a string), e.g. gateway.http.endpoints.chatCompletions.enabled true.")
  .argument("<path>")
  .argument("<value>")
  .addOption(configOption())
  .action(async (path: string, value: string, options: { config?: string }) => {
    const { configSet } = await import("./commands/config.js");
    process.stdout.write(`${await configSet(path, value, options.config)}\n`);
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(
      error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2,
    );
  }
  if (error instanceof RedisUnavailableError) {
    process.stderr.write(`openclaw: ${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`openclaw: ${error.message}\n`);
    process.exit(2);
  }
  // The client's errors (from `chat`) carry an HTTP status; the client module is loaded lazily.
  const { status } = error as { status?: number };
  const message = `${(error as Error).message}${typeof status === "number" ? ` (HTTP ${status})` : ""}`;
  process.stderr.write(`openclaw: ${message}\n`);
  process.exit(1);
}
