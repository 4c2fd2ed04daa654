// Test helpers: Debian's Chromium driven by playwright-core (no browser download), and the
// gateway's request log lines.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** `$CHROMIUM_PATH`, else Debian's `chromium` (CI installs it: see .ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether there is a Chromium to drive; without one the browser suites are skipped, saying so. */
export const hasChromium = existsSync(CHROMIUM);

/**
 * Starts a headless Chromium: `--no-sandbox` because CI runs it as root, where its sandbox
 * cannot start; `--disable-dev-shm-usage` because a container's /dev/shm is often too small.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
}

export interface RequestLine {
  reqId: string;
  method: string;
  path: string;
  status: number;
  aborted: boolean;
}

/** The gateway's request log lines in `output` (complete lines only: lines are written in batches). */
export function requestLines(output: string): RequestLine[] {
  return output
    .split("\n")
    .slice(0, -1)
    .map((line) => JSON.parse(line) as RequestLine & { msg: string })
    .filter((line) => line.msg === "request");
}
