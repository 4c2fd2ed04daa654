import { spawn } from "node:child_process";
import {
  baseConfig,
  CLI,
  type RunningGateway,
  runCli,
  startGateway,
  writeConfig,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripTerminalControls } from "./terminal.js";

const ESC = "\u001b";

describe("stripTerminalControls", () => {
  it.each([
    ["plain text", "hello, world", "hello, world"],
    ["newlines and tabs kept", "a\tb\nc\n", "a\tb\nc\n"],
    ["non-ASCII kept", "héllo — 你好 🎉", "héllo — 你好 🎉"],
    ["colour (CSI SGR)", `${ESC}[1;31mred${ESC}[0m`, "red"],
    ["cursor movement and erase", `a${ESC}[2J${ESC}[H${ESC}[10;20Hb${ESC}[K`, "ab"],
    ["private mode (CSI ?)", `${ESC}[?1049h${ESC}[?25lx`, "x"],
    ["8-bit CSI", "\u009b31mx", "x"],
    ["window title (OSC, BEL)", `${ESC}]0;pwned\u0007x`, "x"],
    ["hyperlink (OSC, ST)", `${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`, "link"],
    ["DCS string", `${ESC}Pq#0;2;0;0;0${ESC}\\x`, "x"],
    ["two-byte escapes", `${ESC}c${ESC}7x${ESC}8${ESC}(B`, "x"],
    ["carriage return (line rewriting)", "safe\rEVIL", "safeEVIL"],
    ["backspace, bell, NUL, DEL", "a\bb\u0007c\u0000d\u007f", "abcd"],
    ["C1 controls", "a\u0085b\u009dc", "abc"],
    ["a lone ESC at a chunk's end", `text${ESC}`, "text"],
    ["the rest of a split sequence, as plain text", "[31mred", "[31mred"],
    ["an unterminated OSC loses its ESC", `${ESC}]0;title`, "0;title"],
  ])("%s", (_name, input, expected) => {
    expect(stripTerminalControls(input)).toBe(expected);
  });
});

// On a terminal (a pseudo-terminal from util-linux `script`), `openclaw agent` and `openclaw chat`
// print the reply without the escapes the agent sent; the demo agent echoes them back.
describe.runIf(process.platform === "linux")("openclaw agent and chat on a terminal", () => {
  let gateway: RunningGateway;
  let config: string;
  beforeAll(async () => {
    const settings = baseConfig();
    gateway = await startGateway(settings);
    config = writeConfig(settings);
  });
  afterAll(() => gateway.stop());

  /** Runs the CLI with its stdout on a pseudo-terminal; resolves with what the terminal got. */
  const onTerminal = (command: string, message: string) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(
        "script",
        ["-qec", `"$NODE" "$CLI" ${command} --message "$MESSAGE" --url "$URL" --config "$CONFIG"`, "/dev/null"],
        {
          env: { ...process.env, NODE: process.execPath, CLI, MESSAGE: message, URL: gateway.url, CONFIG: config },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, output }));
    });

  it.each(["agent", "chat"])("openclaw %s strips what a terminal would act on", async (command) => {
    const { code, output } = await onTerminal(command, `${ESC}[31mred${ESC}[0m ${ESC}]0;pwned\u0007title\u0007`);
    expect(code, output).toBe(0);
    expect(output).toContain("echo: red title");
    for (const control of [ESC, "\u0007", "\u009b"]) expect(output).not.toContain(control);
  });

  it("leaves piped output as the agent sent it", async () => {
    const message = `${ESC}[31mred${ESC}[0m`;
    const result = await runCli(["agent", "--message", message, "--url", gateway.url, "--config", config]);
    expect(result.stdout).toBe(`echo: ${message}\n`);
  });
});
