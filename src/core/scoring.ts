/**
 * Progress, tier score, Score and pace of one goal (scoring.md). Constant-time. Status is
 * rules/status.ts; the rules that make a goal unscorable are in rules/ (M1, M3, A1, E2, E4).
 *
 * `Scorer` works in plain numbers, so that scoring 100,000 goals makes no object per
 * goal: NaN means there is no value, and the scorer's `problem` then says why. Each
 * caller owns its scorer (the engine one per evaluation). The functions that return an
 * `Outcome` make their own, so they share nothing.
 */
import { ActualValue } from "./cells";
import { ColumnKey, Direction } from "./columns";
import { Day } from "./dates";
import { RuleCode } from "./findings";
import { DEFAULT_SETTINGS } from "./settings";
import { payoutCurveProblem, targetSideProblem } from "./rules/achievable";
import { DATA_MESSAGES } from "./rules/data";
import { Problem } from "./rules/finding";
import { baselineProblem, targetProblem, thresholdProblem } from "./rules/measurable";

/** A computed number, no data (blank Actual), or an invalid goal with the rule, field and message that say why. */
export type Outcome = { kind: "value"; value: number } | { kind: "nodata" } | ({ kind: "invalid" } & Problem);

export const NO_DATA: Outcome = { kind: "nodata" };

export function value(v: number): Outcome {
  return { kind: "value", value: v };
}

export function invalidOutcome(code: RuleCode, field: ColumnKey, message: string): Outcome {
  return { kind: "invalid", code, field, message };
}

function invalid(p: Problem): Outcome {
  return { kind: "invalid", code: p.code, field: p.field, message: p.message };
}

/** Direction when blank: T > B → Increase; T < B → Decrease; T = B → At least; Baseline blank counts as 0. */
export function inferDirection(target: number | null, baseline: number | null): Direction {
  if (target === null) return "Increase";
  const b = baseline ?? 0;
  if (target > b) return "Increase";
  if (target < b) return "Decrease";
  return "At least";
}

export interface ProgressInput {
  actual: ActualValue | null;
  target: number | null;
  baseline?: number | null;
  /** Blank: inferred from Target vs Baseline. */
  direction?: Direction | null;
}

function isKnownDirection(dir: string): boolean {
  return dir === "Increase" || dir === "Decrease" || dir === "At least" || dir === "At most" || dir === "Milestone";
}

/** Why a goal's definition cannot be scored (E4, M1, M3, A1), or null when it can. Checked before the Actual. */
export function definitionProblem(i: ProgressInput): Problem | null {
  const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
  if (!isKnownDirection(dir)) return { code: "E4", field: "direction", message: DATA_MESSAGES.E4.direction(dir) };
  const t = i.target;
  const b = i.baseline ?? null;
  if (t === null) return targetProblem(dir, t);
  return baselineProblem(dir, b) ?? targetSideProblem(dir, t, b);
}

/** The tier (payout) curve's definition problem (M1 without Target or Threshold, A1), or null. */
export function tierProblem(i: TierInput): Problem | null {
  return curveProblem(i.direction ?? inferDirection(i.target, i.baseline ?? null), i.target, i.threshold, i.stretch ?? null);
}

