/**
 * `--out` (quality.md "Robustness": output files are never written through a symlink
 * or over a non-regular file): the workbook goes to a temporary file made exclusively
 * under a name no one can guess, beside the target, then renamed into place; a target
 * that is a link, a FIFO, a device or a directory is refused with one line.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { goal, load, run, sha, tmpDir, writeFixture } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  await writeFixture(path.join(dir, "a.xlsx"), { goals: [goal("A-1")] });
  await writeFixture(path.join(dir, "b.xlsx"), { goals: [goal("B-1")] });
});

async function kind(file: string): Promise<string> {
  const st = await fs.lstat(file);
  return st.isSymbolicLink()
    ? "link"
    : st.isFIFO()
      ? "fifo"
      : st.isCharacterDevice()
        ? "device"
        : st.isDirectory()
          ? "directory"
          : st.isFile()
            ? "file"
            : "other";
}

async function leftovers(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"));
}

test("a symlink planted at the temporary name the old code used is never written through", async () => {
  const victim = path.join(dir, "victim.txt");
  await fs.writeFile(victim, "keep me");
  // The old code wrote to `.merged.xlsx.<pid>.tmp`: a name anyone could guess and plant.
  const planted = path.join(dir, `.merged.xlsx.${process.pid}.tmp`);
  await fs.symlink(victim, planted);
  const r = await run(["consolidate", "a.xlsx", "b.xlsx", "--out", "merged.xlsx"], { cwd: dir });
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(await fs.readFile(victim, "utf8")).toBe("keep me");
  expect(await kind(planted)).toBe("link");
  expect(await kind(path.join(dir, "merged.xlsx"))).toBe("file");
  expect((await load(path.join(dir, "merged.xlsx"))).getWorksheet("Goals")?.getCell("A2").value).toBe("A-1");
  await fs.rm(planted);
  expect(await leftovers()).toEqual([]);
});

test("an existing regular --out is replaced (an earlier output)", async () => {
  await fs.writeFile(path.join(dir, "again.xlsx"), "old bytes");
  const r = await run(["consolidate", "a.xlsx", "--out", "again.xlsx"], { cwd: dir });
  expect(r.code).toBe(0);
  expect((await load(path.join(dir, "again.xlsx"))).getWorksheet("Goals")?.getCell("A2").value).toBe("A-1");
});

const REFUSED: [string, (file: string) => Promise<void>, string, string][] = [
  [
    "a symlink",
    async (f) => {
      await fs.writeFile(path.join(dir, "target.xlsx"), "the link's target");
      await fs.symlink(path.join(dir, "target.xlsx"), f);
    },
    "link",
    "is a symbolic link; the output is never written through a link: name the file itself or a new one",
  ],
  ["a FIFO", async (f) => void execFileSync("mkfifo", [f]), "fifo", "is a named pipe (FIFO), not a regular file; name a file to write"],
  ["a directory", async (f) => void (await fs.mkdir(f)), "directory", "is a directory; name a file to write"],
];

describe.each(["consolidate", "init"])("%s --out", (command) => {
  test.each(REFUSED)("%s is refused: exit 2, one line, left as it was", async (what, make, k, reason) => {
    const name = `${command}-${what.replace(/\W+/g, "-")}.xlsx`;
    const full = path.join(dir, name);
    await make(full);
    const before = await fs.readdir(dir);
    const r = await run(command === "init" ? ["init", "--out", name] : ["consolidate", "a.xlsx", "--out", name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`goal-scorecards: ${name}: ${reason}\n`);
    expect(await kind(full)).toBe(k);
    expect((await fs.readdir(dir)).sort()).toEqual(before.sort());
    if (k === "link") expect(await fs.readFile(path.join(dir, "target.xlsx"), "utf8")).toBe("the link's target");
  });

  // The system's own null device: a device every user can name (making one needs root).
  test("a device (/dev/null) is refused: exit 2, one line, left as it was", async () => {
    const before = await fs.readdir(dir);
    const r = await run(command === "init" ? ["init", "--out", "/dev/null"] : ["consolidate", "a.xlsx", "--out", "/dev/null"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("goal-scorecards: /dev/null: is a device, not a regular file; name a file to write\n");
    expect(await kind("/dev/null")).toBe("device");
    expect((await fs.readdir(dir)).sort()).toEqual(before.sort());
  });
});

test("init never replaces a file, and leaves no temporary file", async () => {
  await fs.writeFile(path.join(dir, "precious.xlsx"), "mine");
  const before = await sha(path.join(dir, "precious.xlsx"));
  const r = await run(["init", "--out", "precious.xlsx"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(await sha(path.join(dir, "precious.xlsx"))).toBe(before);
  const ok = await run(["init", "--out", "fresh.xlsx"], { cwd: dir });
  expect(ok.code).toBe(0);
  expect(await kind(path.join(dir, "fresh.xlsx"))).toBe("file");
  expect(await leftovers()).toEqual([]);
});
