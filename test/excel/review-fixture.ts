/** A small review workbook for the review-cycle tests: one Goals table with every column, CheckIns, the metadata sheet. */
import { ExcelHost, ExcelHostOptions, HostProtectionError } from "../../src/excel-host";
import { CycleState } from "../../src/core/meta";
import { INPUT_COLUMNS } from "../../src/core/columns";
import { ensureMetaSheet } from "../../src/excel/meta";
import { refresh } from "../../src/excel/refresh";
import { changeState } from "../../src/excel/review";
import { writeScorecardsSheet } from "../../src/excel/scorecards";
import { newHost } from "./fixtures";

export const NOW = new Date("2026-03-01T09:30:00.000Z");
export const ACTOR = "Dana Reyes";
export const REASON = "Calibration showed a data error";

export const GOAL_HEADERS = [...INPUT_COLUMNS.map((c) => c.header), "Progress", "Score", "Status", "Rolled Up", "SMART", "My notes"];
// ID, Title, Type, Level, Parent ID, Owner, Weight, Unit, Direction, Baseline, Threshold, Target, Stretch, Actual, Start, Due, Cycle, Data Source, Rollup, Comment
export const GOAL_ROWS: (string | number | boolean | null)[][] = [
  [
    "G-1",
    "Grow revenue",
    "Objective",
    "Company",
    "",
    "Ana Lima",
    1,
    "USD",
    "Increase",
    100,
    "",
    200,
    "",
    150,
    "2026-01-01",
    "2026-12-31",
    "2026",
    "ERP",
    "Weighted",
    "",
    "",
    "",
    "",
    "",
    "",
    "board",
  ],
  [
    "g-2",
    "Cut churn",
    "Key Result",
    "Team",
    "G-1",
    "Sam Okafor",
    0.6,
    "%",
    "Decrease",
    0.12,
    "",
    0.08,
    "",
    0.1,
    "2026-01-01",
    "2026-06-30",
    "2026-H1",
    "Support",
    "",
    "on plan",
    "",
    "",
    "",
    "",
    "",
    "",
  ],
  [
    "G-3",
    "Launch portal",
    "Key Result",
    "Individual",
    "G-1",
    "Ana Lima",
    0.4,
    "",
    "Milestone",
    "",
    "",
    1,
    "",
    "",
    "2026-01-01",
    "2026-09-30",
    "2026",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "x",
  ],
];
export const CHECKIN_HEADERS = ["Goal ID", "Date", "Value", "Confidence", "Comment"];
export const CHECKIN_ROWS: (string | number | null)[][] = [
  ["G-1", "2026-02-01", 120, 0.8, "first"],
  ["G-3", "2026-02-15", 0, "", ""],
];

export function lastCol(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The workbook in Draft, computed columns filled. */
export async function seedReview(options: { atomicSyncs?: boolean; checkIns?: boolean; host?: ExcelHostOptions } = {}): Promise<ExcelHost> {
  const host = newHost({ ...options.host, atomicSyncs: options.atomicSyncs ?? true, today: () => new Date("2026-06-30T00:00:00Z") });
  host.addSheet("Goals");
  host.setValues("Goals", "A1", [GOAL_HEADERS, ...GOAL_ROWS.map((r) => r.map((v) => (v === null ? "" : v)))]);
  host.addTable("Goals", `A1:${lastCol(GOAL_HEADERS.length)}${GOAL_ROWS.length + 1}`, "Goals");
  if (options.checkIns !== false) {
    host.addSheet("CheckIns");
    host.setValues("CheckIns", "A1", [CHECKIN_HEADERS, ...CHECKIN_ROWS.map((r) => r.map((v) => (v === null ? "" : v)))]);
    host.addTable("CheckIns", `A1:E${CHECKIN_ROWS.length + 1}`, "CheckIns");
  }
  await host.run(async (ctx) => {
    await ensureMetaSheet(ctx);
    await refresh(ctx);
  });
  return host;
}

/** Moves a seeded workbook forward to `state`. */
export async function advanceTo(host: ExcelHost, state: CycleState, password?: string): Promise<void> {
  const order: CycleState[] = ["Active", "Data locked", "In review", "Closed"];
  for (const to of order.slice(0, order.indexOf(state) + 1)) {
    await host.run((ctx) => changeState(ctx, { to, actor: ACTOR, password, now: NOW }));
  }
}

/** Draft workbook with a Scorecards sheet (GOAL.SCORECARD and GOAL.ROLLUP spills) and a GOAL formula in a user column. */
export async function seedWithFormulas(options: { atomicSyncs?: boolean } = {}): Promise<ExcelHost> {
  const host = await seedReview(options);
  host.setCell("Goals", "Z2", "=GOAL.PROGRESS([@Actual],[@Target],[@Baseline])");
  await host.run((ctx) => writeScorecardsSheet(ctx));
  return host;
}

/** Whether a direct edit (as a user typing into the host) is let through by sheet protection. */
export function canType(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof HostProtectionError) return false;
    throw e;
  }
}
