/**
 * T — Time-bound (smart.md): T1 a Due date (KPIs are ongoing), T2 Due after Start, T3 Due
 * inside the goal's cycle, T4 a Due date that has passed without the goal Achieved.
 */
import { Status } from "../columns";
import { Day, Window, isoDay } from "../dates";
import { Goal } from "../model";
import { FindingSink, RowContext, finding, isInvalid } from "./finding";

export const TIMEBOUND_MESSAGES = {
  T1: () => "Due is blank; enter the date the goal must be met by",
  T2: (due: Day, start: Day) => `Due ${isoDay(due)} is before Start ${isoDay(start)}; move the Due date after the Start`,
  T3: (due: Day, label: string, span: Window) =>
    `Due ${isoDay(due)} is outside the cycle ${label} (${isoDay(span.start)} to ${isoDay(span.end)}); check the date or the Cycle`.replace("  ", " "),
  T4: (due: Day, status: Status | null) => `Due ${isoDay(due)} has passed and the goal is ${status ?? "not scored"}; record the result or agree a new date`,
} as const;

/** T1 (Due given, except for a KPI), T2 (Due not before Start, as scoring uses them), T3 (Due inside the cycle's window). */
export function dueRules(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  if (goal.due === null && !isInvalid(goal, "due") && ctx.type !== "KPI") sink.add(goal.index, finding(goal, "T1", "fail", "due", TIMEBOUND_MESSAGES.T1()));
  if (ctx.start !== null && ctx.due !== null && ctx.due < ctx.start)
    sink.add(goal.index, finding(goal, "T2", "fail", "due", TIMEBOUND_MESSAGES.T2(ctx.due, ctx.start)));
  const w = ctx.dueWindow;
  if (goal.due !== null && w !== null && (goal.due < w.start || goal.due > w.end))
    sink.add(goal.index, finding(goal, "T3", "warn", "due", TIMEBOUND_MESSAGES.T3(goal.due, ctx.windowLabel ?? goal.cycle ?? "", w)));
}

/** T4: Due (as scoring uses it) is before the as-of date and the goal is not Achieved. */
export function duePassed(goal: Goal, due: Day | null, asOf: Day, status: Status | null, sink: FindingSink): void {
  if (due !== null && due < asOf && status !== "Achieved") sink.add(goal.index, finding(goal, "T4", "warn", "due", TIMEBOUND_MESSAGES.T4(due, status)));
}
