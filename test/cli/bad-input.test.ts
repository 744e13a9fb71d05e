/**
 * Bad input (cli.md, quality.md "Robustness"): a file that is not a workbook,
 * truncated, encrypted, empty, without goals, missing, or a directory, and bad usage:
 * exit 2 and exactly one line on stderr naming the file and the reason; no stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { goal, load, oleFile, run, storedZip, tmpDir, writeFixture } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  await writeFixture(path.join(dir, "good.xlsx"), { goals: [goal("G-1")] });
  const good = await fs.readFile(path.join(dir, "good.xlsx"));
  await fs.writeFile(path.join(dir, "notes.txt"), "Goals for 2026: grow, hire, ship\n");
  await fs.writeFile(path.join(dir, "empty.xlsx"), Buffer.alloc(0));
  await fs.writeFile(path.join(dir, "truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  await fs.writeFile(path.join(dir, "encrypted.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage"]));
  await fs.writeFile(path.join(dir, "old.xls"), oleFile(["Workbook", "SummaryInformation"]));
  // An .xls whose cells mention both stream names is still an .xls (the names are text in a stream, not streams).
  await fs.writeFile(
    path.join(dir, "note-on-encryption.xls"),
    oleFile(["Workbook"], "EncryptionInfo and EncryptedPackage are the streams of an encrypted file"),
  );
  await fs.writeFile(path.join(dir, "doc.xlsx"), storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }));
  await fs.mkdir(path.join(dir, "folder.xlsx"));
  const wb = new Workbook();
  wb.addWorksheet("Budget").addRow(["Account", "Amount"]);
  wb.getWorksheet("Budget")?.addRow(["Travel", 1200]);
  await wb.xlsx.writeFile(path.join(dir, "budget.xlsx"));
});

const CASES: [string, string][] = [
  ["notes.txt", "not an Excel workbook (.xlsx)"],
  ["empty.xlsx", "is empty (0 bytes)"],
  ["truncated.xlsx", "is truncated or damaged (the .xlsx archive is incomplete)"],
  ["encrypted.xlsx", "is password-protected (encrypted); save an unprotected copy"],
  [
    "old.xls",
    "is an Excel 97-2003 workbook (.xls) or another old Office file, not .xlsx; open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)",
  ],
  [
    "note-on-encryption.xls",
    "is an Excel 97-2003 workbook (.xls) or another old Office file, not .xlsx; open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)",
  ],
  ["doc.xlsx", "not an Excel workbook (.xlsx): the archive holds no workbook part"],
  ["budget.xlsx", "has no goals: no table named Goals… and no sheet whose header row has goal columns (ID, Title, Owner, Target …)"],
  ["missing.xlsx", "no such file"],
  ["folder.xlsx", "is a directory, not a workbook file"],
];

function expectOneLine(err: string): void {
  expect(err.endsWith("\n")).toBe(true);
  expect(err.split("\n")).toHaveLength(2);
  expect(err).not.toMatch(/\bat .*:\d+:\d+/);
  expect(err).not.toMatch(/Error:/);
}

describe.each(["score", "validate", "verify"])("%s", (command) => {
  test.each(CASES)("%s → exit 2, one line: %s", async (file, reason) => {
    const r = await run([command, file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLine(r.err);
    expect(r.err).toBe(`goal-scorecards: ${file}: ${reason}\n`);
  });
});

test.each(CASES)("consolidate with %s → exit 2, nothing written", async (file, reason) => {
  const r = await run(["consolidate", "good.xlsx", file, "--out", "out.xlsx", "--json"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toBe(`goal-scorecards: ${file}: ${reason}\n`);
  await expect(fs.stat(path.join(dir, "out.xlsx"))).rejects.toThrow();
});

test("a damaged archive (bytes flipped in the middle) is one line too", async () => {
  const good = await fs.readFile(path.join(dir, "good.xlsx"));
  const bad = Buffer.from(good);
  for (let i = 200; i < bad.length - 400; i += 7) bad[i] ^= 0x5a;
  await fs.writeFile(path.join(dir, "damaged.xlsx"), bad);
  const r = await run(["score", "damaged.xlsx"], { cwd: dir });
  expect(r.code).toBe(2);
  expectOneLine(r.err);
  expect(r.err).toMatch(/^goal-scorecards: damaged\.xlsx: /);
});

describe("usage", () => {
  const USAGE: [string[], string][] = [
    [[], "no command given; try goal-scorecards --help"],
    [["grade", "x.xlsx"], "unknown command 'grade'; the commands are score, validate, verify, consolidate, init"],
    [["score"], "score needs a FILE"],
    [["score", "a.xlsx", "b.xlsx"], "score reads one FILE at a time (got 2); run it once per file"],
    [["score", "good.xlsx", "--colour"], "unknown option '--colour' for score; try goal-scorecards --help"],
    [["verify", "good.xlsx", "--as-of", "2026-01-01"], "unknown option '--as-of' for verify; try goal-scorecards --help"],
    [["score", "good.xlsx", "--by"], "--by needs a value"],
    [["score", "good.xlsx", "--json=yes"], "--json takes no value"],
    [["init"], "init needs --out FILE"],
    [["init", "x.xlsx"], "init takes no FILE argument ('x.xlsx'); write it with --out FILE"],
    [["consolidate", "good.xlsx"], "consolidate needs --out FILE"],
    [["consolidate", "--out", "m.xlsx"], "consolidate needs at least one FILE"],
  ];
  test.each(USAGE)("%j → exit 2: %s", async (args, message) => {
    const r = await run(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`goal-scorecards: ${message}\n`);
  });

  test("--help prints the usage on stdout, exit 0; options take = too", async () => {
    const r = await run(["--help"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("goal-scorecards consolidate FILE... --out FILE [--prefer newest]");
    expect((await run(["score", "--help"], { cwd: dir })).code).toBe(0);
    const eq = await run(["score", "good.xlsx", "--as-of=2026-06-30", "--json"], { cwd: dir });
    expect(eq.code).toBe(0);
    expect((JSON.parse(eq.out) as { asOf: string }).asOf).toBe("2026-06-30");
  });
});

test("validation lists over whole columns are read as ranges, not a million cells each", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Goals");
  ws.addTable({
    name: "Goals",
    ref: "A1",
    columns: [{ name: "ID" }, { name: "Title" }, { name: "Owner" }],
    rows: [["G-1", "Grow the business in Europe", "Ann"]],
  });
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations;
  for (const c of "CDEFGHIJKL") dv.add(`${c}2:${c}1048576`, { type: "list", allowBlank: true, formulae: ['"A,B"'] });
  await wb.xlsx.writeFile(path.join(dir, "whole-columns.xlsx"));
  const r = await run(["score", "whole-columns.xlsx", "--json"], { cwd: dir });
  expect(r.code).toBe(0);
  expect((JSON.parse(r.out) as { goals: unknown[] }).goals).toHaveLength(1);
  // exceljs as shipped would hold ten million entries here (seconds and gigabytes); the reader keeps ten.
  const back = await load(path.join(dir, "whole-columns.xlsx"));
  const model = (back.getWorksheet("Goals") as unknown as { dataValidations: { model: object } }).dataValidations.model;
  expect(Object.keys(model)).toHaveLength(10);
});
