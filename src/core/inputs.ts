/**
 * Checking a change request's new value or a check-in before anything is written
 * (review.md "Change requests"; docs/review-cycle.md "Inputs checked before writing").
 *
 * The rules are the engine's own: the workbook is evaluated as it is and as it would be
 * with the input, and the input is refused when the table would gain a failure. No rule
 * is restated here; only Confidence's range (model.md: 0–1), which no table rule checks,
 * lives in this file.
 */
import { today } from "./dates";
import { EvaluateOptions, evaluate } from "./engine";
import { Finding } from "./findings";
import { WorkbookInput } from "./tables";

/** Where an input lands: the goal (engine index) and, for a change request, the field's header. */
export interface InputTarget {
  goalIndex: number;
  /** The changed field's header (`Weight`); null for a check-in. */
  field: string | null;
}

export interface InputCheck {
  /** Failures the table would gain with the input: each refuses it. */
  refused: Finding[];
  /** Warnings the table would gain: they do not refuse, the caller may show them. */
  warnings: Finding[];
}

/** Whether a finding brought by an input refuses it: every failure does (blocking or not); warnings do not. */
export function refusesInput(f: Pick<Finding, "severity">): boolean {
  return f.severity === "fail";
}

function place(f: Finding): string {
  return `${f.code}|${f.goalIndex}|${f.field}|${f.cell ?? ""}`;
}

function onTarget(f: Finding, target: InputTarget): boolean {
  return target.field !== null && f.goalIndex === target.goalIndex && f.field === target.field;
}

/**
 * The findings `after` has that `before` lacks. A finding counts as new when its rule,
 * goal, field and cell did not fire before; on the changed cell itself also when its
 * message differs (a Weight of −5 changed to −10 is still refused: the new value fails).
 */
export function gainedFindings(before: readonly Finding[], after: readonly Finding[], target: InputTarget): Finding[] {
  const places = new Set(before.map(place));
  const exact = new Set(before.map((f) => `${place(f)}|${f.message}`));
  return after.filter((f) => !places.has(place(f)) || (onTarget(f, target) && !exact.has(`${place(f)}|${f.message}`)));
}

/**
 * Evaluates the workbook before and after the input with the same options and returns
 * the failures (refusing) and warnings the input would bring. Failures on the input's
 * own goal come first.
 */
export function checkInput(before: WorkbookInput, after: WorkbookInput, target: InputTarget, options: EvaluateOptions = {}): InputCheck {
  const opts = { ...options, asOf: options.asOf ?? today() };
  const gained = gainedFindings(evaluate(before, opts).findings, evaluate(after, opts).findings, target);
  const own = (f: Finding): number => (onTarget(f, target) ? 0 : f.goalIndex === target.goalIndex ? 1 : 2);
  const refused = gained.filter(refusesInput).sort((a, b) => own(a) - own(b));
  return { refused, warnings: gained.filter((f) => !refusesInput(f)) };
}

/** Confidence of a check-in (model.md: 0–1, optional): what is wrong with it, or null. */
export function confidenceProblem(value: number): string | null {
  if (Number.isFinite(value) && value >= 0 && value <= 1) return null;
  return `Confidence ${String(value)} is outside 0 to 1; enter a number from 0 to 1 (0.7 or 70%), or leave it blank`;
}
