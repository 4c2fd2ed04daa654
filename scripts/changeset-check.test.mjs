// The changeset check in throwaway git repositories: a package `@t/pkg` under packages/, the
// check copied in, and each case's branch, clone and changesets. Run by `pnpm test`
// (`node --test scripts/changeset-check.test.mjs`).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const work = mkdtempSync(join(tmpdir(), "changeset-check-"));
after(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd, ...args) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

/** A repository on main with one published package, and the check (with `yaml` reachable). */
function origin(name) {
  const dir = join(work, name);
  mkdirSync(join(dir, "packages", "pkg", "src"), { recursive: true });
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, ".changeset"));
  copyFileSync(join(root, "scripts", "changeset-check.mjs"), join(dir, "scripts", "changeset-check.mjs"));
  writeFileSync(join(dir, "packages", "pkg", "package.json"), JSON.stringify({ name: "@t/pkg" }));
  writeFileSync(join(dir, "packages", "pkg", "src", "index.ts"), "export {};\n");
  writeFileSync(join(dir, ".changeset", "README.md"), "# Changesets\n");
  writeFileSync(join(dir, ".gitignore"), "node_modules\n");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "start");
  return dir;
}

/** Clones `from` (git clone `args`) into `name`, with node_modules linked in. */
function clone(from, name, ...args) {
  const dir = join(work, name);
  git(work, "clone", "-q", ...args, `file://${from}`, dir);
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Commits a change to the package's source, and any changesets given (file name: text). */
function change(dir, changesets = {}) {
  appendFileSync(join(dir, "packages", "pkg", "src", "index.ts"), "// changed\n");
  for (const [file, text] of Object.entries(changesets)) writeFileSync(join(dir, ".changeset", file), text);
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "change");
}

const check = (dir, ci) => {
  const env = { ...process.env };
  delete env.CI;
  delete env.CHANGESET_BASE;
  if (ci) env.CI = "true";
  const result = spawnSync(process.execPath, ["scripts/changeset-check.mjs"], { cwd: dir, env, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
};

const upstream = origin("upstream");
git(upstream, "checkout", "-q", "-b", "feat");
change(upstream);
git(upstream, "checkout", "-q", "main");

const cases = [
  {
    name: "a fresh clone of main, in CI: nothing changed",
    repo: () => clone(upstream, "main-clone", "-b", "main"),
    ci: true,
    status: 0,
  },
  {
    name: "a shallow clone of main, in CI",
    repo: () => clone(upstream, "main-shallow", "--depth", "1", "-b", "main"),
    ci: true,
    status: 0,
  },
  {
    name: "a shallow single-branch clone of a branch changing the package, in CI: main must be fetched",
    repo: () => clone(upstream, "feat-shallow", "--depth", "1", "-b", "feat"),
    ci: true,
    status: 1,
    output: /git fetch/,
  },
  {
    name: "the same clone outside CI: says it cannot check, and passes",
    repo: () => clone(upstream, "feat-shallow-local", "--depth", "1", "-b", "feat"),
    ci: false,
    status: 0,
    output: /nothing to check/,
  },
  {
    name: "a full clone of the branch without a changeset",
    repo: () => clone(upstream, "feat-full", "-b", "feat"),
    ci: true,
    status: 1,
    output: /without a changeset: @t\/pkg/,
  },
  {
    name: "an empty changeset does not exempt a package it does not name",
    repo: () => {
      const dir = clone(upstream, "feat-empty", "-b", "feat");
      change(dir, { "docs.md": "---\n---\n\ndocs only\n" });
      return dir;
    },
    ci: true,
    status: 1,
  },
  {
    name: "an empty changeset with `no-release: <package>` exempts that package",
    repo: () => {
      const dir = clone(upstream, "feat-no-release", "-b", "feat");
      change(dir, { "tests.md": "---\n---\n\nTests only.\n\nno-release: @t/pkg\n" });
      return dir;
    },
    ci: true,
    status: 0,
    output: /@t\/pkg \(no release\)/,
  },
  {
    name: "a changeset naming the package",
    repo: () => {
      const dir = clone(upstream, "feat-changeset", "-b", "feat");
      change(dir, { "fix.md": '---\n"@t/pkg": patch\n---\n\nA fix.\n' });
      return dir;
    },
    ci: true,
    status: 0,
  },
];

for (const { name, repo, ci, status, output } of cases) {
  test(name, () => {
    const result = check(repo(), ci);
    assert.equal(result.status, status, result.output);
    if (output) assert.match(result.output, output);
  });
}
