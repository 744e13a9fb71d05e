/** The Scorecards chart follows the GOAL.SCORECARD spill as owners come and go. */
import { convert } from "../../src/excel/convert";
import { refresh } from "../../src/excel/refresh";
import { SCORECARDS_CHART, SCORECARDS_SHEET, writeScorecardsSheet } from "../../src/excel/scorecards";
import { ExcelHost, installGlobals } from "../../src/excel-host";
import { newHost } from "./fixtures";

const HEADER = ["ID", "Title", "Owner", "Level", "Target", "Actual", "Weight"];

async function seeded(owners: string[]): Promise<ExcelHost> {
  const host = newHost();
  host.addSheet("Goals");
  host.setValues("Goals", "A1", [HEADER, ...owners.map((o, i) => [`G-${i + 1}`, `Goal ${i + 1}`, o, i % 2 ? "Team" : "Individual", 100, 10 * (i + 1), 1])]);
  await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
  return host;
}

/** Rows the GOAL.SCORECARD formula in A4 spills into, as the sheet shows them. */
function spillRows(host: ExcelHost): number {
  const a = host.getValues(SCORECARDS_SHEET, "A4:A200");
  const n = a.findIndex(([v]) => v === "");
  return n < 0 ? a.length : n;
}

function chartSource(host: ExcelHost): string | undefined {
  return host.sheet(SCORECARDS_SHEET)?.charts[0]?.source;
}

/** A new goal typed by the user in the row below the table (the table grows). */
function addGoal(host: ExcelHost, id: string, owner: string): void {
  const rows = host.table("Goals")?.rowCount ?? 0;
  host.setValues("Goals", `A${rows + 2}`, [[id, `Goal ${id}`, owner, "Team", 100, 40, 1]]);
}

test("more owners: after a refresh the chart's source covers every spilled row", async () => {
  const host = await seeded(["Dana", "Sam"]);
  await host.run((ctx) => writeScorecardsSheet(ctx));
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B${3 + spillRows(host)}`);
  addGoal(host, "G-10", "Ana");
  addGoal(host, "G-11", "Lee");
  addGoal(host, "G-12", "Kim");
  // A goal joins the sheet when a refresh has given it a Status, as it joins the task pane.
  expect(spillRows(host)).toBe(2);
  await host.run((ctx) => refresh(ctx));
  expect(spillRows(host)).toBe(5);
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B8`);
  expect(host.sheet(SCORECARDS_SHEET)?.format("B8").numberFormat).toBe("0%");
});

test("fewer owners: the chart shrinks with the spill", async () => {
  const host = await seeded(["Dana", "Sam", "Ana"]);
  await host.run((ctx) => writeScorecardsSheet(ctx));
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B6`);
  host.setCell("Goals", "C4", "Dana");
  await host.run((ctx) => refresh(ctx));
  expect(spillRows(host)).toBe(2);
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B5`);
});

test("grouped by another column: the chart covers that spill, not the number of owners", async () => {
  const host = await seeded(["Dana", "Sam", "Ana", "Lee"]);
  await host.run((ctx) => writeScorecardsSheet(ctx, { groupBy: "Level" }));
  expect(spillRows(host)).toBe(2);
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B5`);
});

test("no Scorecards sheet: refresh sends no extra request", async () => {
  const with0 = await seeded(["Dana", "Sam"]);
  with0.stats.reset();
  await with0.run((ctx) => refresh(ctx));
  const plain = with0.stats.syncs;
  const with1 = await seeded(["Dana", "Sam"]);
  await with1.run((ctx) => writeScorecardsSheet(ctx));
  with1.stats.reset();
  await with1.run((ctx) => refresh(ctx));
  expect(with1.stats.syncs).toBe(plain + 2); // find the chart and the spill, then set the source
});

test("a protected Scorecards sheet, a deleted chart, a blocked spill: refresh still works and leaves the sheet alone", async () => {
  const host = await seeded(["Dana", "Sam"]);
  await host.run((ctx) => writeScorecardsSheet(ctx));
  addGoal(host, "G-10", "Ana");
  host.sheet(SCORECARDS_SHEET)?.protect();
  await host.run((ctx) => refresh(ctx));
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B5`);
  host.sheet(SCORECARDS_SHEET)?.unprotect();

  host.setCell(SCORECARDS_SHEET, "A6", "in the way"); // the third owner's row: the spill is blocked (#SPILL!)
  expect(host.getValue(SCORECARDS_SHEET, "A4")).toBe("#SPILL!");
  await host.run((ctx) => refresh(ctx));
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B5`);
  host.setCell(SCORECARDS_SHEET, "A6", "");

  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SCORECARDS_SHEET).charts.getItem(SCORECARDS_CHART).delete();
    await ctx.sync();
  });
  const r = await host.run((ctx) => refresh(ctx));
  expect(r.evaluation.goals).toHaveLength(3);
  expect(host.sheet(SCORECARDS_SHEET)?.charts).toEqual([]);
});

test("an Excel without ExcelApi 1.12 (no spills, no getSpillingToRange): the chart is left as written", async () => {
  const host = await seeded(["Dana", "Sam"]);
  await host.run((ctx) => writeScorecardsSheet(ctx));
  addGoal(host, "G-10", "Ana");
  const restore = installGlobals(host);
  const office = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported: (set: string, version?: string) => boolean } } } }).Office;
  const asked: string[] = [];
  office.context.requirements.isSetSupported = (set, version) => {
    asked.push(`${set} ${version ?? ""}`);
    return !(set === "ExcelApi" && Number(version) >= 1.12);
  };
  try {
    host.stats.reset();
    await host.run((ctx) => refresh(ctx));
  } finally {
    restore();
  }
  expect(asked).toContain("ExcelApi 1.12");
  expect(chartSource(host)).toBe(`${SCORECARDS_SHEET}!A3:B5`);
});