function curveProblem(dir: Direction, target: number | null, threshold: number | null, stretch: number | null): Problem | null {
  if (dir !== "Increase" && dir !== "Decrease") return null;
  if (target === null) return targetProblem(dir, target);
  return thresholdProblem(threshold) ?? payoutCurveProblem(dir, threshold, target, stretch);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** An uncapped progress P clamped to [0, cap] (a cap below 1 or not a number counts as 1). */
export function capProgress(p: number, cap: number | undefined): number {
  const c = cap === undefined || !Number.isFinite(cap) || cap < 1 ? 1 : cap;
  return clamp(p, 0, c) + 0;
}

export interface TierInput {
  actual: ActualValue | null;
  threshold: number | null;
  target: number | null;
  stretch?: number | null;
  direction?: Direction | null;
  /** Only for inferring a blank Direction (Baseline blank counts as 0). */
  baseline?: number | null;
  thresholdPay?: number;
  stretchPay?: number;
}

export interface ScoreInput extends ProgressInput {
  threshold?: number | null;
  stretch?: number | null;
  thresholdPay?: number;
  stretchPay?: number;
}

/**
 * Scoring in plain numbers. Each method returns a finite number, or NaN with `problem`
 * saying why (no data, or the rule and message). One scorer serves one caller at a time.
 */
export class Scorer {
  /** Why the last method returned NaN. */
  problem: Outcome = NO_DATA;

  private fail(o: Outcome): number {
    this.problem = o;
    return NaN;
  }

  /** Uncapped progress P: the definition first, then no data for a blank Actual. */
  uncappedProgress(i: ProgressInput): number {
    const definition = definitionProblem(i);
    if (definition) return this.fail(invalid(definition));
    return this.checkedProgress(i);
  }

  /** score: the tier score when Threshold is set, else the progress with cap 1. */
  score(i: ScoreInput): number {
    const definition = definitionProblem(i);
    if (definition) return this.fail(invalid(definition));
    const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
    if (i.threshold !== null && i.threshold !== undefined)
      return this.tier(i.actual, i.threshold, i.target, i.stretch ?? null, dir, i.baseline ?? null, i.thresholdPay, i.stretchPay);
    // progress with cap 1, without checking the definition again.
    const p = this.checkedProgress(i);
    return Number.isNaN(p) ? NaN : capProgress(p, 1);
  }

  /** The tier score (payout curve) of Increase and Decrease goals; the capped progress for the other directions. */
  tier(
    actual: ActualValue | null,
    threshold: number | null,
    target: number | null,
    stretch: number | null,
    dir: Direction,
    baseline: number | null,
    thresholdPay: number | undefined,
    stretchPay: number | undefined,
  ): number {
    if (dir !== "Increase" && dir !== "Decrease") {
      const p = this.uncappedProgress({ actual, target, baseline, direction: dir });
      return Number.isNaN(p) ? NaN : capProgress(p, 1);
    }
    const curve = curveProblem(dir, target, threshold, stretch);
    if (curve) return this.fail(invalid(curve));
    if (actual === null) return this.fail(NO_DATA);
    if (typeof actual === "boolean") return this.fail(invalidOutcome("E2", "actual", DATA_MESSAGES.E2.tierBoolean(actual)));
    const tp = thresholdPay ?? DEFAULT_SETTINGS.thresholdPay;
    const sp = stretchPay ?? DEFAULT_SETTINGS.stretchPay;
    const neg = dir === "Decrease" ? -1 : 1;
    const a = neg * actual;
    const th = neg * (threshold ?? 0);
    const t = neg * (target ?? 0);
    const s = stretch === null ? null : neg * stretch;
    let r: number;
    if (a < th) r = 0;
    else if (a < t) r = tp + ((a - th) / (t - th)) * (1 - tp);
    else if (s === null) r = 1;
    else r = Math.min(sp, 1 + ((a - t) / (s - t)) * (sp - 1));
    if (!Number.isFinite(r)) return this.fail(invalidOutcome("E2", "actual", DATA_MESSAGES.E2.tierNotFinite(actual)));
    return r + 0;
  }

  /** Uncapped progress P of a goal whose definition `definitionProblem` accepted. */
  private checkedProgress(i: ProgressInput): number {
    const a = i.actual;
    if (a === null) return this.fail(NO_DATA);
    const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
    const t = i.target;
    const b = i.baseline ?? null;
    let p: number;
    if (dir === "Milestone") {
      if (typeof a === "boolean") p = a ? 1 : 0;
      else if (t !== null && t > 0) p = a / t;
      else p = a >= 1 ? 1 : 0;
    } else if (typeof a === "boolean") return this.fail(invalidOutcome("E2", "actual", DATA_MESSAGES.E2.actualBoolean(a)));
    else {
      // The definition was accepted, so the Target is set for every other direction.
      const target = t ?? 0;
      const base = b ?? 0;
      if (dir === "Increase") p = (a - base) / (target - base);
      else if (dir === "Decrease") p = (base - a) / (base - target);
      else if (dir === "At least") p = a >= target ? 1 : 0;
      else p = a <= target ? 1 : 0;
    }
    if (!Number.isFinite(p)) return this.fail(invalidOutcome("E2", "actual", DATA_MESSAGES.E2.progressNotFinite(a)));
    return p;
  }
}

/** The Outcome of a number a scorer returned. */
function outcomeOf(s: Scorer, v: number): Outcome {
  return Number.isNaN(v) ? s.problem : value(v);
}

/** Uncapped progress P: definition first, then no data for a blank Actual. */
export function uncappedProgress(i: ProgressInput): Outcome {
  const s = new Scorer();
  return outcomeOf(s, s.uncappedProgress(i));
}

/** progress(A, T, B, direction, cap = 1): clamped to [0, cap]. */
export function progress(i: ProgressInput & { cap?: number }): Outcome {
  const s = new Scorer();
  const p = s.uncappedProgress(i);
  return Number.isNaN(p) ? s.problem : value(capProgress(p, i.cap));
}

/** tier(A, Th, T, S?, direction, thresholdPay = 0.5, stretchPay = 1.5). */
export function tier(i: TierInput): Outcome {
  const s = new Scorer();
  const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
  return outcomeOf(s, s.tier(i.actual, i.threshold, i.target, i.stretch ?? null, dir, i.baseline ?? null, i.thresholdPay, i.stretchPay));
}

/** The Score column: the tier score when Threshold is set, else the progress with cap 1. */
export function score(i: ScoreInput): Outcome {
  const s = new Scorer();
  return outcomeOf(s, s.score(i));
}

/** Expected progress: clamp((asOf − start) / (due − start), 0, 1); null when undefined. */
export function pace(start: Day | null, due: Day | null, asOf: Day): number | null {
  if (start === null || due === null || due <= start) return null;
  return clamp((asOf - start) / (due - start), 0, 1) + 0;
}
