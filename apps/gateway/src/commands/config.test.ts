// `openclaw config set` through the real CLI: the file it writes may hold the gateway's secret.
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCli, tempDir } from "@openclaw/contract-kit/gateway";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("openclaw config set keeps the config private", () => {
  it("keeps a 0600 config 0600 across rewrites", async () => {
    const dir = tempDir();
    const file = join(dir, "openclaw.json");
    writeFileSync(file, '{ gateway: { auth: { token: "s3cret" } } }\n');
    chmodSync(file, 0o600);
    for (const port of ["18001", "18002"]) {
      const result = await runCli(["config", "set", "gateway.port", port, "--config", file]);
      expect(result.code, result.stderr).toBe(0);
      expect(mode(file)).toBe(0o600);
    }
    expect(readFileSync(file, "utf8")).toContain("18002");
    expect(readdirSync(dir)).toEqual(["openclaw.json"]); // no temp file left behind
  });

  it("keeps whatever mode the owner chose", async () => {
    const file = join(tempDir(), "openclaw.json");
    writeFileSync(file, "{}\n");
    chmodSync(file, 0o640);
    expect((await runCli(["config", "set", "gateway.port", "18003", "--config", file])).code).toBe(0);
    expect(mode(file)).toBe(0o640);
  });

  it("creates a new ~/.openclaw 0700 and the config in it 0600", async () => {
    const home = tempDir("openclaw-home-");
    const result = await runCli(["config", "set", "gateway.auth.token", "s3cret"], { env: { HOME: home } });
    expect(result.code, result.stderr).toBe(0);
    expect(mode(join(home, ".openclaw"))).toBe(0o700);
    expect(mode(join(home, ".openclaw", "openclaw.json"))).toBe(0o600);
  });
});

describe("openclaw config set refuses paths through an object's prototype", () => {
  it.each(["__proto__.x", "constructor.prototype.x", "gateway.__proto__.polluted", "agents.list[0].constructor"])(
    "%s: exit 2, the file untouched",
    async (path) => {
      const file = join(tempDir(), "openclaw.json");
      writeFileSync(file, "{}\n");
      const result = await runCli(["config", "set", path, "1", "--config", file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not a config path/);
      expect(readFileSync(file, "utf8")).toBe("{}\n");
    },
  );
});

describe("openclaw config set refuses a list index past the end of the list", () => {
  it.each(["agents.list[99999999].id", "agents.list[4294967294].id", "agents.list[2].id"])(
    "%s: exit 2 saying why (no sparse list of that length), the file untouched",
    async (path) => {
      const file = join(tempDir(), "openclaw.json");
      const text = '{ agents: { list: [{ id: "main" }] } }\n';
      writeFileSync(file, text);
      // The message is what tells the refusal apart from a sparse list that failed validation;
      // a stopwatch here failed on a loaded machine (a CLI start alone took 7 s) and proved nothing more.
      const result = await runCli(["config", "set", path, "x", "--config", file]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/past the end/);
      expect(readFileSync(file, "utf8")).toBe(text);
    },
    20_000,
  );

  it("still appends at the end of a list", async () => {
    const file = join(tempDir(), "openclaw.json");
    writeFileSync(file, '{ agents: { list: [{ id: "main" }] } }\n');
    const result = await runCli(["config", "set", "agents.list[1]", '{id: "beta"}', "--config", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse((await runCli(["config", "get", "agents.list[1].id", "--config", file])).stdout)).toBe("beta");
  });
});

describe("openclaw config set, run several times at once or through a link", () => {
  it("loses none of several concurrent sets of different keys", async () => {
    const file = join(tempDir(), "openclaw.json");
    writeFileSync(file, "{}\n");
    const sets: [string, string, unknown][] = [
      ["gateway.port", "18001", 18001],
      ["gateway.bind", "lan", "lan"],
      ["logging.level", "warn", "warn"],
      ["session.maxTurns", "7", 7],
      ["session.maxBytes", "4096", 4096],
      ["gateway.shutdownGraceMs", "5", 5],
    ];
    const results = await Promise.all(
      sets.map(([path, value]) => runCli(["config", "set", path, value, "--config", file])),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    // The file as written, read once: six more CLI starts (one `config get` each) took longer
    // than the test's time on a loaded machine, and `get` is tested on its own elsewhere.
    const written = JSON5.parse(readFileSync(file, "utf8"));
    for (const [path, , expected] of sets) {
      const got = path.split(".").reduce((value, key) => (value as Record<string, unknown>)?.[key], written as unknown);
      expect(got, path).toEqual(expected);
    }
    expect(readdirSync(dirname(file)).sort()).toEqual(["openclaw.json"]); // no lock or temp file left
  }, 30_000);

  it("writes through a symbolic link to the file it names, keeping the link", async () => {
    const dir = tempDir();
    const real = join(dir, "real.json");
    const link = join(dir, "openclaw.json");
    writeFileSync(real, "{}\n", { mode: 0o600 });
    symlinkSync(real, link);
    const result = await runCli(["config", "set", "gateway.port", "18004", "--config", link]);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain("18004");
    expect(mode(real)).toBe(0o600);
  });
});
