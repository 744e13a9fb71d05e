/**
 * The worksheet functions as Excel calls them: per-call time of the row functions
 * (batches of calls over varied cell values, divided by the batch size) and whole
 * calls of the range functions over 50,000 rows.
 */
import * as F from "../src/functions/functions";
import { Cell, GOAL_HEADERS, GeneratedWorkbook } from "./generate";
import { Timing, perCall, time } from "./measure";

const col = (h: string): number => GOAL_HEADERS.indexOf(h);

export interface RowFunctionTiming {
  name: string;
  medianUs: number;
  minUs: number;
  calls: number;
}

/** Arguments of the row functions from a generated workbook's rows: numbers, text percentages, text dates, blanks. */
function rowArgs(
  wb: GeneratedWorkbook,
): { actual: Cell; target: Cell; baseline: Cell; direction: Cell; start: Cell; due: Cell; threshold: Cell; stretch: Cell }[] {
  const out = [];
  for (const row of wb.goals.rows) {
    if (row[col("Target")] === "") continue;
    out.push({
      actual: row[col("Actual")],
      target: row[col("Target")],
      baseline: row[col("Baseline")],
      direction: row[col("Direction")],
      start: row[col("Start")],
      due: row[col("Due")],
      threshold: row[col("Threshold")],
      stretch: row[col("Stretch")],
    });
  }
  return out;
}

export function benchRowFunctions(wb: GeneratedWorkbook, batch: number, batches: number): RowFunctionTiming[] {
  const args = rowArgs(wb);
  const k = args.length;
  const asOf = 46157; // 2026-05-15 as a serial, as =TODAY() hands it over
  const row = (i: number) => args[i % k];
  const progress = perCall(
    (i) => {
      const a = row(i);
      return F.progress(a.actual, a.target, a.baseline, a.direction);
    },
    batch,
    batches,
  );
  const score = perCall(
    (i) => {
      const a = row(i);
      return F.score(a.actual, a.target, a.baseline, a.direction, a.threshold, a.stretch);
    },
    batch,
    batches,
  );
  const status = perCall(
    (i) => {
      const a = row(i);
      return F.status(a.actual, a.target, a.baseline, a.direction, a.start, a.due, asOf);
    },
    batch,
    batches,
  );
  return [
    { name: "GOAL.PROGRESS", ...progress },
    { name: "GOAL.SCORE", ...score },
    { name: "GOAL.STATUS", ...status },
  ];
}

export interface RangeFunctionTiming extends Timing {
  name: string;
  rows: number;
  /** Cells in the result (a check that it ran). */
  resultRows: number;
}

/** GOAL.ROLLUP and GOAL.SCORECARD over the workbook's rows, as 2-D ranges. */
export function benchRangeFunctions(wb: GeneratedWorkbook, runs: number): RangeFunctionTiming[] {
  const rows = wb.goals.rows;
  const column = (h: string): Cell[][] => rows.map((r) => [r[col(h)]]);
  const ids = column("ID");
  const parents = column("Parent ID");
  const weights = column("Weight");
  const modes = rows.map((r) => [r[col("Rollup")] === "Sum" ? "" : r[col("Rollup")]]);
  const owners = column("Owner");
  // Scores as the Score column holds them: numbers, blanks and #N/A.
  const scores: Cell[][] = rows.map((_, i) => [i % 17 === 0 ? "" : i % 101 === 0 ? "#N/A" : ((i * 7919) % 1000) / 1000]);
  const rollup = time(() => F.rollup(ids, parents, scores, weights, modes), runs);
  const scorecard = time(() => F.scorecard(owners, scores, weights, ids, parents), runs);
  return [
    {
      name: "GOAL.ROLLUP",
      rows: rows.length,
      resultRows: rollup.last.length,
      medianMs: rollup.medianMs,
      minMs: rollup.minMs,
      maxMs: rollup.maxMs,
      runs: rollup.runs,
    },
    {
      name: "GOAL.SCORECARD",
      rows: rows.length,
      resultRows: scorecard.last.length,
      medianMs: scorecard.medianMs,
      minMs: scorecard.minMs,
      maxMs: scorecard.maxMs,
      runs: scorecard.runs,
    },
  ];
}
