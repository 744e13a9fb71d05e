/**
 * One truth (issue 15): every number and status the Scorecards sheet's formulas show equals
 * what the task pane (the engine) and the Goals table show, goal by goal and group by group:
 * blocked goals, Sum roll-ups, shares, alignment cycles, blank owners and empty rows included.
 * The sheet is written into the in-memory host, whose formulas run the GOAL.* functions.
 */
import fc from "fast-check";
import { computedValue, refresh } from "../../src/excel/refresh";
import { convert } from "../../src/excel/convert";
import { SCORECARDS_SHEET, writeScorecardsSheet } from "../../src/excel/scorecards";
import { loadWorkbook } from "../../src/excel/workbook";
import { Evaluation } from "../../src/core/engine";
import { Scorecard } from "../../src/core/scorecard";
import { ExcelHost } from "../../src/excel-host";
import { groupOptions, scorecardsBy } from "../../src/taskpane/logic/workbookView";
import { loadSample } from "../../src/preview/sample";
import { newHost } from "./fixtures";

type Shown = ReturnType<ExcelHost["getValue"]>;

/** The rows a spill anchored at `col`4 fills, `width` columns wide. */
function spill(host: ExcelHost, col: string, width: number): Shown[][] {
  const last = String.fromCharCode(col.charCodeAt(0) + width - 1);
  const rows = host.getValues(SCORECARDS_SHEET, `${col}4:${last}400`);
  const n = rows.findIndex((r) => r.every((v) => v === ""));
  return n < 0 ? rows : rows.slice(0, n);
}

/** The Goals table's cells, by header. */
function tableRows(host: ExcelHost, name = "Goals"): Record<string, Shown>[] {
  const t = host.table(name);
  if (!t) throw new Error(`no table ${name}`);
  const address = t.address.includes("!") ? t.address.slice(t.address.indexOf("!") + 1) : t.address;
  const [head, ...body] = host.getValues(t.sheet, address);
  return body.map((row) => Object.fromEntries(head.map((h, j) => [String(h), row[j]])));
}

function expectNumber(shown: Shown, want: number, what: string): void {
  if (typeof shown !== "number" || Math.abs(shown - want) > 1e-9) throw new Error(`${what}: the sheet shows ${String(shown)}, the task pane ${want}`);
}

/** A number or no data (#N/A) on the sheet against the engine's value. */
function expectValue(shown: Shown, want: number | null, what: string): void {
  if (want === null) {
    if (shown !== "#N/A") throw new Error(`${what}: the sheet shows ${String(shown)}, the task pane no data`);
  } else expectNumber(shown, want, what);
}

/** The GOAL.SCORECARD block against the pane's scorecards: same groups, same order, same figures. */
function expectScorecards(host: ExcelHost, cards: readonly Scorecard[]): void {
  const rows = spill(host, "A", 4);
  expect(rows.map((r) => r[0])).toEqual(cards.map((c) => c.group));
  cards.forEach((c, k) => {
    const [, score, weightTotal, completeness] = rows[k];
    expectValue(score, c.score, `score of ${c.group}`);
    expectNumber(weightTotal, c.weightTotal, `weight total of ${c.group}`);
    expectValue(completeness, c.completeness, `completeness of ${c.group}`);
  });
}

