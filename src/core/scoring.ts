/** Progress, tier score, score, pace and status of one goal (scoring.md). Pure and constant-time. */
import { ActualValue } from "./cells";
import { Direction, Status } from "./columns";
import { Day } from "./dates";
import { RuleCode, messageNumber, quote } from "./findings";
import { DEFAULT_SETTINGS, Settings } from "./settings";

/** A computed number, no data (blank Actual), or an invalid goal with the rule that makes it so. */
export type Outcome =
  | { kind: "value"; value: number }
  | { kind: "nodata" }
  | { kind: "invalid"; code: RuleCode; message: string };

export const NO_DATA: Outcome = { kind: "nodata" };

export function value(v: number): Outcome {
  return { kind: "value", value: v };
}

export function invalidOutcome(code: RuleCode, message: string): Outcome {
  return { kind: "invalid", code, message };
}

/** Tolerance for comparisons of computed fractions (tests compare within 1e-9). */
const EPS = 1e-12;

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

/** Why a goal's definition cannot be scored, or null when it can. Checked before the Actual. */
export function definitionProblem(i: ProgressInput): Outcome | null {
  const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
  const t = i.target;
  const b = i.baseline ?? null;
  switch (dir) {
    case "Increase": {
      if (t === null) return invalidOutcome("M1", "M1: Target is blank; enter the number to reach");
      const base = b ?? 0;
      if (t <= base)
        return invalidOutcome(
          "A1",
          `A1: Target ${fmt(t)} is not above Baseline ${fmt(base)} for Increase; raise the Target or set Direction to Decrease`,
        );
      return null;
    }
    case "Decrease": {
      if (t === null) return invalidOutcome("M1", "M1: Target is blank; enter the number to reach");
      if (b === null) return invalidOutcome("M3", "M3: Baseline is blank; a Decrease goal needs the starting value");
      if (t >= b)
        return invalidOutcome(
          "A1",
          `A1: Target ${fmt(t)} is not below Baseline ${fmt(b)} for Decrease; lower the Target or set Direction to Increase`,
        );
      return null;
    }
    case "At least":
    case "At most":
      if (t === null) return invalidOutcome("M1", `M1: Target is blank; enter the level to stay ${dir === "At least" ? "at or above" : "at or below"}`);
      return null;
    case "Milestone":
      return null;
    default:
      return invalidOutcome("E4", `E4: Direction ${String(dir)} is not known; use Increase, Decrease, At least, At most or Milestone`);
  }
}

/**
 * The computations below return plain numbers, so that scoring 100,000 goals makes no
 * object per goal. A value is always finite; NaN means there is none, and `lastProblem` then
 * holds the outcome that says why (no data, or the rule and message). The functions that
 * return an `Outcome` are these wrapped.
 */
let lastProblem: Outcome = NO_DATA;
/** Set by `fail`: a NaN from a formula (an Actual of NaN …) is told apart from no value. */
let failed = false;

function fail(o: Outcome): number {
  lastProblem = o;
  failed = true;
  return NaN;
}

/** The Outcome of a number from the functions below. */
function outcomeOf(v: number): Outcome {
  return Number.isNaN(v) ? lastProblem : value(v);
}

const UNKNOWN_DIRECTION = (dir: Direction): Outcome =>
  invalidOutcome("E4", `E4: Direction ${String(dir)} is not known; use Increase, Decrease, At least, At most or Milestone`);

/**
 * Uncapped progress P (status uses it): the raw ratio before clamping.
 * Assumes `definitionProblem` returned null.
 */
