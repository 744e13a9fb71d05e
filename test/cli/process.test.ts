/**
 * The real command in a child process: src/cli compiled with tsconfig.cli.json (as
 * `npm run build` does, into a temporary folder here), started through the
 * bin/goal-scorecards.js shim. Exit statuses, stdout/stderr, no stack traces.
 */
import { execFileSync, spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { tmpDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
let prefix: string;
let work: string;

beforeAll(async () => {
  prefix = await tmpDir();
  work = await tmpDir();
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--outDir", path.join(prefix, "dist", "cli")],
    { stdio: "pipe" },
  );
  await fs.mkdir(path.join(prefix, "bin"));
  await fs.copyFile(path.join(ROOT, "bin", "goal-scorecards.js"), path.join(prefix, "bin", "goal-scorecards.js"));
}, 120_000);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(prefix, "bin", "goal-scorecards.js"), ...args], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), NO_COLOR: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("package.json declares the bin, and the shim is an executable Node script", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string> };
  expect(pkg.bin).toEqual({ "goal-scorecards": "bin/goal-scorecards.js" });
  expect(pkg.scripts.build).toMatch(/^webpack .*&& npm run build:cli$/);
  expect(pkg.scripts["build:cli"]).toBe("tsc -p tsconfig.cli.json");
  const shim = readFileSync(path.join(ROOT, "bin", "goal-scorecards.js"), "utf8");
  expect(shim.startsWith("#!/usr/bin/env node\n")).toBe(true);
});

test("init, then score and verify, with their exit statuses", () => {
  const init = cli("init", "--out", "x.xlsx");
  expect(init).toMatchObject({ code: 0, err: "" });
  const score = cli("score", "x.xlsx", "--json");
  expect(score.code).toBe(0);
  expect(score.err).toBe("");
  expect(JSON.parse(score.out)).toMatchObject({ goals: [], scorecards: [], findings: [] });
  const verify = cli("verify", "x.xlsx");
  expect(verify.code).toBe(1);
  expect(verify.out).toContain("Not sealed");
});

test("a bad file: exit 2, one line on stderr, no stack trace", async () => {
  await fs.writeFile(path.join(work, "junk.xlsx"), "PK\x03\x04 this is not really a zip");
  const r = cli("validate", "junk.xlsx");
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toBe("goal-scorecards: junk.xlsx: is truncated or damaged (the .xlsx archive is incomplete)\n");
  const usage = cli("frobnicate");
  expect(usage.code).toBe(2);
  expect(usage.err.split("\n")).toHaveLength(2);
});
