/**
 * Fixture builder for the SMART and data rule tests (smart.md).
 *
 * `validGoal()` is one fully valid goal with every field filled: evaluated on its
 * own as of AS_OF it gives no finding at all. Each test changes one thing.
 * `rows()` (used by `run()`) places goal rows on the sheet `Goals` (header on row 1, goal i on
 * row i + 2) and passes the address of every cell in `cells`, so tests can assert
 * the exact cell a finding names.
 */
import { ColumnKey, COLUMN_KEYS } from "../../../src/core/columns";
import { Day, dayFromIso } from "../../../src/core/dates";
import { evaluate, EvaluateOptions, Evaluation, GoalResult } from "../../../src/core/engine";
import { Finding, RuleCode } from "../../../src/core/findings";

import { DEFAULT_SETTINGS, Settings } from "../../../src/core/settings";
import { workbookFromRecords, GoalRecord, CheckInRecord } from "../../../src/core/tables";

export type GoalValues = Partial<Record<ColumnKey, unknown>>;

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad ISO date in fixture: ${iso}`);
  return d;
}

/** asOf used by every test unless it says otherwise: mid-cycle. */
export const AS_OF: Day = day("2026-06-30");

/** Column letters of the goal table, in canonical order (ID = A … Comment = T). */
export const COLUMN_LETTER: Record<ColumnKey, string> = Object.fromEntries(COLUMN_KEYS.map((k, i) => [k, String.fromCharCode(65 + i)])) as Record<
  ColumnKey,
  string
>;

/** The address the fixture gives a goal's cell: goal index i sits on sheet row i + 2. */
export function cellOf(index: number, key: ColumnKey): string {
  return `Goals!${COLUMN_LETTER[key]}${index + 2}`;
}

/**
 * One clean goal, every field filled. Company level (so it needs no parent),
 * Increase 40 → 60 with Threshold 50 and Stretch 70, Actual 55, due in the
 * future, Cycle 2026, one top goal for its owner.
 */
export function validGoal(overrides: GoalValues = {}): GoalValues {
  const id = typeof overrides.id === "string" ? overrides.id : "G-1";
  return {
    id: "G-1",
    title: `Raise employee engagement score ${id}`,
    type: "Key Result",
    level: "Company",
    parent: null,
    owner: "Ann Lee",
    weight: 1,
    unit: "%",
    direction: "Increase",
    baseline: 40,
    threshold: 50,
    target: 60,
    stretch: 70,
    actual: 55,
    start: "2026-01-01",
    due: "2026-12-31",
    cycle: "2026",
    source: "HRIS engagement survey, quarterly average",
    rollup: "Weighted",
    comment: "Agreed with HR in January",
    ...overrides,
  };
}

/** A clean child of `parent`: Department level, its own owner, so nothing else fires. */
export function childGoal(id: string, parent: string, overrides: GoalValues = {}): GoalValues {
  return validGoal({ id, parent, level: "Department", owner: `Owner of ${id}`, ...overrides });
}

/** Goal records; workbookFromRecords places goal i on row i + 2 of sheet Goals, in canonical column order (cellOf). */
export function rows(...goals: GoalValues[]): GoalRecord[] {
  return goals.map((values) => ({ values }));
}

/** A check-in record; workbookFromRecords places the k-th check-in given on row k + 2 of sheet CheckIns. */
export function checkIn(goalId: string, date: string, value: unknown): CheckInRecord {
  return { values: { goalId, date, value, confidence: 0.8, comment: "monthly update" } };
}

export interface RunOptions extends EvaluateOptions {
  checkIns?: CheckInRecord[];
  settingsPatch?: Partial<Settings>;
}

/** Evaluates goal rows as of AS_OF with default settings (optionally patched). */
export function run(goals: GoalValues[], opts: RunOptions = {}): Evaluation {
  const { checkIns, settingsPatch, ...rest } = opts;
  const settings: Settings = { ...(rest.settings ?? DEFAULT_SETTINGS), ...(settingsPatch ?? {}) };
  return evaluate(workbookFromRecords({ goals: rows(...goals), checkIns }), { asOf: AS_OF, ...rest, settings });
}

/** The findings with one code, optionally for one goal ID. */
export function findingsOf(ev: Evaluation, code: RuleCode, goal?: string | null): Finding[] {
  return ev.findings.filter((f) => f.code === code && (goal === undefined || f.goal === goal));
}

/** Exactly one finding with this code for this goal; fails the test (listing every finding) otherwise. */
export function only(ev: Evaluation, code: RuleCode, goal: string | null): Finding {
  const fs = findingsOf(ev, code, goal);
  if (fs.length !== 1) throw new Error(`expected exactly one ${code} for ${goal}, got ${fs.length}; findings:\n${summary(ev).join("\n")}`);
  return fs[0];
}

/** Asserts that no finding with this code exists (for this goal when given), listing what there is. */
export function expectQuiet(ev: Evaluation, code: RuleCode, goal?: string | null): void {
  const fs = findingsOf(ev, code, goal);
  if (fs.length > 0) throw new Error(`expected no ${code}${goal === undefined ? "" : ` for ${goal}`}; findings:\n${summary(ev).join("\n")}`);
}

/** The codes of every finding, as `CODE goal` strings, for readable failures. */
export function summary(ev: Evaluation): string[] {
  return ev.findings.map((f) => `${f.code} ${f.goal ?? "(no id)"} ${f.field}: ${f.message}`);
}

export function result(ev: Evaluation, id: string | null): GoalResult {
  const r = ev.goals.find((g) => g.id === id);
  if (!r) throw new Error(`no goal ${id}`);
  return r;
}

/** Words that introduce a fix: an imperative, or what the goal `needs`. */
const FIX =
  /\b(needs|enter|give|name|add|set|make|use|raise|lower|move|remove|correct|clear|fix|type|check|review|spread|adjust|merge|record|say|describe|agree|align|choose|change|split|write|fill|replace|delete|rename)\b/i;

/**
 * Asserts the finding's code, severity, goal, field and cell, and that the message
 * is actionable: it contains each of `mentions` (the offending value) and suggests a fix.
 */
export function expectFinding(
  f: Finding | undefined,
  want: { code: RuleCode; severity: "fail" | "warn"; goal: string | null; field: string; cell: string | null; mentions?: string[] },
): void {
  expect(f).toBeDefined();
  const got = f as Finding;
  expect({ code: got.code, severity: got.severity, goal: got.goal, field: got.field, cell: got.cell }).toEqual({
    code: want.code,
    severity: want.severity,
    goal: want.goal,
    field: want.field,
    cell: want.cell,
  });
  for (const m of want.mentions ?? []) expect(got.message).toContain(m);
  expect(got.message).toMatch(FIX);
}
