/**
 * M — Measurable (smart.md): M1 a Target to reach, M2 a Unit, M3 a Baseline, M4 a Data
 * Source; and U1, a Sum roll-up over children measured in another Unit.
 */
import { Direction } from "../columns";
import { quote } from "../findings";
import { Goal } from "../model";
import { FlatLinks } from "../rollup";
import { looseText } from "../text";
import { FindingSink, Problem, RowContext, finding, isInvalid } from "./finding";

export const MEASURABLE_MESSAGES = {
  M1: {
    blank: () => "Target is blank; enter the number to reach",
    notNumber: (text: string) => `Target ${quote(text)} is not a number; enter the number to reach`,
    level: (dir: "At least" | "At most") => `Target is blank; enter the level to stay ${dir === "At least" ? "at or above" : "at or below"}`,
    threshold: () => "Threshold is blank; enter the floor of the payout curve",
  },
  M2: () => "Unit is blank; say what the numbers count (%, USD, days …)",
  M3: {
    decrease: () => "Baseline is blank; enter the starting value that a Decrease goal is measured from",
    increase: () => "Baseline is blank, so progress is measured from 0; enter the starting value",
    /** As scoring says it (GOAL.PROGRESS and the like). */
    scoring: () => "Baseline is blank; a Decrease goal needs the starting value",
  },
  M4: () => "Data Source is blank; say where the Actual comes from and how it is calculated",
  U1: (odd: readonly { id: string | null; unit: string | null }[], unit: string | null) =>
    `Sum roll-up adds children measured in another unit (${odd
      .slice(0, 5)
      .map((c) => `${c.id ?? "?"}: ${quote(c.unit ?? "")}`)
      .join(", ")}) to ${quote(unit ?? "")}; use the same Unit or another Rollup`,
} as const;

/** M1 for a goal row: a Key Result (not a milestone, no children) needs a numeric Target. */
export function targetGiven(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (ctx.type === "Objective" || ctx.direction === "Milestone" || ctx.hasChildren || goal.target !== null) return;
  const bad = goal.invalid.target;
  sink.add(goal.index, finding(goal, "M1", "fail", "target", bad ? MEASURABLE_MESSAGES.M1.notNumber(bad.text) : MEASURABLE_MESSAGES.M1.blank()));
}

/** M1 as scoring sees it: a blank Target for a direction that needs one (null when it is fine). */
export function targetProblem(dir: Direction, target: number | null): Problem | null {
  if (target !== null || dir === "Milestone") return null;
  const message = dir === "At least" || dir === "At most" ? MEASURABLE_MESSAGES.M1.level(dir) : MEASURABLE_MESSAGES.M1.blank();
  return { code: "M1", field: "target", message };
}

/** M1 for the tier (payout) curve: it needs a Threshold. */
export function thresholdProblem(threshold: number | null): Problem | null {
  return threshold === null ? { code: "M1", field: "threshold", message: MEASURABLE_MESSAGES.M1.threshold() } : null;
}

/** M2: a goal with numbers says what they count. */
export function unitGiven(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (ctx.type !== "Objective" && ctx.direction !== "Milestone" && goal.unit === null && !isInvalid(goal, "unit"))
    sink.add(goal.index, finding(goal, "M2", "warn", "unit", MEASURABLE_MESSAGES.M2()));
}

/**
 * M3 for a goal row: a blank Baseline fails a Decrease goal and warns an Increase one.
 * It needs a direction, given or inferable from a Target; with neither M1 speaks.
 */
export function baselineGiven(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (goal.baseline !== null || isInvalid(goal, "baseline") || (goal.directionGiven === null && goal.target === null)) return;
  if (ctx.direction === "Decrease") sink.add(goal.index, finding(goal, "M3", "fail", "baseline", MEASURABLE_MESSAGES.M3.decrease()));
  else if (ctx.direction === "Increase") sink.add(goal.index, finding(goal, "M3", "warn", "baseline", MEASURABLE_MESSAGES.M3.increase()));
}

/** M3 as scoring sees it: a Decrease goal cannot be scored without a Baseline. */
export function baselineProblem(dir: Direction, baseline: number | null): Problem | null {
  return dir === "Decrease" && baseline === null ? { code: "M3", field: "baseline", message: MEASURABLE_MESSAGES.M3.scoring() } : null;
}

/** M4: the Actual's source is named (Objectives are exempt). */
export function sourceGiven(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (ctx.type !== "Objective" && goal.source === null && !isInvalid(goal, "source"))
    sink.add(goal.index, finding(goal, "M4", "warn", "source", MEASURABLE_MESSAGES.M4()));
}

/** U1: goal i rolls up by Sum over children measured in another Unit. */
export function sumUnits(goals: readonly Goal[], links: FlatLinks, i: number, sink: FindingSink): void {
  const g = goals[i];
  const unit = looseText(g.unit ?? "");
  const odd: Goal[] = [];
  for (let k = links.childStart[i]; k < links.childStart[i + 1]; k++) {
    const c = goals[links.linkChild[links.childLink[k]]];
    if (looseText(c.unit ?? "") !== unit) odd.push(c);
  }
  if (odd.length > 0) sink.add(i, finding(g, "U1", "warn", "unit", MEASURABLE_MESSAGES.U1(odd, g.unit)));
}
