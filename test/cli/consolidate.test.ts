/**
 * `consolidate` (cli.md): merged goal table and check-ins with a Source column;
 * identical duplicates kept once; conflicts reported (file, ID, differing columns)
 * and nothing written unless --prefer newest; inputs never change.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Worksheet } from "exceljs";
import { goal, load, run, runJson, sealFor, sha, tmpDir, utc, writeFixture } from "./helpers";

const AS_OF = ["--as-of", "2026-06-30"];

interface Result {
  out: string;
  written: boolean;
  files: { file: string; goals: number; checkIns: number; sealedAt: string | null; modified: string }[];
  goals: number;
  checkIns: number;
  duplicates: number;
  conflicts: { id: string; columns: string[]; rows: { file: string; cell: string | null; values: Record<string, unknown> }[]; chosen: string | null }[];
}

function tableRows(ws: Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

describe("without conflicts", () => {
  let dir: string;
  let before: string[];
  beforeAll(async () => {
    dir = await tmpDir();
    const shared = goal("G-0001", { owner: "Ann" });
    await writeFixture(path.join(dir, "a.xlsx"), {
      userColumns: ["Team"],
      goals: [shared, goal("A-1", { owner: "Ann", Team: "Sales" })],
      checkIns: [{ goalId: "G-0001", date: utc("2026-05-31"), value: 45, confidence: 0.5, comment: "May" }],
    });
    // The same G-0001 with its values written differently (40% vs 0.4 style, a date as text) is the same goal.
    await writeFixture(path.join(dir, "b.xlsx"), {
      goals: [goal("B-1", { owner: "Bob" }), { ...shared, start: "2026-01-01", title: `  ${shared.title as string}  ` }],
      checkIns: [
        { goalId: "G-0001", date: utc("2026-05-31"), value: 45, confidence: 0.5, comment: "May" },
        { goalId: "B-1", date: utc("2026-06-15"), value: 48 },
      ],
    });
    before = [await sha(path.join(dir, "a.xlsx")), await sha(path.join(dir, "b.xlsx"))];
  });

  test("writes one goal table with Source, keeps an identical duplicate once, merges check-ins; exit 0", async () => {
    const { code, json, err } = await runJson<Result>(["consolidate", "a.xlsx", "b.xlsx", "--out", "merged.xlsx"], { cwd: dir });
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(["out", "written", "files", "goals", "checkIns", "duplicates", "conflicts"]);
    expect(json).toMatchObject({ out: "merged.xlsx", written: true, goals: 3, checkIns: 2, duplicates: 1, conflicts: [] });
    expect(json.files.map((f) => [f.file, f.goals, f.checkIns, f.sealedAt])).toEqual([
      ["a.xlsx", 2, 1, null],
      ["b.xlsx", 2, 2, null],
    ]);
    for (const f of json.files) expect(Number.isNaN(Date.parse(f.modified))).toBe(false);

    const wb = await load(path.join(dir, "merged.xlsx"));
    const ws = wb.getWorksheet("Goals") as Worksheet;
    const rows = tableRows(ws);
    const header = rows[0] as string[];
    expect(header.slice(0, 20)).toEqual([
      "ID",
      "Title",
      "Type",
      "Level",
      "Parent ID",
      "Owner",
      "Weight",
      "Unit",
      "Direction",
      "Baseline",
      "Threshold",
      "Target",
      "Stretch",
      "Actual",
      "Start",
      "Due",
      "Cycle",
      "Data Source",
      "Rollup",
      "Comment",
    ]);
    expect(header.slice(20)).toEqual(["Team", "Source"]);
    expect(rows.slice(1).map((r) => [r[0], r[20] ?? null, r[21]])).toEqual([
      ["G-0001", null, "a.xlsx"],
      ["A-1", "Sales", "a.xlsx"],
      ["B-1", null, "b.xlsx"],
    ]);
    const cis = tableRows(wb.getWorksheet("CheckIns") as Worksheet);
    expect(cis[0]).toEqual(["Goal ID", "Date", "Value", "Confidence", "Comment", "Source"]);
    expect(cis.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ["G-0001", "a.xlsx"],
      ["B-1", "b.xlsx"],
    ]);
    expect(wb.getWorksheet("_GoalScorecards")?.state).toBe("veryHidden");
  });

  test("the merged workbook scores: Source stays a user column beside Data Source", async () => {
    const { code, json } = await runJson<{ goals: { id: string; progress: number }[]; findings: { code: string }[] }>(["score", "merged.xlsx", ...AS_OF], {
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(json.goals.map((g) => g.id)).toEqual(["G-0001", "A-1", "B-1"]);
    expect(json.findings.filter((f) => f.code === "M4")).toEqual([]);
  });

  test("input files are not changed; text output says what was written", async () => {
    const r = await run(["consolidate", "a.xlsx", "b.xlsx", "--out", "merged2.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Read 2 files: a.xlsx (2 goals, 1 check-in), b.xlsx (2 goals, 2 check-ins)");
    expect(r.out).toContain("1 duplicate goal kept once.");
    expect(r.out).toContain("Wrote merged2.xlsx: 3 goals, 2 check-ins from 2 files.");
    expect([await sha(path.join(dir, "a.xlsx")), await sha(path.join(dir, "b.xlsx"))]).toEqual(before);
  });

  test("--out naming an input is refused (exit 2) and the input is untouched", async () => {
    const r = await run(["consolidate", "a.xlsx", "b.xlsx", "--out", "./a.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("goal-scorecards: ./a.xlsx: is also an input file; consolidate never changes an input, choose another --out\n");
    expect(await sha(path.join(dir, "a.xlsx"))).toBe(before[0]);
  });

  test("a bad input file stops it: exit 2, nothing written", async () => {
    await fs.writeFile(path.join(dir, "notes.xlsx"), "not a workbook");
    const r = await run(["consolidate", "a.xlsx", "notes.xlsx", "--out", "never.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("goal-scorecards: notes.xlsx: not an Excel workbook (.xlsx)\n");
    expect(await exists(path.join(dir, "never.xlsx"))).toBe(false);
  });
});

describe("with conflicts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    await writeFixture(path.join(dir, "old.xlsx"), {
      goals: [goal("G-1", { owner: "Ann", target: 60 }), goal("G-2", { owner: "Ann" })],
      checkIns: [{ goalId: "G-1", date: utc("2026-05-01"), value: 44 }],
      modified: new Date("2026-05-01T08:00:00Z"),
    });
    await writeFixture(path.join(dir, "new.xlsx"), {
      goals: [goal("g-1", { title: "Raise employee engagement score G-1", owner: "Ann", target: 80, due: utc("2026-11-30") }), goal("G-3", { owner: "Cy" })],
      checkIns: [{ goalId: "G-1", date: utc("2026-06-01"), value: 52 }],
      modified: new Date("2026-06-20T08:00:00Z"),
    });
  });

  test("reported with file, ID and differing columns; nothing written; exit 1", async () => {
    const { code, json, err } = await runJson<Result>(["consolidate", "new.xlsx", "old.xlsx", "--out", "merged.xlsx"], { cwd: dir });
    expect(err).toBe("");
    expect(code).toBe(1);
    expect(json.written).toBe(false);
    expect(json.goals).toBe(0);
    expect(json.conflicts).toEqual([
      {
        id: "g-1",
        columns: ["ID", "Target", "Due"],
        rows: [
          { file: "new.xlsx", cell: "Goals!A2", values: { ID: "g-1", Target: 80, Due: "2026-11-30" } },
          { file: "old.xlsx", cell: "Goals!A2", values: { ID: "G-1", Target: 60, Due: "2026-12-31" } },
        ],
        chosen: null,
      },
    ]);
    expect(await exists(path.join(dir, "merged.xlsx"))).toBe(false);
    const text = await run(["consolidate", "new.xlsx", "old.xlsx", "--out", "merged.xlsx"], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.out).toMatch(
      /Conflicts \(1\): the same ID with different content\ng-1 differs in ID, Target, Due\n {2}File +Cell +ID +Target +Due\n {2}new\.xlsx +Goals!A2 +g-1 +80 +2026-11-30\n {2}old\.xlsx +Goals!A2 +G-1 +60 +2026-12-31\n/,
    );
    expect(text.out).toContain("Nothing written: resolve the conflicts in the files, or run again with --prefer newest.");
  });

  test("--prefer newest keeps the row of the most recently modified file, writes, and still exits 1", async () => {
    const { code, json } = await runJson<Result>(["consolidate", "new.xlsx", "old.xlsx", "--out", "merged.xlsx", "--prefer", "newest"], { cwd: dir });
    expect(code).toBe(1);
    expect(json).toMatchObject({ written: true, goals: 3, duplicates: 1 });
    expect(json.conflicts[0].chosen).toBe("new.xlsx");
    const wb = await load(path.join(dir, "merged.xlsx"));
    const rows = tableRows(wb.getWorksheet("Goals") as Worksheet).slice(1);
    expect(rows.map((r) => [r[0], r[11], r[20]])).toEqual([
      ["g-1", 80, "new.xlsx"],
      ["G-3", 50 + 10, "new.xlsx"],
      ["G-2", 60, "old.xlsx"],
    ]);
    // The chosen goal's check-ins come from the chosen file only.
    const cis = tableRows(wb.getWorksheet("CheckIns") as Worksheet).slice(1);
    expect(cis.map((r) => [r[0], r[2], r[5]])).toEqual([["G-1", 52, "new.xlsx"]]);
    const text = await run(["consolidate", "new.xlsx", "old.xlsx", "--out", "merged.xlsx", "--prefer", "newest"], { cwd: dir });
    expect(text.out).toMatch(/new\.xlsx .*← kept \(newest\)/);
  });

  test("a later seal makes a file newer than its modified time", async () => {
    const s = await sealFor([goal("G-1", { owner: "Ann", target: 60 })], [], "2026", "Active", "2026-06-25T00:00:00Z");
    await writeFixture(path.join(dir, "sealed-old.xlsx"), {
      goals: [goal("G-1", { owner: "Ann", target: 60 })],
      meta: s.meta,
      audit: s.audit,
      modified: new Date("2026-05-01T08:00:00Z"),
    });
    const { json } = await runJson<Result>(["consolidate", "new.xlsx", "sealed-old.xlsx", "--out", "m2.xlsx", "--prefer", "newest"], { cwd: dir });
    expect(json.conflicts[0].chosen).toBe("sealed-old.xlsx");
    expect(json.files[1].sealedAt).toBe("2026-06-25T00:00:00Z");
  });

  test("--prefer takes only newest", async () => {
    const r = await run(["consolidate", "new.xlsx", "--out", "x.xlsx", "--prefer", "oldest"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("goal-scorecards: --prefer takes 'newest', not 'oldest'\n");
  });
});

describe("values are not lost or mistyped", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    const shared = goal("G-1", { owner: "Ann" });
    await writeFixture(path.join(dir, "a.xlsx"), {
      userColumns: ["Team"],
      goals: [{ ...shared, Team: "Sales" }, goal("A-1", { owner: "Ann", weight: "45%" })],
    });
    // The same G-1 with a user column a.xlsx does not have: its value fills the kept row.
    await writeFixture(path.join(dir, "b.xlsx"), { userColumns: ["Region"], goals: [{ ...shared, Region: "EMEA" }, goal("B-1", { owner: "Bob", weight: 2 })] });
  });

  test("a later copy's value in a user column the kept row lacks is kept, and said", async () => {
    const r = await run(["consolidate", "a.xlsx", "b.xlsx", "--out", "m.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Values of Region taken from a later copy of the same goal where the kept row had none.");
    const rows = tableRows((await load(path.join(dir, "m.xlsx"))).getWorksheet("Goals") as Worksheet);
    expect(rows[0].slice(20)).toEqual(["Team", "Region", "Source"]);
    expect(rows[1].slice(0, 1).concat(rows[1].slice(20))).toEqual(["G-1", "Sales", "EMEA", "a.xlsx"]);
  });

  test("a weight typed as text 45% is written as the number 0.45 with a percent format", async () => {
    const r = await run(["consolidate", "a.xlsx", "b.xlsx", "--out", "w.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const ws = (await load(path.join(dir, "w.xlsx"))).getWorksheet("Goals") as Worksheet;
    // Weight 2 elsewhere keeps the column a plain number column; the typed percentage keeps its format.
    expect(ws.getColumn(7).numFmt ?? null).toBeNull();
    expect([ws.getCell("A3").value, ws.getCell("G3").value, ws.getCell("G3").numFmt]).toEqual(["A-1", 0.45, "0%"]);
    expect([ws.getCell("A4").value, ws.getCell("G4").value]).toEqual(["B-1", 2]);
  });
});

describe("progress and many files", () => {
  let dir: string;
  const names = Array.from({ length: 11 }, (_, i) => `m${i + 1}.xlsx`);
  beforeAll(async () => {
    dir = await tmpDir();
    for (const [i, n] of names.entries()) await writeFixture(path.join(dir, n), { goals: [goal(`M${i}-1`, { owner: `Owner ${i}` })] });
  });

  test("not a terminal: one counter line per file on stderr, never all files on one line", async () => {
    const r = await run(["consolidate", ...names.slice(0, 3), "--out", "p.xlsx", "--json"], { cwd: dir, progressDelayMs: 0 });
    expect(r.code).toBe(0);
    const lines = r.err.trimEnd().split("\n");
    const reading = lines.filter((l) => l.startsWith("Reading"));
    for (const l of reading) expect(l).toMatch(/^Reading [1-3]\/3 m[1-3]\.xlsx$/);
    expect(reading.slice(-2)).toEqual(["Reading 2/3 m2.xlsx", "Reading 3/3 m3.xlsx"]);
    expect(lines[lines.length - 1]).toBe("Writing p.xlsx …");
    expect((JSON.parse(r.out) as { goals: number }).goals).toBe(3);
  });

  test("a terminal: one bar redrawn in place, cleared at the end", async () => {
    const r = await run(["consolidate", ...names.slice(0, 3), "--out", "q.xlsx"], { cwd: dir, progressDelayMs: 0, tty: true });
    expect(r.code).toBe(0);
    expect(r.err).toContain("\r\x1b[KReading [################--------] 3/3 m3.xlsx");
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err.endsWith("\r\x1b[K")).toBe(true);
  });

  test("more than ten files: the text output gives totals, --json every file", async () => {
    const r = await run(["consolidate", ...names, "--out", "all.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Read 11 files: 11 goals, 0 check-ins (--json lists them file by file).");
    const j = await runJson<Result>(["consolidate", ...names, "--out", "all.xlsx"], { cwd: dir });
    expect(j.json.files.map((f) => f.file)).toEqual(names);
  });
});
