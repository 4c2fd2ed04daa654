#!/usr/bin/env node
// Refuses a change to a published package's source that comes without a changeset: every
// package whose published files changed since the merge base with main must be named by a
// changeset added since then, or an empty changeset (`changeset --empty`) must say the change
// needs no release. The merge base is with $CHANGESET_BASE, else main, else origin/main; on main
// itself (a fresh clone in CI) it is HEAD, nothing has changed, and the check passes.
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
  console.log(`changeset check: no ${candidates.join(" or ")} to compare with; nothing to check`);
  process.exit(0);
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
const named = new Set();
let empty = false;
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
  if (Object.keys(releases).length === 0) empty = true;
  for (const name of Object.keys(releases)) named.add(name);
}

const missing = touched.filter(({ manifest }) => !named.has(manifest.name));
if (missing.length > 0 && !empty) {
  console.error(
    `changeset check: changed since ${baseRef} (${mergeBase.slice(0, 12)}) without a changeset: ${missing.map(({ manifest }) => manifest.name).join(", ")}.\n` +
      "Add one with `pnpm changeset` (or `pnpm changeset --empty` for a change that needs no release), and commit it.",
  );
  process.exit(1);
}
console.log(
  touched.length === 0
    ? `changeset check: no published package changed since ${baseRef}`
    : `changeset check: ${touched.map(({ manifest }) => manifest.name).join(", ")} changed, ${empty && missing.length > 0 ? "marked as needing no release" : "each with a changeset"}`,
);
