/**
 * The engine end to end, as `refresh` runs it once the tables are loaded: the
 * goal and check-in tables (cells as Office.js hands them) → `workbookInputFromTables`
 * → `evaluate` (read, SMART rules, score, status, roll-up, scorecards); and the
 * floor, a bare loop over the same cells that reads each once and sums weighted scores.
 */
import { Evaluation, evaluate } from "../src/core/engine";
import { workbookInputFromTables } from "../src/core/tables";
import { GOAL_HEADERS, GeneratedWorkbook } from "./generate";

export function runEngine(wb: GeneratedWorkbook): Evaluation {
  const input = workbookInputFromTables([wb.goals], wb.checkIns, 1900);
  return evaluate(input, { asOf: wb.asOf, reviewCycle: wb.reviewCycle });
}

const W = GOAL_HEADERS.indexOf("Weight");
const B = GOAL_HEADERS.indexOf("Baseline");
const T = GOAL_HEADERS.indexOf("Target");
const A = GOAL_HEADERS.indexOf("Actual");

/**
 * The floor: every cell of both tables read once; Weight, Baseline, Target and Actual
 * taken when they are numbers, progress (A − B) / (T − B) clamped to 0–1, and the
 * weighted mean of it. No parsing, no rules, no links: what any engine must at least do.
 */
export function runFloor(wb: GeneratedWorkbook): number {
  let num = 0;
  let den = 0;
  let filled = 0;
  for (const row of wb.goals.rows) {
    let w = 1;
    let b = 0;
    let t = NaN;
    let a = NaN;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === "") continue;
      filled++;
      if (typeof v !== "number") continue;
      if (c === W) w = v;
      else if (c === B) b = v;
      else if (c === T) t = v;
      else if (c === A) a = v;
    }
    if (t !== t || a !== a || t === b) continue;
    let p = (a - b) / (t - b);
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    num += w * p;
    den += w;
  }
  for (const row of wb.checkIns.rows) for (let c = 0; c < row.length; c++) if (row[c] !== "") filled++;
  return den > 0 ? num / den + filled * 0 : filled;
}
