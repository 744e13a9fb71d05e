/**
 * `init --out FILE` (cli.md): a ready-to-use workbook; and the round trip: init
 * writes it, the test fills it as a person would, `score` reads it.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Worksheet } from "exceljs";
import { AUDIT_COLUMNS } from "../../src/core/meta";
import { HEADERS, load, run, runJson, sha, tmpDir, utc } from "./helpers";

interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string }[];
}

function table(ws: Worksheet, name: string): TableModel {
  return (ws as unknown as { tables: Record<string, { table: TableModel }> }).tables[name].table;
}

function validation(ws: Worksheet, range: string): { type: string; formulae: unknown[] } | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model[range];
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});

test("writes Goals (the twenty columns, validation lists, formats), CheckIns, and the very hidden metadata sheet", async () => {
  const r = await run(["init", "--out", "goals.xlsx"], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  expect(r.out).toMatch(/^Wrote goals\.xlsx: /);
  const wb = await load(path.join(dir, "goals.xlsx"));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ["Goals", "visible"],
    ["CheckIns", "visible"],
    ["_GoalScorecards", "veryHidden"],
  ]);
  const goals = wb.getWorksheet("Goals") as Worksheet;
  const t = table(goals, "Goals");
  expect(t.columns.map((c) => c.name)).toEqual(HEADERS);
  expect(t.tableRef).toBe("A1:T2");
  expect(validation(goals, "C2:C1002")).toMatchObject({ type: "list", formulae: ['"Objective,Key Result,KPI,Performance,Development"'] });
  expect(validation(goals, "D2:D1002")).toMatchObject({ type: "list", formulae: ['"Company,Department,Team,Individual"'] });
  expect(validation(goals, "I2:I1002")).toMatchObject({ type: "list", formulae: ['"Increase,Decrease,At least,At most,Milestone"'] });
  expect(validation(goals, "S2:S1002")).toMatchObject({ type: "list", formulae: ['"Weighted,Worst,Sum,Own"'] });
  // The lists reach 1,000 rows below the table (the CLI's reader keeps a range as one entry).
  expect(validation(goals, "G2:G1002")).toMatchObject({ type: "decimal", formulae: [0] });
  expect(goals.getColumn(7).numFmt).toBe("0%");
  expect(goals.getColumn(15).numFmt).toBe("yyyy-mm-dd");
  expect(goals.getColumn(16).numFmt).toBe("yyyy-mm-dd");
  expect(goals.getColumn(17).numFmt).toBe("@"); // Cycle: "2026-01" stays text, not a date
  const checkIns = wb.getWorksheet("CheckIns") as Worksheet;
  expect(table(checkIns, "CheckIns").columns.map((c) => c.name)).toEqual(["Goal ID", "Date", "Value", "Confidence", "Comment"]);
  expect(checkIns.getColumn(2).numFmt).toBe("yyyy-mm-dd");
  expect(checkIns.getColumn(4).numFmt).toBe("0%");
  const meta = wb.getWorksheet("_GoalScorecards") as Worksheet;
  expect(table(meta, "GoalMeta").columns.map((c) => c.name)).toEqual(["Key", "Value"]);
  expect(table(meta, "GoalAudit").columns.map((c) => c.name)).toEqual([...AUDIT_COLUMNS]);
  const kv = new Map<string, unknown>();
  for (let r = 2; r <= 12; r++) kv.set(meta.getCell(r, 1).text, meta.getCell(r, 2).value);
  expect(kv.get("schema")).toBe(1);
  expect(kv.get("cycle.state")).toBe("Draft");
  expect(kv.get("seal.hash")).toBeNull();
  // The same starting settings as a workbook the task pane creates (docs/taskpane.md, rule A4).
  const settings = new Map<string, unknown>();
  meta.eachRow((row) => settings.set(row.getCell(1).text, row.getCell(2).value));
  expect(settings.get("setting.maxWeightShare")).toBe(0.7);
  // An empty audit log and no goals: verify says "not sealed", score says "no goals yet".
  const v = await runJson<{ sealed: boolean; audit: { entries: number; intact: boolean } }>(["verify", "goals.xlsx"], { cwd: dir });
  expect(v.code).toBe(1);
  expect(v.json).toMatchObject({ sealed: false, audit: { entries: 0, intact: true } });
  const s = await run(["score", "goals.xlsx"], { cwd: dir });
  expect(s.code).toBe(0);
  expect(s.out).toContain("No goals yet");
});

test("never overwrites a file", async () => {
  await fs.writeFile(path.join(dir, "precious.xlsx"), "keep me");
  const before = await sha(path.join(dir, "precious.xlsx"));
  const r = await run(["init", "--out", "precious.xlsx"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.err).toBe("goal-scorecards: precious.xlsx: already exists; init never overwrites a file, choose another name\n");
  expect(await sha(path.join(dir, "precious.xlsx"))).toBe(before);
  const noDir = await run(["init", "--out", "no/such/dir/x.xlsx"], { cwd: dir });
  expect(noDir.code).toBe(2);
  expect(noDir.err).toBe("goal-scorecards: no/such/dir/x.xlsx: cannot be written: its folder does not exist\n");
});

test("round trip: init, fill the table as a person would, score reads it", async () => {
  await run(["init", "--out", "trip.xlsx"], { cwd: dir });
  const file = path.join(dir, "trip.xlsx");
  const wb = await load(file);
  const ws = wb.getWorksheet("Goals") as Worksheet;
  const rows: unknown[][] = [
    [
      "G-0001",
      "Grow annual recurring revenue",
      "Objective",
      "Company",
      null,
      "Dana Reyes",
      1,
      "USD",
      "Increase",
      100,
      null,
      200,
      null,
      null,
      utc("2026-01-01"),
      utc("2026-12-31"),
      "2026",
      "Finance ledger, monthly close",
      null,
      null,
    ],
    [
      "G-0002",
      "Win new enterprise customers",
      "Key Result",
      "Department",
      "G-0001",
      "Sam Ito",
      0.5,
      "count",
      "Increase",
      0,
      null,
      20,
      null,
      10,
      utc("2026-01-01"),
      utc("2026-12-31"),
      "2026",
      "CRM closed-won report",
      null,
      null,
    ],
    [
      "G-0003",
      "Cut customer churn rate",
      "Key Result",
      "Department",
      "G-0001",
      "Sam Ito",
      0.5,
      "%",
      "Decrease",
      0.1,
      null,
      0.05,
      null,
      { formula: "0.09", result: 0.09 },
      utc("2026-01-01"),
      utc("2026-12-31"),
      "2026",
      "Billing system cancellations",
      null,
      null,
    ],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(2 + i, c + 1).value = v as never)));
  const t = table(ws, "Goals");
  t.tableRef = "A1:T4";
  t.autoFilterRef = "A1:T4";
  const ci = wb.getWorksheet("CheckIns") as Worksheet;
  [["G-0001", utc("2026-06-01"), 130, 0.7, "May close"]].forEach((r, i) => r.forEach((v, c) => (ci.getCell(2 + i, c + 1).value = v as never)));
  await wb.xlsx.writeFile(file);

  const { code, json } = await runJson<{ goals: Record<string, unknown>[]; scorecards: Record<string, unknown>[]; findings: { goal: string; cell: string }[] }>(
    ["score", "trip.xlsx", "--as-of", "2026-06-30"],
    { cwd: dir },
  );
  expect(code).toBe(0);
  expect(json.goals.map((g) => [g.id, g.type])).toEqual([
    ["G-0001", "Objective"],
    ["G-0002", "Key Result"],
    ["G-0003", "Key Result"],
  ]);
  // G-0001's Actual is blank: the check-in's 130 counts; G-0003's formula gives its cached 0.09.
  expect(json.goals.map((g) => g.progress as number).map((p) => Math.round(p * 1e9) / 1e9)).toEqual([0.3, 0.5, 0.2]);
  // The objective rolls up its two children (weights 0.5 / 0.5).
  expect(json.goals[0].rolledUp).toBeCloseTo(0.35, 10);
  expect(json.scorecards.map((c) => c.group)).toEqual(["Dana Reyes", "Sam Ito"]);
  for (const f of json.findings) expect(f.cell ?? "Goals!").toMatch(/^Goals!/);
});
