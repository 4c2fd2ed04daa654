#!/usr/bin/env node
// Refuses a change to a published package's source that comes without a changeset: every
// package whose published files changed since the merge base with main must be named by a
// changeset added since then, either with a bump or, for a change that needs no release, by a
// `no-release: <package>` line in an empty changeset (`changeset --empty`); an empty changeset
// exempts only the packages it names that way. The merge base is with $CHANGESET_BASE, else
// main, else origin/main; on main itself (a fresh clone in CI) it is HEAD, nothing has changed,
// and the check passes. Without a merge base (a shallow or single-branch clone of another
// branch) the check cannot tell what changed: with $CI set it fails, asking for main to be
// fetched; elsewhere it says so and passes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const git = (...args) =>
  execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
const tryGit = (...args) => {
  try {
    return git(...args).trim();
  } catch {
    return undefined;
  }
};

const candidates = [process.env.CHANGESET_BASE, "main", "origin/main"].filter(Boolean);
const baseRef = candidates.find((ref) => tryGit("rev-parse", "--verify", "--quiet", `${ref}^{commit}`));
const mergeBase = baseRef && tryGit("merge-base", "HEAD", baseRef);
if (!mergeBase) {
  const branch = tryGit("symbolic-ref", "--quiet", "--short", "HEAD");
  const others = (tryGit("for-each-ref", "--format=%(refname:lstrip=2)", "refs/heads", "refs/remotes") ?? "")
    .split("\n")
    .filter((ref) => ref && !/^(?:[^/]+\/)?(?:main|HEAD)$/.test(ref));
  // On main, or detached with no other branch to be on: nothing to compare with, nothing branched.
  const onMain = branch === "main" || (branch === undefined && others.length === 0);
  const where = branch ?? "a detached HEAD";
  if (onMain || !process.env.CI) {
    console.log(`changeset check: no merge base with ${candidates.join(" or ")} on ${where}; nothing to check`);
    process.exit(0);
  }
  console.error(
    `changeset check: no merge base with ${candidates.join(" or ")} on ${where}, so what changed is unknown.\n` +
      "Fetch main first (e.g. `git fetch --unshallow origin main:main`, or clone without --depth and --single-branch), or set CHANGESET_BASE.",
  );
  process.exit(1);
}
// Committed since the merge base, changed in the work tree, and new files not yet added.
const changed = new Set(
  [
    ...git("diff", "--name-only", mergeBase).split("\n"),
    ...git("ls-files", "--others", "--exclude-standard").split("\n"),
  ].filter(Boolean),
);

/** Whether `file` (relative to the package) ends up in the published package: tests and tooling do not. */
const published = (file) =>
  (file.startsWith("src/") && !/\.test\.[cm]?ts$/.test(file) && !file.startsWith("src/test/")) ||
  file === "package.json" ||
  file === "README.md";

const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({
    dir: `packages/${dir}/`,
    manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
  }))
  .filter(({ manifest }) => !manifest.private);
const touched = packages.filter(({ dir }) =>
  [...changed].some((file) => file.startsWith(dir) && published(file.slice(dir.length))),
);

const changesets = [...changed].filter(
  (file) => /^\.changeset\/[^/]+\.md$/.test(file) && file !== ".changeset/README.md",
);
/** Packages named by changesets: with a bump, or in an empty one's `no-release: <package>` lines. */
const named = new Set();
const exempt = new Set();
for (const file of changesets) {
  let text;
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    continue; // deleted since the merge base (consumed by `changeset version`)
  }
  const front = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!front) throw new Error(`${file}: not a changeset (no front matter between --- lines)`);
  const releases = parse(front[1] ?? "") ?? {};
  for (const name of Object.keys(releases)) named.add(name);
  if (Object.keys(releases).length > 0) continue;
  for (const [, name] of text.slice(front[0].length).matchAll(/^no-release:\s*(\S+)\s*$/gm)) exempt.add(name);
}

const missing = touched.filter(({ manifest }) => !named.has(manifest.name) && !exempt.has(manifest.name));
if (missing.length > 0) {
  console.error(
    `changeset check: changed since ${baseRef} (${mergeBase.slice(0, 12)}) without a changeset: ${missing.map(({ manifest }) => manifest.name).join(", ")}.\n` +
      "Add one with `pnpm changeset`, and commit it. A change that needs no release: `pnpm changeset --empty`, " +
      "and a line `no-release: <package>` in its text for each such package.",
  );
  process.exit(1);
}
console.log(
  touched.length === 0
    ? `changeset check: no published package changed since ${baseRef}`
    : `changeset check: ${touched.map(({ manifest }) => `${manifest.name} (${named.has(manifest.name) ? "changeset" : "no release"})`).join(", ")}`,
);
