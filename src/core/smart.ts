/** SMART and data rules (smart.md) that need only the goal's own row. */
import { ColumnKey, Direction, DIRECTIONS, GoalType, GOAL_TYPES, LEVELS, ROLLUP_MODES, headerOf } from "./columns";
import { Day, Window, isoDay } from "./dates";
import { Finding, RuleCode, Severity, quote } from "./findings";
import { Goal, goalCell } from "./model";
import { definitionProblem, fmt, payoutCurveProblem } from "./scoring";
import { Settings } from "./settings";

/** What a row rule needs besides the goal's own cells. */
export interface RowContext {
  direction: Direction;
  type: GoalType;
  hasChildren: boolean;
  start: Day | null;
  due: Day | null;
  /** The date window Due should fall in (the goal's Cycle, else the review cycle's). */
  dueWindow: Window | null;
  /** The name of that window's cycle, for messages. */
  windowLabel?: string | null;
  settings: Settings;
}

export function finding(goal: Goal, code: RuleCode, severity: Severity, field: ColumnKey, message: string): Finding {
  return {
    code,
    severity,
    goal: goal.id,
    goalIndex: goal.index,
    field: headerOf(field),
    cell: goalCell(goal, field),
    message,
  };
}

const NUMBER_FIELDS = new Set<ColumnKey>(["weight", "baseline", "threshold", "target", "stretch", "actual"]);
const DATE_FIELDS = new Set<ColumnKey>(["start", "due"]);

function allowedValues(field: ColumnKey): string {
  switch (field) {
    case "type":
      return GOAL_TYPES.join(", ");
    case "level":
      return LEVELS.join(", ");
    case "direction":
      return DIRECTIONS.join(", ");
    case "rollup":
      return ROLLUP_MODES.join(", ");
    default:
      return "one of the listed values";
  }
}

/** Where rules put the findings of goal `i`: the engine's per-goal lists, or a plain list. */
export interface FindingSink {
  add(i: number, f: Finding): void;
}

/** A sink that collects one goal's findings in a list. */
class ListSink implements FindingSink {
  readonly out: Finding[] = [];
  add(_i: number, f: Finding): void {
    this.out.push(f);
  }
}

/** E1–E4: one finding per cell the reader rejected. */
export function dataFindings(goal: Goal): Finding[] {
  const sink = new ListSink();
  dataFindingsTo(goal, sink);
  return sink.out;
}

/** dataFindings, each finding handed to `sink` (under the goal's index) instead of listed. */
export function dataFindingsTo(goal: Goal, sink: FindingSink): void {
  for (const k in goal.invalid) {
    const key = k as ColumnKey;
    const bad = goal.invalid[key];
    if (!bad) continue;
    const name = headerOf(key);
    switch (bad.code) {
      case "E1":
        sink.add(goal.index, finding(goal, "E1", "fail", key, `${name} holds the Excel error ${bad.text}; fix the formula or type the value`));
        break;
      case "E2":
        sink.add(
          goal.index,
          finding(
            goal,
            "E2",
            "fail",
            key,
            key === "actual"
              ? `${name} is text ${quote(bad.text)}; enter a number (or TRUE/FALSE for a milestone)`
              : `${name} is text ${quote(bad.text)}; enter a number`,
          ),
        );
        break;
      case "E3":
        sink.add(goal.index, finding(goal, "E3", "fail", key, `${name} ${quote(bad.text)} is not a date; enter a date such as 2026-06-30`));
        break;
      case "E4":
        sink.add(goal.index, finding(goal, "E4", "fail", key, `${name} ${quote(bad.text)} is not a known value; use one of: ${allowedValues(key)}`));
        break;
    }
  }
}

/** Words separated by white space (as `split(/\s+/)` finds them), counted up to `limit`. */
export function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words >= limit) return words;
    inWord = !space;
  }
  return words;
}

/** What `\s` matches in a regular expression. */
function isWhiteSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when a field's cell was rejected by the reader. */
function isInvalid(goal: Goal, key: ColumnKey): boolean {
  return goal.invalid[key] !== undefined;
}

/** The rules that look at one row only: S1, S2, M1–M4, A1, A2, A4 (weight 0), T1–T3, W3, D2. */
export function rowFindings(goal: Goal, ctx: RowContext): Finding[] {
  const sink = new ListSink();
  rowFindingsTo(goal, ctx, sink);
  return sink.out;
}

function emit(sink: FindingSink, goal: Goal, code: RuleCode, severity: Severity, field: ColumnKey, message: string): void {
  sink.add(goal.index, finding(goal, code, severity, field, message));
}

