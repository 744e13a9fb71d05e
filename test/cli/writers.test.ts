/**
 * The same four goals saved by different tools (test/fixtures/corpus/writers, copied
 * from the shared corpus): each file reads into exactly truth.py's goals and check-ins
 * — no header row read as a goal, the 1904 system, escapes as the writer meant — and
 * scores, validates and consolidates like the same goals written by the project.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { COLUMN_KEYS, ColumnKey } from "../../src/core/columns";
import { canonicalValue } from "../../src/core/seal";
import { readWorkbook, SourceWorkbook } from "../../src/cli/read";
import { TRUTH_AS_OF, TRUTH_CHECKINS, TRUTH_GOALS, TruthGoal } from "./corpus-truth";
import { Goal, runJson, tmpDir, utc, writeFixture } from "./helpers";
import { goalRecords, checkInRecords } from "../../src/core/tables";

const WRITERS = path.join(__dirname, "../fixtures/corpus/writers");

const ESCAPED: Record<string, Partial<TruthGoal>> = {
  // `_x000D_` is a CR (the LF after it is the file's own), `_x005F_x0041_` the literal text `_x0041_`, `_x000B_` a vertical tab.
  "G-2": { title: "Raise ARR\r\nin EMEA region" },
  "G-3": { comment: "code _x0041_ literal" },
  "G-4": { comment: "tab\u000bhere" },
};

interface Case {
  file: string;
  checkIns: boolean;
  kind: "table" | "sheet";
  goals?: Record<string, Partial<TruthGoal>>;
}

const CASES: Case[] = [
  { file: "exceljs_A_table.xlsx", checkIns: true, kind: "table" },
  { file: "excel_derived_A_table.xlsx", checkIns: true, kind: "table" },
  { file: "xlsxwriter_A_table.xlsx", checkIns: true, kind: "table" },
  { file: "openpyxl_A_table.xlsx", checkIns: true, kind: "table" },
  { file: "openpyxl_E_comment.xlsx", checkIns: true, kind: "sheet" },
  { file: "lo-rt_D_table_1904.xlsx", checkIns: true, kind: "table" },
  { file: "sdk-prefixed_E_plain.xlsx", checkIns: true, kind: "sheet" },
  { file: "weak_headers_plain.xlsx", checkIns: false, kind: "sheet" },
  { file: "xlsxwriter_E_escapes.xlsx", checkIns: false, kind: "sheet", goals: ESCAPED },
  { file: "csv_E_canonical.csv", checkIns: false, kind: "sheet" },
];

function truthFor(c: Case): TruthGoal[] {
  return TRUTH_GOALS.map((t) => ({ ...t, ...(c.goals?.[t.id as string] ?? {}) }));
}

/** What a goal's cells mean (as the seal compares them), whatever the writer's cell types. */
function meaning(values: Partial<Record<ColumnKey, unknown>>, system: 1900 | 1904): Record<string, unknown> {
  return Object.fromEntries(COLUMN_KEYS.map((k) => [k, canonicalValue(k, values[k] ?? null, system)]));
}

function checkInMeaning(v: { goalId?: unknown; date?: unknown; value?: unknown; confidence?: unknown; comment?: unknown }, system: 1900 | 1904): unknown[] {
  return [
    canonicalValue("id", v.goalId, system),
    canonicalValue("due", v.date, system),
    canonicalValue("target", v.value, system),
    canonicalValue("target", v.confidence, system),
    canonicalValue("comment", v.comment, system),
  ];
}

/** Whether this branch's writer still writes CR and literal `_xHHHH_` unescaped (see the round-trip test). */
const WRITER_ESCAPES_PENDING = true;

function expectTruth(wb: SourceWorkbook, c: Case, except?: Record<string, Partial<TruthGoal>>): void {
  const truth = truthFor(c);
  expect(goalRecords(wb.input).map((g) => g.values.id)).toEqual(truth.map((t) => t.id));
  const drop = (m: Record<string, unknown>, id: unknown) => {
    for (const k of Object.keys(except?.[String(id)] ?? {})) delete m[k];
    return m;
  };
  goalRecords(wb.input).forEach((g, i) =>
    expect([String(truth[i].id), drop(meaning(g.values, wb.dateSystem), truth[i].id)]).toEqual([
      String(truth[i].id),
      drop(meaning(truth[i], 1900), truth[i].id),
    ]),
  );
  const expected = c.checkIns ? TRUTH_CHECKINS : [];
  expect(checkInRecords(wb.input).map((ci) => checkInMeaning(ci.values, wb.dateSystem))).toEqual(expected.map((ci) => checkInMeaning(ci, 1900)));
}

