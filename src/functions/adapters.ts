/**
 * Thin adapters between worksheet arguments and the core: arguments are read with
 * the core cell reader, and a rejected one becomes `#VALUE!` whose message starts
 * with the rule code. Messages for goal columns come from the core's own data
 * rules (smart.ts), so they read exactly like the task pane's findings.
 */
import { CellRead, readDate, readNumber } from "../core/cells";
import { ColumnKey, headerOf } from "../core/columns";
import { Day } from "../core/dates";
import { Finding, RuleCode, quote } from "../core/findings";
import { goalFromRecord } from "../core/model";
import { GoalRecord } from "../core/tables";
import { Outcome } from "../core/scoring";
import { DEFAULT_SETTINGS } from "../core/settings";
import { dataFindings, rowFindings } from "../core/rules/row";
import { naError, valueError } from "./errors";

/** `#VALUE!` carrying a finding: `E2: Target is text 'abc'; enter a number`. */
export function findingError(f: Pick<Finding, "code" | "message">): CustomFunctions.Error {
  return valueError(`${f.code}: ${f.message}`);
}

/**
 * The core's data-rule finding (E1–E4) for one goal-column cell that the reader
 * rejected, as `#VALUE!`.
 */
export function columnProblem(key: ColumnKey, raw: unknown): CustomFunctions.Error {
  const values: GoalRecord["values"] = { [key]: raw };
  const f = dataFindings(goalFromRecord({ values }))[0];
  return f ? findingError(f) : valueError(`E2: ${headerOf(key)} ${quote(String(raw))} cannot be read`);
}

/**
 * A goal-column argument: its value, null when blank, or `#VALUE!` when the
 * reader rejected it.
 */
export function column<T>(key: ColumnKey, read: CellRead<T>, raw: unknown): T | null | CustomFunctions.Error {
  if (read.kind === "value") return read.value;
  if (read.kind === "blank") return null;
  return columnProblem(key, raw);
}

/** The message of a rejected argument that is not a goal column (Cap, As of …). */
function argumentMessage(label: string, read: CellRead<unknown> & { kind: "invalid" }): string {
  switch (read.code) {
    case "E1":
      return `E1: ${label} holds the Excel error ${read.text}; fix the formula or type the value`;
    case "E3":
      return `E3: ${label} ${quote(read.text)} is not a date; enter a date such as 2026-06-30`;
    case "E4":
      return `E4: ${label} ${quote(read.text)} is not a known value`;
    default:
      return `E2: ${label} is text ${quote(read.text)}; enter a number`;
  }
}

/** A number argument that is not a goal column: value, null when blank, or `#VALUE!`. */
export function numberArg(label: string, raw: unknown): number | null | CustomFunctions.Error {
  const read = readNumber(raw);
  if (read.kind === "value") return read.value;
  if (read.kind === "blank") return null;
  return valueError(argumentMessage(label, read));
}

/** A date argument that is not a goal column (1900 date system): day, null when blank, or `#VALUE!`. */
export function dateArg(label: string, raw: unknown): Day | null | CustomFunctions.Error {
  const read = readDate(raw);
  if (read.kind === "value") return read.value;
  if (read.kind === "blank") return null;
  return valueError(argumentMessage(label, read));
}

/**
 * A row rule of the core (W3, T2 …) for a goal made of these cells, as `#VALUE!`;
 * null when the rule does not fire. Used only on the rare path where the caller
 * already knows the rule applies, to take its message from the core.
 */
export function rowRuleProblem(values: GoalRecord["values"], code: RuleCode): CustomFunctions.Error | null {
  const goal = goalFromRecord({ values });
  const f = rowFindings(goal, {
    direction: "Increase",
    type: "KPI",
    hasChildren: false,
    start: goal.start,
    due: goal.due,
    dueWindow: null,
    settings: DEFAULT_SETTINGS,
  }).find((x) => x.code === code);
  return f ? findingError(f) : null;
}

/** A core outcome as a cell: the number, `#N/A` for no data, `#VALUE!` for an invalid goal. */
export function fromOutcome(o: Outcome): number | CustomFunctions.Error {
  switch (o.kind) {
    case "value":
      return o.value;
    case "nodata":
      return naError();
    case "invalid":
      return valueError(`${o.code}: ${o.message}`);
  }
}

/** The first finding in the given field order (findings of other fields last). */
export function firstByField(findings: readonly Finding[], order: readonly ColumnKey[]): Finding | undefined {
  const rank = new Map<string, number>(order.map((k, i) => [headerOf(k), i]));
  let best: Finding | undefined;
  let bestRank = Infinity;
  for (const f of findings) {
    const r = rank.get(f.field) ?? order.length;
    if (r < bestRank) {
      best = f;
      bestRank = r;
    }
  }
  return best;
}