/** rowFindings, each finding handed to `sink` (under the goal's index) instead of listed. */
export function rowFindingsTo(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  const exemptObjective = ctx.type === "Objective";
  const milestone = ctx.direction === "Milestone";

  // D2
  if (goal.id === null && !isInvalid(goal, "id")) emit(sink, goal, "D2", "fail", "id", "ID is blank; give the goal a unique ID such as G-0001 so it can be aligned and sealed");

  // S1, S2
  if (!isInvalid(goal, "title")) {
    const words = goal.title === null ? 0 : countWords(goal.title, 3);
    if (goal.title === null) emit(sink, goal, "S1", "fail", "title", "Title is blank; describe the goal in at least 3 words");
    else if (words < 3) emit(sink, goal, "S1", "fail", "title", `Title ${quote(goal.title)} has fewer than 3 words; say what will be achieved`);
  }
  if (goal.owner === null && !isInvalid(goal, "owner")) emit(sink, goal, "S2", "fail", "owner", "Owner is blank; name the person or team accountable");

  // M1
  if (!exemptObjective && !milestone && !ctx.hasChildren) {
    if (goal.target === null) {
      const bad = goal.invalid.target;
      emit(sink, goal, 
        "M1",
        "fail",
        "target",
        bad ? `Target ${quote(bad.text)} is not a number; enter the number to reach` : "Target is blank; enter the number to reach",
      );
    }
  }
  // M2
  if (!exemptObjective && !milestone && goal.unit === null && !isInvalid(goal, "unit"))
    emit(sink, goal, "M2", "warn", "unit", "Unit is blank; say what the numbers count (%, USD, days …)");
  // M3 (the direction must be given, or inferable from a Target)
  if (goal.baseline === null && !isInvalid(goal, "baseline") && (goal.directionGiven !== null || goal.target !== null)) {
    if (ctx.direction === "Decrease") emit(sink, goal, "M3", "fail", "baseline", "Baseline is blank; enter the starting value that a Decrease goal is measured from");
    else if (ctx.direction === "Increase")
      emit(sink, goal, "M3", "warn", "baseline", "Baseline is blank, so progress is measured from 0; enter the starting value");
  }
  // M4
  if (!exemptObjective && goal.source === null && !isInvalid(goal, "source"))
    emit(sink, goal, "M4", "warn", "source", "Data Source is blank; say where the Actual comes from and how it is calculated");

  // A1
  if (goal.target !== null && (ctx.direction === "Increase" || ctx.direction === "Decrease")) {
    const problem = definitionProblem({ actual: null, target: goal.target, baseline: goal.baseline, direction: ctx.direction });
    if (problem && problem.kind === "invalid" && problem.code === "A1") emit(sink, goal, "A1", "fail", "target", problem.message.slice(4));
    else if (!problem) {
      const curve = payoutCurveProblem(ctx.direction, goal.threshold, goal.target, goal.stretch);
      if (curve) emit(sink, goal, "A1", "fail", curve.message.startsWith("A1: Stretch") ? "stretch" : "threshold", curve.message.slice(4));
    }
  }
  // A2
  if (goal.target !== null && goal.baseline !== null && goal.baseline !== 0) {
    const stretch = Math.abs(goal.target - goal.baseline) / Math.abs(goal.baseline);
    if (stretch > ctx.settings.ambitionLimit)
      emit(sink, goal, 
        "A2",
        "warn",
        "target",
        `Target ${fmt(goal.target)} is ${Math.round(stretch * 100)}% away from Baseline ${fmt(goal.baseline)} (limit ${Math.round(
          ctx.settings.ambitionLimit * 100,
        )}%); check that it is achievable`,
      );
  }
  // A4 (weight 0) and W3
  if (goal.weight !== null && goal.weight === 0) emit(sink, goal, "A4", "warn", "weight", "Weight is 0, so this goal counts for nothing; give it a weight or remove it");
  if (goal.weight !== null && goal.weight < 0) emit(sink, goal, "W3", "fail", "weight", `Weight ${fmt(goal.weight)} is negative; enter 0 or more`);

  // T1, T2, T3
  if (goal.due === null && !isInvalid(goal, "due") && ctx.type !== "KPI") emit(sink, goal, "T1", "fail", "due", "Due is blank; enter the date the goal must be met by");
  if (ctx.start !== null && ctx.due !== null && ctx.due < ctx.start)
    emit(sink, goal, "T2", "fail", "due", `Due ${isoDay(ctx.due)} is before Start ${isoDay(ctx.start)}; move the Due date after the Start`);
  if (goal.due !== null && ctx.dueWindow !== null && (goal.due < ctx.dueWindow.start || goal.due > ctx.dueWindow.end))
    emit(sink, goal, 
      "T3",
      "warn",
      "due",
      `Due ${isoDay(goal.due)} is outside the cycle ${ctx.windowLabel ?? goal.cycle ?? ""} (${isoDay(ctx.dueWindow.start)} to ${isoDay(
        ctx.dueWindow.end,
      )}); check the date or the Cycle`.replace("  ", " "),
    );
}

/** Fields that scoring uses: an E1–E4 finding in one of them blocks the goal. */
export const SCORING_FIELDS: ReadonlySet<string> = new Set(
  (["weight", "direction", "baseline", "threshold", "target", "stretch", "actual", "start", "due", "rollup"] as ColumnKey[]).map(headerOf),
);

const ALWAYS_BLOCKING = new Set<RuleCode>(["D1", "W3", "A1", "R4", "M1"]);

/** Whether a finding blocks scoring of its goal (smart.md). */
export function isBlocking(f: Finding): boolean {
  if (f.severity !== "fail") return false;
  if (ALWAYS_BLOCKING.has(f.code)) return true;
  if (f.code === "M3") return true;
  if (f.code === "E1" || f.code === "E2" || f.code === "E3" || f.code === "E4") return SCORING_FIELDS.has(f.field);
  return false;
}

export { NUMBER_FIELDS, DATE_FIELDS };