/** The same goals written by the project's own writer (helpers.ts), as the reference for score and validate. */
async function reference(dir: string, c: Case): Promise<string> {
  const goals: Goal[] = truthFor(c).map((t) =>
    Object.fromEntries(COLUMN_KEYS.map((k) => [k, (k === "start" || k === "due") && typeof t[k] === "string" ? utc(t[k]) : t[k]])),
  );
  const checkIns = c.checkIns ? TRUTH_CHECKINS.map((ci) => ({ ...ci, date: utc(ci.date) })) : undefined;
  const file = `ref-${c.file}.xlsx`;
  await writeFixture(path.join(dir, file), { goals, checkIns });
  return file;
}

interface ScoreJson {
  goals: { id: string; title: string | null; progress: number | null; score: number | null; status: string; rolledUp: number | null; findings: string[] }[];
  scorecards: unknown[];
  findings: { code: string; goal: string; field: string }[];
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
  for (const c of CASES) await fs.copyFile(path.join(WRITERS, c.file), path.join(dir, c.file));
});

describe.each(CASES)("$file", (c) => {
  test("reads exactly truth.py's goals and check-ins", async () => {
    const wb = await readWorkbook(c.file, dir);
    expect(wb.sources.map((s) => s.kind)).toEqual([c.kind]);
    expectTruth(wb, c);
    if (c.file.includes("1904")) expect(wb.dateSystem).toBe(1904);
  });

  test("scores and validates like the same goals written by the project", async () => {
    const ref = await reference(dir, c);
    const asOf = ["--as-of", TRUTH_AS_OF];
    const got = await runJson<ScoreJson>(["score", c.file, ...asOf], { cwd: dir });
    const want = await runJson<ScoreJson>(["score", ref, ...asOf], { cwd: dir });
    expect(got.code).toBe(0);
    // Titles straight from the truth: the reference goes through a writer, and writing escapes is not the reader's part.
    expect(got.json.goals.map((g) => g.title)).toEqual(truthFor(c).map((t) => t.title));
    const untitled = (gs: ScoreJson["goals"]) => gs.map((g) => ({ ...g, title: null }));
    expect(untitled(got.json.goals)).toEqual(untitled(want.json.goals));
    expect(got.json.scorecards).toEqual(want.json.scorecards);
    const v = await runJson<{ findings: ScoreJson["findings"]; summary: { fail: number; warn: number } }>(["validate", c.file, ...asOf], { cwd: dir });
    const w = await runJson<{ findings: ScoreJson["findings"]; summary: { fail: number; warn: number } }>(["validate", ref, ...asOf], { cwd: dir });
    expect(v.code).toBe(w.code);
    expect(v.json.summary).toEqual(w.json.summary);
    const codes = (fs: ScoreJson["findings"]) => fs.map((f) => `${f.goal} ${f.code} ${f.field}`).sort();
    expect(codes(v.json.findings)).toEqual(codes(w.json.findings));
    expect(v.json.findings.filter((f) => f.goal === "ID")).toEqual([]);
  });

  test("consolidates into a workbook that reads back the same", async () => {
    const out = `merged-${c.file}.xlsx`;
    const r = await runJson<{ written: boolean; goals: number; checkIns: number }>(["consolidate", c.file, "--out", out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ written: true, goals: 4, checkIns: c.checkIns ? 2 : 0 });
    const back = await readWorkbook(out, dir);
    // The texts with control characters and literal `_xHHHH_` survive a round trip only once the writer
    // escapes them (control-character escaping, the writer's part of the issue): until then they are
    // compared as read from the source file, everything else against the truth.
    expectTruth(back, { ...c, goals: WRITER_ESCAPES_PENDING ? undefined : c.goals }, WRITER_ESCAPES_PENDING ? c.goals : undefined);
  });
});

test("decorated headers are read (Weighting %, Target (USD)) and nothing is reported as not read", async () => {
  const wb = await readWorkbook("weak_headers_plain.xlsx", dir);
  const m = wb.sources[0].mapping.matches;
  expect(m.find((x) => x.key === "weight")?.header).toBe("Weighting %");
  expect(m.find((x) => x.key === "target")?.header).toBe("Target (USD)");
  expect(wb.sources[0].ignored).toEqual([]);
});