function rawProgress(dir: Direction, a: ActualValue, t: number | null, b: number | null): number {
  if (dir === "Milestone") {
    if (typeof a === "boolean") return a ? 1 : 0;
    if (t !== null && t > 0) return a / t;
    return a >= 1 ? 1 : 0;
  }
  if (typeof a === "boolean")
    return fail(invalidOutcome("E2", `E2: Actual ${a ? "TRUE" : "FALSE"} is not a number; enter the measured value (TRUE/FALSE fits Milestone goals)`));
  // t is non-null here for every other direction.
  const target = t ?? 0;
  switch (dir) {
    case "Increase": {
      const base = b ?? 0;
      return (a - base) / (target - base);
    }
    case "Decrease": {
      const base = b ?? 0;
      return (base - a) / (base - target);
    }
    case "At least":
      return a >= target ? 1 : 0;
    case "At most":
      return a <= target ? 1 : 0;
    default:
      return fail(UNKNOWN_DIRECTION(dir));
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Uncapped progress P: definition first, then no data for a blank Actual. */
export function uncappedProgress(i: ProgressInput): Outcome {
  return outcomeOf(uncappedProgressNumber(i));
}

/** uncappedProgress as a number, NaN when there is none. */
export function uncappedProgressNumber(i: ProgressInput): number {
  const definition = definitionProblem(i);
  if (definition) return fail(definition);
  return checkedProgress(i);
}

/** Uncapped progress P of a goal whose definition `definitionProblem` accepted. */
function checkedProgress(i: ProgressInput): number {
  if (i.actual === null) return fail(NO_DATA);
  const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
  failed = false;
  const p = rawProgress(dir, i.actual, i.target, i.baseline ?? null);
  if (failed) return NaN;
  if (!Number.isFinite(p))
    return fail(invalidOutcome("E2", `E2: progress is not a finite number for Actual ${fmt(i.actual)}; check Actual, Target and Baseline`));
  return p;
}

/** An uncapped progress P clamped to [0, cap] (a cap below 1 or not a number counts as 1). */
export function capProgress(p: number, cap: number | undefined): number {
  const c = cap === undefined || !Number.isFinite(cap) || cap < 1 ? 1 : cap;
  return clamp(p, 0, c) + 0;
}

/** progress(A, T, B, direction, cap = 1): clamped to [0, cap]. */
export function progress(i: ProgressInput & { cap?: number }): Outcome {
  const p = uncappedProgressNumber(i);
  return Number.isNaN(p) ? lastProblem : value(capProgress(p, i.cap));
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

/**
 * Threshold and Stretch on the wrong side of Target (rule A1), for Increase and
 * Decrease (mirrored); null when they are fine or not set.
 */
export function payoutCurveProblem(
  direction: Direction,
  threshold: number | null,
  target: number,
  stretch: number | null,
): (Outcome & { kind: "invalid" }) | null {
  if (direction !== "Increase" && direction !== "Decrease") return null;
  const neg = direction === "Decrease" ? -1 : 1;
  const t = neg * target;
  const side = direction === "Decrease" ? "above" : "below";
  const beyond = direction === "Decrease" ? "below" : "above";
  if (threshold !== null && neg * threshold >= t)
    return {
      kind: "invalid",
      code: "A1",
      message: `A1: Threshold ${fmt(threshold)} is not ${side} Target ${fmt(target)} for ${direction}; move the Threshold ${side} the Target`,
    };
  if (stretch !== null && neg * stretch <= t)
    return {
      kind: "invalid",
      code: "A1",
      message: `A1: Stretch ${fmt(stretch)} is not ${beyond} Target ${fmt(target)} for ${direction}; move the Stretch ${beyond} the Target or clear it`,
    };
  return null;
}

/** The tier (payout) curve's definition problem, or null. */
export function tierProblem(i: TierInput): Outcome | null {
  return curveProblem(i.direction ?? inferDirection(i.target, i.baseline ?? null), i.target, i.threshold, i.stretch ?? null);
}

function curveProblem(dir: Direction, target: number | null, threshold: number | null, stretch: number | null): Outcome | null {
  if (dir !== "Increase" && dir !== "Decrease") return null;
  if (target === null) return invalidOutcome("M1", "M1: Target is blank; enter the number to reach");
  if (threshold === null) return invalidOutcome("M1", "M1: Threshold is blank; enter the floor of the payout curve");
  return payoutCurveProblem(dir, threshold, target, stretch);
}

/** tier(A, Th, T, S?, direction, thresholdPay = 0.5, stretchPay = 1.5). */
export function tier(i: TierInput): Outcome {
  const dir = i.direction ?? inferDirection(i.target, i.baseline ?? null);
  return outcomeOf(tierNumber(i.actual, i.threshold, i.target, i.stretch ?? null, dir, i.baseline ?? null, i.thresholdPay, i.stretchPay));
}

function tierNumber(
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
    const p = uncappedProgressNumber({ actual, target, baseline, direction: dir });
    return Number.isNaN(p) ? NaN : capProgress(p, 1);
  }
  const curve = curveProblem(dir, target, threshold, stretch);
  if (curve) return fail(curve);
  if (actual === null) return fail(NO_DATA);
  if (typeof actual === "boolean") return fail(invalidOutcome("E2", `E2: Actual ${actual ? "TRUE" : "FALSE"} is not a number; enter the measured value`));
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
  if (!Number.isFinite(r)) return fail(invalidOutcome("E2", `E2: tier score is not a finite number for Actual ${fmt(actual)}`));
  return r + 0;
}

export interface ScoreInput extends ProgressInput {
  threshold?: number | null;
  stretch?: number | null;
  thresholdPay?: number;
  stretchPay?: number;
}

/** The Score column: the tier score when Threshold is set, else the progress with cap 1. */
export function score(i: ScoreInput): Outcome {
  return outcomeOf(scoreNumber(i));
}

/** score as a number, NaN when there is none (`score` says why). */
export function scoreNumber(i: ScoreInput): number {
  const definition = definitionProblem(i);
  if (definition) return fail(definition);
  if (i.threshold !== null && i.threshold !== undefined)
    return tierNumber(
      i.actual,
      i.threshold,
      i.target,
      i.stretch ?? null,
      i.direction ?? inferDirection(i.target, i.baseline ?? null),
      i.baseline ?? null,
      i.thresholdPay,
      i.stretchPay,
    );
  // progress({ ...i, cap: 1 }) without the copy: the definition was checked above.
  const p = checkedProgress(i);
  return Number.isNaN(p) ? NaN : capProgress(p, 1);
}

/** Expected progress: clamp((asOf − start) / (due − start), 0, 1); null when undefined. */
export function pace(start: Day | null, due: Day | null, asOf: Day): number | null {
  if (start === null || due === null || due <= start) return null;
  return clamp((asOf - start) / (due - start), 0, 1) + 0;
}

export interface StatusInput {
  direction: Direction;
  /** Uncapped progress P; null when there is no data. */
  p: number | null;
  /** For goals with a Threshold: the Score (rule 3 compares it with 1). */
  thresholdScore?: number | null;
  /**
   * P is a blend of the children's scores (Rolled Up in Weighted or Worst mode), not the
   * goal's own metric: rule 2 (At least / At most) is skipped and rule 3 tests P ≥ 1,
   * whatever the goal's Direction and Threshold.
   */
  blend?: boolean;
  start: Day | null;
  due: Day | null;
  asOf: Day;
  /** Date of the latest check-in, when the goal has check-ins. */
  lastCheckIn?: Day | null;
  settings?: Pick<Settings, "onTrackGap" | "atRiskGap" | "staleDays">;
}

/** Status, first match wins (scoring.md rules 1–8). */
export function status(i: StatusInput): Status {
  const s = i.settings ?? DEFAULT_SETTINGS;
  const { p, start, due, asOf } = i;
  // 1. No data
  if (p === null) return start !== null && asOf < start ? "Not started" : "No data";
  const blend = i.blend === true;
  // 2. At least / At most (the goal's own metric only)
  if (!blend && (i.direction === "At least" || i.direction === "At most")) {
    const met = p >= 1 - EPS;
    if (due === null || asOf <= due) return met ? "On track" : "Off track";
    return met ? "Achieved" : "Missed";
  }
  // 3. Achieved
  const achieved = !blend && i.thresholdScore !== undefined && i.thresholdScore !== null ? i.thresholdScore >= 1 - EPS : p >= 1 - EPS;
  if (achieved) return "Achieved";
  // 4. Missed
  if (due !== null && asOf > due) return "Missed";
  // 5. Not started
  if (start !== null && asOf < start) return "Not started";
  // 6. Stale
  if (i.lastCheckIn !== null && i.lastCheckIn !== undefined && asOf - i.lastCheckIn > s.staleDays) return "Stale";
  // 7. No pace
  const e = pace(start, due, asOf);
  if (e === null) {
    if (p >= 0.7 - EPS) return "On track";
    if (p >= 0.4 - EPS) return "At risk";
    return "Off track";
  }
  // 8. Gap to pace
  const gap = e - p;
  if (gap <= s.onTrackGap + EPS) return "On track";
  if (gap <= s.atRiskGap + EPS) return "At risk";
  return "Off track";
}

/** A number for a message (findings.ts messageNumber): `10,970,480`, `0.3333`. */
export function fmt(v: number | boolean | null): string {
  return messageNumber(v);
}

export { quote };
