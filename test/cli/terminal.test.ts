/**
 * What reaches the terminal: every error line names the file (also when exceljs
 * itself fails while the tables are read), and control characters from cells and
 * file names (C0, DEL, C1 with the one-character CSI U+009B, bidi overrides and
 * isolates) are shown escaped in the text output, never raw; JSON stays exact JSON.
 * XML cannot hold most C0 characters, so in cells these tests use C1 and bidi
 * characters, and C0 ones (ESC) in file names, which the output shows too.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { goal, run, runJson, sealFor, tmpDir, writeFixture } from "./helpers";

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL_BUT_COLOUR = /(?!\x1b\[(?:1|2|22|31|32|33|39)m)[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const TITLE = "Grow \u009d0;owned\u009crevenue\u009b2J in \u009b31mEMEA";
const OWNER = "Ann \u202Egnp.exe\u202C \u2066x\u2069";
const ID = "G-\u009b1A1";
/** A file name that clears the screen when printed raw. */
const EVIL = "evil\x1b[2J\x1b]0;owned\x07.xlsx";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  await writeFixture(path.join(dir, EVIL), {
    goals: [goal(ID, { title: TITLE, owner: OWNER, unit: "x\u0085y" }), goal("G-2", { owner: OWNER, comment: "two\nlines" })],
  });
});

describe.each(["score", "validate"])("%s", (command) => {
  test("text: control characters escaped, nothing raw; JSON exact", async () => {
    const r = await run([command, EVIL, "--as-of", "2026-06-30"], { cwd: dir });
    expect(r.code).toBeLessThan(2);
    expect(r.out).not.toMatch(RAW_CONTROL);
    if (command === "score") {
      expect(r.out).toContain("G-\\x9B1A1");
      expect(r.out).toContain("evil\\x1B[2J\\x1B]0;owned\\x07.xlsx: 2 goals");
      expect(r.out).toContain("Ann \\u202Egnp.exe\\u202C \\u2066x\\u2069");
    }
    const j = await runJson<{ goals?: { id: string; title: string; owner: string }[]; findings: unknown[] }>([command, EVIL, "--as-of", "2026-06-30"], {
      cwd: dir,
    });
    if (command === "score") expect(j.json.goals?.[0]).toMatchObject({ id: ID, title: TITLE, owner: OWNER });
    else expect(JSON.stringify(j.json.findings)).toContain(JSON.stringify(ID).slice(1, -1));
  });
});

test("a terminal gets colour, and still no control character from a cell", async () => {
  const r = await run(["score", EVIL, "--as-of", "2026-06-30"], { cwd: dir, tty: true });
  expect(r.out).toContain("\x1b[1m");
  expect(r.out).not.toMatch(RAW_CONTROL_BUT_COLOUR);
  expect(r.out).toContain("Grow \\x9D0;owned\\x9Crevenue\\x9B2J in \\x9B31mEMEA");
  expect(r.out).toContain("evil\\x1B[2J\\x1B]0;owned\\x07.xlsx");
});

test("consolidate and verify: conflict values and differences escaped", async () => {
  await writeFixture(path.join(dir, "other.xlsx"), { goals: [goal(ID, { title: "Plain title", owner: OWNER, unit: "x\u0085y" })] });
  const c = await run(["consolidate", EVIL, "other.xlsx", "--out", "m.xlsx"], { cwd: dir });
  expect(c.code).toBe(1);
  expect(c.out).toContain("G-\\x9B1A1 differs in Title");
  expect(c.out).toContain("Read 2 files: evil\\x1B[2J\\x1B]0;owned\\x07.xlsx (2 goals");
  expect(c.out).not.toMatch(RAW_CONTROL);
  const s = await sealFor([goal("G-1", { title: "Sealed" })], [], "2026", "Closed");
  await writeFixture(path.join(dir, "sealed.xlsx"), { goals: [goal("G-1", { title: "Now \u202Edesrever" })], meta: s.meta, audit: s.audit });
  const v = await run(["verify", "sealed.xlsx"], { cwd: dir });
  expect(v.code).toBe(1);
  expect(v.out).toContain("Now \\u202Edesrever");
  expect(v.out).not.toMatch(RAW_CONTROL);
});

test("a file name with control characters is escaped in the error line", async () => {
  const name = "gone\x1b[2J\u202E.xlsx";
  const r = await run(["score", name], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.err).toBe("goal-scorecards: gone\\x1B[2J\\u202E.xlsx: no such file\n");
});

test("a table whose range runs past Excel's last column (XFD) is clamped and read, not an exceljs error", async () => {
  // exceljs alone threw "16385 is out of bounds" here; the package layer clamps the range first.
  await writeFixture(path.join(dir, "wide.xlsx"), { goals: [goal("G-1")] });
  const files = unzipSync(new Uint8Array(await fs.readFile(path.join(dir, "wide.xlsx"))));
  const table = strFromU8(files["xl/tables/table1.xml"]);
  files["xl/tables/table1.xml"] = strToU8(table.replace(/ref="A1:T2"/g, 'ref="XFC1:XFF2"'));
  await fs.writeFile(path.join(dir, "wide.xlsx"), zipSync(files));
  const r = await run(["score", "wide.xlsx"], { cwd: dir });
  expect(r.err).not.toMatch(/out of bounds|unexpected error/);
  expect([0, 1, 2]).toContain(r.code);
});