/** The cascade view against the pane's goals and the Goals table, goal by goal. */
function expectCascade(host: ExcelHost, ev: Evaluation, tables: readonly string[] = ["Goals"]): void {
  const rows = spill(host, "F", 5);
  const table = tables.flatMap((t) => tableRows(host, t)).filter((r) => r["Status"] !== "");
  expect(rows).toHaveLength(ev.goals.length);
  expect(table).toHaveLength(ev.goals.length);
  ev.goals.forEach((g, i) => {
    const [id, , , rolledUp, status] = rows[i];
    const what = `goal ${g.id ?? `#${i}`}`;
    expect(id).toBe(g.id ?? "");
    // The Goals table shows the engine's values…
    const cell = table[i]["Rolled Up"];
    expect(cell).toBe(computedValue("Rolled Up", g));
    expect(table[i]["Status"]).toBe(computedValue("Status", g));
    // … and so does the sheet: a blocked goal is an error (never a number), no data #N/A.
    if (g.blocked) {
      if (rolledUp !== "#VALUE!") throw new Error(`${what} is blocked in the task pane; the sheet shows ${String(rolledUp)}`);
      expect(String(status)).toMatch(/^Blocked \(/);
    } else expectValue(rolledUp, g.rolledUp, `Rolled Up of ${what}`);
    expect(status).toBe(computedValue("Status", g));
  });
}

// ---------------------------------------------------------------- the sample

async function sampleHost(): Promise<{ host: ExcelHost; ev: Evaluation }> {
  const host = newHost();
  await loadSample(host);
  const result = await host.run((ctx) => convert(ctx, { source: { kind: "sheet" }, overrides: [{ source: 7, key: "unit" }] }));
  return { host, ev: result.refresh.evaluation };
}

describe("the sample workbook", () => {
  test("the Scorecards sheet shows what the task pane and the Goals table show", async () => {
    const { host, ev } = await sampleHost();
    await host.run((ctx) => writeScorecardsSheet(ctx));
    expectScorecards(host, ev.scorecards);
    expectCascade(host, ev);
    // The user's report: no (blank) owner from the empty row, C-1 at 61%, D-C1 blocked.
    expect(spill(host, "A", 1).flat()).not.toContain("(blank)");
    const rows = spill(host, "F", 5);
    const c1 = rows.find((r) => r[0] === "C-1") as Shown[];
    expect(Math.round((c1[3] as number) * 100)).toBe(61);
    const dc1 = rows.find((r) => r[0] === "D-C1") as Shown[];
    expect(dc1[3]).toBe("#VALUE!");
    expect(dc1[4]).toMatch(/^Blocked/);
  });

  test("grouped by Level: Team and team are one group, on the sheet as in the task pane", async () => {
    const { host, ev } = await sampleHost();
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    const level = groupOptions(wb).find((o) => o.header === "Level");
    if (!level) throw new Error("no Level option");
    const cards = scorecardsBy(wb, ev, level, ev.asOf);
    expect(cards.map((c) => c.group)).toEqual(["Company", "Department", "Team", "Individual"]);
    const r = await host.run((ctx) => writeScorecardsSheet(ctx, { groupBy: "Level" }));
    expect(r.scorecardFormula).toBe('=GOAL.SCORECARD(Goals[Level],Goals[Rolled Up],Goals[Weight],Goals[ID],Goals[Parent ID],Goals[Status],"Level")');
    expectScorecards(host, cards);
    // The pane's notice counts the groups the sheet shows.
    expect(r.groups).toBe(4);
  });
});

// ---------------------------------------------------------------- random workbooks

const HEADER = ["ID", "Title", "Owner", "Level", "Parent ID", "Weight", "Rollup", "Direction", "Baseline", "Threshold", "Target", "Actual", "Start", "Due"];

interface RandomGoal {
  owner: string;
  level: string;
  /** Parents by index into the goals (any index: cycles happen), or an unknown ID. */
  parents: { to: number | "unknown"; share: number | null }[];
  weight: string | number;
  rollup: string;
  direction: string;
  baseline: number | "";
  threshold: number | "";
  target: number | "";
  actual: number | "";
  duplicateId: boolean;
}

const goalArb: fc.Arbitrary<RandomGoal> = fc.record({
  owner: fc.constantFrom("Ana", "ana", " Ana ", "Ben", "BEN", "Chen  Wei", "chen wei", ""),
  level: fc.constantFrom("Team", "team", " TEAM", "Individual", "Department", "dept", "", "Squad"),
  parents: fc.array(
    fc.record({ to: fc.oneof(fc.nat(11), fc.constant("unknown" as const)), share: fc.option(fc.constantFrom(0.3, 0.5, 0.6, 0.7, 1), { nil: null }) }),
    { maxLength: 2 },
  ),
  weight: fc.oneof(fc.constant(""), fc.constantFrom(0, 1, 2, 40, 60, 100, 0.25), fc.constant(-5), fc.constant("lots")),
  rollup: fc.constantFrom("", "", "Weighted", "Worst", "Sum", "sum", "Own", "Average"),
  direction: fc.constantFrom("", "", "", "Decrease", "At least", "At most"),
  baseline: fc.constantFrom("" as const, 0, 10, 50),
  threshold: fc.constantFrom("" as const, "" as const, 20, 60),
  target: fc.constantFrom("" as const, 0, 50, 100, 120),
  actual: fc.constantFrom("" as const, 0, 25, 50, 75, 100, 130),
  duplicateId: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});

const workbookArb = fc.record({
  goals: fc.array(goalArb, { minLength: 1, maxLength: 12 }),
  /** Where empty rows go (positions among the goals). */
  blankRows: fc.array(fc.nat(12), { maxLength: 2 }),
  /** Goals from this one on go to a second goal table (Goals_Sales), when it is inside the list. */
  split: fc.oneof(fc.constant(0), fc.nat(12)),
});

function idOf(i: number): string {
  return `G-${i + 1}`;
}

function sheetRows(wbArb: { goals: RandomGoal[]; blankRows: number[] }): (string | number)[][] {
  const n = wbArb.goals.length;
  const rows: (string | number)[][] = wbArb.goals.map((g, i) => {
    const parents = g.parents
      .map((p) => (p.to === "unknown" ? "X-99" : idOf(p.to % n)) + (p.share === null ? "" : `=${Math.round(p.share * 100)}%`))
      .join("; ");
    const id = g.duplicateId && i > 0 ? idOf(i - 1) : idOf(i);
    return [
      id,
      `Goal number ${i + 1} for the test`,
      g.owner,
      g.level,
      parents,
      g.weight,
      g.rollup,
      g.direction,
      g.baseline,
      g.threshold,
      g.target,
      g.actual,
      "2026-01-01",
      "2026-12-31",
    ];
  });
  const blank = HEADER.map(() => "");
  for (const at of [...wbArb.blankRows].sort((a, b) => b - a)) rows.splice(Math.min(at, rows.length - 1) + 1, 0, blank);
  return rows;
}

/** What a random workbook exercised, so that the property cannot pass on easy workbooks only. */
const seen = { blockedParent: 0, sumFromChildren: 0, cycle: 0, shares: 0, blankOwner: 0, emptyRow: 0, mergedGroup: 0, twoTables: 0 };

function tally(ev: Evaluation, wbArb: { goals: RandomGoal[]; blankRows: number[] }, cards: readonly Scorecard[]): void {
  if (ev.goals.some((g) => g.blocked && g.children.length > 0)) seen.blockedParent++;
  if (ev.goals.some((g) => g.rollupMode === "Sum" && g.children.some((c) => ev.goals[c].actual !== null) && !g.blocked)) seen.sumFromChildren++;
  if (ev.cycles.length > 0) seen.cycle++;
  if (wbArb.goals.some((g) => g.parents.some((p) => p.share !== null))) seen.shares++;
  if (cards.some((c) => c.group === "(blank)")) seen.blankOwner++;
  if (wbArb.blankRows.length > 0) seen.emptyRow++;
  if (new Set(wbArb.goals.map((g) => g.owner)).size > new Set(cards.map((c) => c.group)).size) seen.mergedGroup++;
}

describe("random workbooks", () => {
  afterAll(() => {
    for (const [what, count] of Object.entries(seen)) if (count === 0) throw new Error(`no random workbook had ${what}`);
  });
  test("every number and status on the Scorecards sheet equals the task pane's and the Goals table's", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, fc.constantFrom("Owner", "Level", "Direction"), async (wbArb, groupBy) => {
        const host = newHost();
        const rows = sheetRows(wbArb);
        // Each table needs a goal (a sheet of empty rows is not converted).
        const cut = wbArb.split > 0 && rows.slice(wbArb.split).some((row) => row[0] !== "") ? wbArb.split : rows.length;
        host.addSheet("Goals");
        host.setValues("Goals", "A1", [HEADER, ...rows.slice(0, cut)]);
        await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
        if (cut < rows.length) {
          host.addSheet("Sales");
          host.setValues("Sales", "A1", [HEADER, ...rows.slice(cut)]);
          await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Sales" } }));
        }
        const r = await host.run((ctx) => refresh(ctx));
        const ev = r.evaluation;
        const wb = await host.run((ctx) => loadWorkbook(ctx));
        const option = groupOptions(wb).find((o) => o.header === groupBy);
        if (!option) throw new Error(`no option ${groupBy}`);
        const written = await host.run((ctx) => writeScorecardsSheet(ctx, { groupBy }));
        const cards = scorecardsBy(wb, ev, option, ev.asOf);
        expect(written.groups).toBe(cards.length);
        tally(ev, wbArb, cards);
        expectScorecards(host, cards);
        const tables = wb.goalTables.map((t) => t.name);
        if (tables.length > 1) seen.twoTables++;
        expectCascade(host, ev, tables);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
