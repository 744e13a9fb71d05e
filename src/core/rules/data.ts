/**
 * Data rules (smart.md): E1–E4, a cell the reader rejected, on goal rows, on check-in
 * rows, and the values scoring cannot use; D1 a repeated ID; D2 a blank ID.
 */
import { CHECKIN_COLUMNS, CheckInKey, ColumnKey, DIRECTIONS, Direction, GOAL_TYPES, LEVELS, ROLLUP_MODES, headerOf } from "../columns";
import { Finding, messageNumber, quote } from "../findings";
import { CheckInFields, Goal, checkInCell, goalCell } from "../model";
import { CheckInTable } from "../tables";
import { repeatedIds } from "../rollup";
import { FindingSink, finding, isInvalid } from "./finding";

/** The values an enumeration column takes, for E4's message. */
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

const TRUE_FALSE = (a: boolean): string => (a ? "TRUE" : "FALSE");

/** The data rules' messages, by code (the cell's column name first, where there is one). */
export const DATA_MESSAGES = {
  E1: (name: string, text: string) => `${name} holds the Excel error ${text}; fix the formula or type the value`,
  E2: {
    text: (name: string, text: string) => `${name} is text ${quote(text)}; enter a number`,
    actualText: (name: string, text: string) => `${name} is text ${quote(text)}; enter a number (or TRUE/FALSE for a milestone)`,
    checkIn: (name: string, text: string) => `${name} ${quote(text)} is not a number; enter a number`,
    /** An Actual of TRUE/FALSE on a goal that measures a number. */
    actualBoolean: (a: boolean) => `Actual ${TRUE_FALSE(a)} is not a number; enter the measured value (TRUE/FALSE fits Milestone goals)`,
    tierBoolean: (a: boolean) => `Actual ${TRUE_FALSE(a)} is not a number; enter the measured value`,
    progressNotFinite: (a: number | boolean) => `progress is not a finite number for Actual ${messageNumber(a)}; check Actual, Target and Baseline`,
    tierNotFinite: (a: number | boolean) => `tier score is not a finite number for Actual ${messageNumber(a)}`,
  },
  E3: (name: string, text: string) => `${name} ${quote(text)} is not a date; enter a date such as 2026-06-30`,
  E4: {
    cell: (name: string, text: string, field: ColumnKey) => `${name} ${quote(text)} is not a known value; use one of: ${allowedValues(field)}`,
    direction: (dir: Direction) => `Direction ${String(dir)} is not known; use Increase, Decrease, At least, At most or Milestone`,
  },
  D1: (id: string | null, others: readonly string[]) => `ID ${quote(id)} is used more than once (also ${others.join(", ")}); give each goal its own ID`,
  D2: () => "ID is blank; give the goal a unique ID such as G-0001 so it can be aligned and sealed",
} as const;

/** E1–E4: one finding per goal cell the reader rejected, in column order. */
export function goalCellRules(goal: Goal, sink: FindingSink): void {
  for (const k in goal.invalid) {
    const key = k as ColumnKey;
    const bad = goal.invalid[key];
    if (!bad) continue;
    const name = headerOf(key);
    const m = DATA_MESSAGES;
    const message =
      bad.code === "E1"
        ? m.E1(name, bad.text)
        : bad.code === "E2"
          ? key === "actual"
            ? m.E2.actualText(name, bad.text)
            : m.E2.text(name, bad.text)
          : bad.code === "E3"
            ? m.E3(name, bad.text)
            : m.E4.cell(name, bad.text, key);
    sink.add(goal.index, finding(goal, bad.code, "fail", key, message));
  }
}

/** Each check-in field's header (`Goal ID` …), for findings. */
const CHECKIN_HEADER_OF = Object.fromEntries(CHECKIN_COLUMNS.map((c) => [c.key, c.header])) as Record<CheckInKey, string>;

/** E1–E3 of the rejected cells of the check-in in data row r: on its goal (index `gi`), or loose when the Goal ID names no goal. */
export function checkInFindings(t: CheckInTable, r: number, c: CheckInFields, gi: number | undefined, findings: FindingSink, loose: Finding[]): void {
  for (const rejected in c.invalid) {
    const key = rejected as CheckInKey;
    const bad = c.invalid[key];
    if (!bad) continue;
    const field = CHECKIN_HEADER_OF[key];
    const name = `Check-in ${field}`;
    const m = DATA_MESSAGES;
    const f: Finding = {
      code: bad.code,
      severity: "fail",
      goal: c.goalId,
      goalIndex: gi ?? -1,
      field,
      cell: checkInCell(t, r, key),
      message: bad.code === "E1" ? m.E1(name, bad.text) : bad.code === "E3" ? m.E3(name, bad.text) : m.E2.checkIn(name, bad.text),
      checkIn: true,
    };
    if (gi === undefined) loose.push(f);
    else findings.add(gi, f);
  }
}

/** D2: the ID is blank. */
export function blankId(goal: Goal, sink: FindingSink): void {
  if (goal.id === null && !isInvalid(goal, "id")) sink.add(goal.index, finding(goal, "D2", "fail", "id", DATA_MESSAGES.D2()));
}

/** D1: every occurrence of a repeated ID, each naming where the others are. `firstOf` is each goal's first goal with its ID. */
export function duplicateIds(goals: readonly Goal[], firstOf: Int32Array, sink: FindingSink): void {
  for (const list of repeatedIds(firstOf).values()) {
    for (const i of list) {
      const others = list.filter((j) => j !== i).map((j) => goalCell(goals[j], "id") ?? `goal ${j + 1}`);
      sink.add(i, finding(goals[i], "D1", "fail", "id", DATA_MESSAGES.D1(goals[i].id, others)));
    }
  }
}
