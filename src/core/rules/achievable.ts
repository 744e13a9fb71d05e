/**
 * A — Achievable (smart.md): A1 a Target on the right side of the Baseline, and a
 * Threshold and Stretch on the right sides of the Target; A2 a Target within the ambition
 * limit of the Baseline; A3 a trend of the check-ins that reaches the Target.
 * (A4, a weight that counts for nothing or too much, is with the weight rules.)
 */
import { Direction } from "../columns";
import { Day, isoDay } from "../dates";
import { messageNumber as fmt } from "../findings";
import { History, historyTrend, numericCheckIns } from "../history";
import { Goal } from "../model";
import { Settings } from "../settings";
import { FindingSink, Problem, RowContext, finding } from "./finding";

export const ACHIEVABLE_MESSAGES = {
  A1: {
    increase: (t: number, base: number) => `Target ${fmt(t)} is not above Baseline ${fmt(base)} for Increase; raise the Target or set Direction to Decrease`,
    decrease: (t: number, b: number) => `Target ${fmt(t)} is not below Baseline ${fmt(b)} for Decrease; lower the Target or set Direction to Increase`,
    threshold: (th: number, t: number, dir: "Increase" | "Decrease") => {
      const side = dir === "Decrease" ? "above" : "below";
      return `Threshold ${fmt(th)} is not ${side} Target ${fmt(t)} for ${dir}; move the Threshold ${side} the Target`;
    },
    stretch: (s: number, t: number, dir: "Increase" | "Decrease") => {
      const beyond = dir === "Decrease" ? "below" : "above";
      return `Stretch ${fmt(s)} is not ${beyond} Target ${fmt(t)} for ${dir}; move the Stretch ${beyond} the Target or clear it`;
    },
  },
  A2: (target: number, stretch: number, baseline: number, limit: number) =>
    `Target ${fmt(target)} is ${Math.round(stretch * 100)}% away from Baseline ${fmt(baseline)} (limit ${Math.round(limit * 100)}%); check that it is achievable`,
  A3: (y: number, due: Day, way: number, target: number) =>
    `At the current trend the goal reaches ${fmt(y)} by ${isoDay(due)}, ${Math.round(way * 100)}% of the way to Target ${fmt(target)}; review the plan or the Target`,
} as const;

/** A1 for Increase and Decrease: the Target beyond the Baseline (a blank Baseline counts as 0 for Increase). */
export function targetSideProblem(dir: Direction, target: number, baseline: number | null): Problem | null {
  if (dir === "Increase") {
    const base = baseline ?? 0;
    return target <= base ? { code: "A1", field: "target", message: ACHIEVABLE_MESSAGES.A1.increase(target, base) } : null;
  }
  if (dir === "Decrease" && baseline !== null && target >= baseline)
    return { code: "A1", field: "target", message: ACHIEVABLE_MESSAGES.A1.decrease(target, baseline) };
  return null;
}

/**
 * A1 for the payout curve of Increase and Decrease (mirrored): Threshold short of the
 * Target, Stretch beyond it; null when they are fine or not set.
 */
export function payoutCurveProblem(direction: Direction, threshold: number | null, target: number, stretch: number | null): Problem | null {
  if (direction !== "Increase" && direction !== "Decrease") return null;
  const neg = direction === "Decrease" ? -1 : 1;
  const t = neg * target;
  if (threshold !== null && neg * threshold >= t)
    return { code: "A1", field: "threshold", message: ACHIEVABLE_MESSAGES.A1.threshold(threshold, target, direction) };
  if (stretch !== null && neg * stretch <= t) return { code: "A1", field: "stretch", message: ACHIEVABLE_MESSAGES.A1.stretch(stretch, target, direction) };
  return null;
}

/** A1 for a goal row, Increase and Decrease only (for the other directions Threshold and Stretch play no part). */
export function targetSides(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  const dir = ctx.direction;
  if (goal.target === null || (dir !== "Increase" && dir !== "Decrease")) return;
  // A Decrease goal without a Baseline is M3's: A1 is not judged then.
  if (dir === "Decrease" && goal.baseline === null) return;
  const problem = targetSideProblem(dir, goal.target, goal.baseline) ?? payoutCurveProblem(dir, goal.threshold, goal.target, goal.stretch);
  if (problem) sink.add(goal.index, finding(goal, "A1", "fail", problem.field, problem.message));
}

/** A2: the Target is more than the ambition limit away from a (non-zero) Baseline. */
export function ambition(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (goal.target === null || goal.baseline === null || goal.baseline === 0) return;
  const stretch = Math.abs(goal.target - goal.baseline) / Math.abs(goal.baseline);
  if (stretch > ctx.settings.ambitionLimit)
    sink.add(goal.index, finding(goal, "A2", "warn", "target", ACHIEVABLE_MESSAGES.A2(goal.target, stretch, goal.baseline, ctx.settings.ambitionLimit)));
}

/**
 * A3: with three numeric check-ins or more, the least-squares trend read at Due falls short
 * of `trendShortfall` of the way from Baseline (0 for Increase) to Target. `target` and
 * `baseline` are NaN where blank.
 */
export function trend(
  goal: Goal,
  dir: Direction,
  due: Day | null,
  target: number,
  baseline: number,
  history: History,
  settings: Settings,
  sink: FindingSink,
): void {
  if ((dir !== "Increase" && dir !== "Decrease") || Number.isNaN(target) || due === null) return;
  const i = goal.index;
  if (numericCheckIns(history, i) < 3) return;
  const base = !Number.isNaN(baseline) ? baseline : dir === "Increase" ? 0 : null;
  if (base === null || target === base) return;
  const y = historyTrend(history, i, due);
  if (y === null) return;
  const way = (y - base) / (target - base);
  if (way < settings.trendShortfall) sink.add(i, finding(goal, "A3", "warn", "target", ACHIEVABLE_MESSAGES.A3(y, due, way, target)));
}
