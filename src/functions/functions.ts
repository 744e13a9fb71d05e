/**
 * The GOAL.* worksheet functions (functions.md): thin wrappers over src/core, so
 * the task pane, the command line and the worksheet share one implementation.
 *
 * Metadata (dist/functions.json) is generated from the JSDoc and TypeScript types
 * below by custom-functions-metadata-plugin, which also appends the
 * `CustomFunctions.associate` calls to this file at build time. Types therefore
 * stay literal: `unknown` becomes the metadata type `any` (Excel hands the cell
 * over unconverted, so text such as `45%` or `Increase` reaches the core reader),
 * a union return becomes `any`, and `unknown[][]` / `Array<Array<…>>` become
 * `matrix`.
 *
 * Row functions (PROGRESS … SMART) take scalar parameters: in a goal table they
 * are entered once per row; given ranges, Excel lifts them element-wise and the
 * results spill. Called directly (tests, other callers) with 2-D arrays they do
 * the same here: equal-size ranges are taken element-wise, scalars broadcast,
 * and ranges of different sizes give `#VALUE!` naming both sizes.
 * Range functions (WEIGHTED, ROLLUP, SCORECARD) take matrix parameters, do one
 * pass over their ranges, and ROLLUP and SCORECARD return matrices that spill.
 *
 * Nothing here reads other cells, keeps state between calls, or is volatile.
 */
import { ActualValue, readActual, readDate, readEnum, readNumber, readText } from "../core/cells";
import { ColumnKey, Direction, EnumField } from "../core/columns";
import { Day, today } from "../core/dates";
import { letterOf, smartString } from "../core/findings";
import { goalFromRecord, idKey, parseParents } from "../core/model";
import { FLAT_OWN, FLAT_WEIGHTED, FLAT_WORST, computeFlatRollup, repeatedIds, resolveFlatLinks } from "../core/rollup";
import { GroupLabels, ScorecardItem, enumGroupField, groupOfCell, scorecards, weightedAverage } from "../core/scorecard";
import { inferDirection, pace as corePace, progress as coreProgress, score as coreScore, tier as coreTier, uncappedProgress } from "../core/scoring";
import { DEFAULT_SETTINGS } from "../core/settings";
import { dataFindings, rowFindings } from "../core/rules/row";
import { MESSAGES } from "../core/rules";
import { status as coreStatus } from "../core/rules/status";
import { column, columnProblem, dateArg, findingError, firstByField, fromOutcome, numberArg, rowRuleProblem } from "./adapters";
import { isFunctionError, naError, valueError } from "./errors";
import { Range, cellAt, lift, plainCell, readRanges } from "./ranges";

/** One cell of a function's result. */
type Cell<T> = T | CustomFunctions.Error;

/** Message of a range function cell without any score. */
export const NO_SCORE_MESSAGE = "No score with data yet";

// ---------------------------------------------------------------------------
// Row functions
// ---------------------------------------------------------------------------

interface GoalArgs {
  actual: ActualValue | null;
  target: number | null;
  baseline: number | null;
  direction: Direction | null;
}

/** Reads Actual, Target, Baseline and Direction in that order; the first rejected one is the error. */
function readGoalArgs(actual: unknown, target: unknown, baseline: unknown, direction: unknown): GoalArgs | CustomFunctions.Error {
  const a = column("actual", readActual(actual), actual);
  if (isFunctionError(a)) return a;
  const t = column("target", readNumber(target), target);
  if (isFunctionError(t)) return t;
  const b = column("baseline", readNumber(baseline), baseline);
  if (isFunctionError(b)) return b;
  const d = column("direction", readEnum("direction", direction), direction);
  if (isFunctionError(d)) return d;
  return { actual: a, target: t, baseline: b, direction: d };
}

function progressCell(args: unknown[]): Cell<number> {
  const actual = args[0];
  const target = args[1];
  const baseline = args[2];
  const direction = args[3];
  const cap = args[4];
  const g = readGoalArgs(actual, target, baseline, direction);
  if (isFunctionError(g)) return g;
  const c = numberArg("Cap", cap);
  if (isFunctionError(c)) return c;
  return fromOutcome(coreProgress({ actual: g.actual, target: g.target, baseline: g.baseline, direction: g.direction, cap: c ?? undefined }));
}

// scoring.md "Progress": core progress(); the blank Actual / invalid goal cases come from the core Outcome.
/**
 * Progress of a goal towards its target, from 0 to cap: Increase (A−B)/(T−B), Decrease (B−A)/(B−T), At least and At most 1 or 0, Milestone done. Blank actual: #N/A; an invalid goal: #VALUE! naming the rule.
 * @customfunction PROGRESS
 * @helpurl https://localhost:3000/help.html#goal-progress
 * @param actual The Actual: a number, or TRUE/FALSE (yes/no, done/not done) for a milestone. Blank gives #N/A.
 * @param target The Target: the number to reach (text such as 45% or 1,200 is read as a number).
 * @param [baseline] The Baseline the goal starts from. Blank counts as 0 for Increase; Decrease needs it.
 * @param [direction] Increase, Decrease, At least, At most or Milestone (synonyms such as up, down, >=, max, done). Blank: inferred from Target vs Baseline.
 * @param [cap] Highest progress shown, at least 1 (1.5 shows over-achievement up to 150%). Blank: 1.
 * @returns Progress, from 0 to cap.
 */
export function progress(
  actual: unknown,
  target: unknown,
  baseline?: unknown,
  direction?: unknown,
  cap?: unknown,
): number | CustomFunctions.Error | Array<Array<number | CustomFunctions.Error>> {
  return lift([actual, target, baseline, direction, cap], progressCell);
}

function tierCell(args: unknown[]): Cell<number> {
  const actual = args[0];
  const threshold = args[1];
  const target = args[2];
  const stretch = args[3];
  const direction = args[4];
  const thresholdPay = args[5];
  const stretchPay = args[6];
  const a = column("actual", readActual(actual), actual);
  if (isFunctionError(a)) return a;
  const th = column("threshold", readNumber(threshold), threshold);
  if (isFunctionError(th)) return th;
  const t = column("target", readNumber(target), target);
  if (isFunctionError(t)) return t;
  const s = column("stretch", readNumber(stretch), stretch);
  if (isFunctionError(s)) return s;
  const d = column("direction", readEnum("direction", direction), direction);
  if (isFunctionError(d)) return d;
  const tp = numberArg("Threshold pay", thresholdPay);
  if (isFunctionError(tp)) return tp;
  const sp = numberArg("Stretch pay", stretchPay);
  if (isFunctionError(sp)) return sp;
  return fromOutcome(
    coreTier({
      actual: a,
      threshold: th,
      target: t,
      stretch: s,
      direction: d,
      // The threshold plays the baseline's part when a blank Direction is inferred.
      baseline: th,
      thresholdPay: tp ?? undefined,
      stretchPay: sp ?? undefined,
    }),
  );
}

// scoring.md "Tier score": core tier(). A blank direction is inferred from threshold vs target by passing
// the threshold as the core's baseline (the threshold plays the baseline's part): Target > Threshold is
// Increase, Target < Threshold is Decrease, equal is At least (whose tier score is the progress).
/**
 * Tier score on the threshold/target/stretch payout curve: 0 below the threshold, thresholdPay at it, 1 at the target, up to stretchPay at the stretch (mirrored for Decrease). Blank direction: inferred from threshold vs target.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help.html#goal-tier
 * @param actual The Actual: a number (TRUE/FALSE for a milestone). Blank gives #N/A.
 * @param threshold The Threshold: the floor of the payout curve, below the Target (above it for Decrease).
 * @param target The Target, which pays 1.
 * @param [stretch] The Stretch, beyond the Target, which pays stretchPay. Blank: the score stops at 1.
 * @param [direction] Increase, Decrease, At least, At most or Milestone. Blank: inferred with the threshold as baseline: target above threshold is Increase, below is Decrease, equal is At least.
 * @param [thresholdPay] Score paid at the threshold, 0 to 1. Blank: 0.5.
 * @param [stretchPay] Score paid at the stretch, 1 or more. Blank: 1.5.
 * @returns The tier score.
 */
export function tier(
  actual: unknown,
  threshold: unknown,
  target: unknown,
  stretch?: unknown,
  direction?: unknown,
  thresholdPay?: unknown,
  stretchPay?: unknown,
): number | CustomFunctions.Error | Array<Array<number | CustomFunctions.Error>> {
  return lift([actual, threshold, target, stretch, direction, thresholdPay, stretchPay], tierCell);
}

function scoreCell(args: unknown[]): Cell<number> {
  const actual = args[0];
  const target = args[1];
  const baseline = args[2];
  const direction = args[3];
  const threshold = args[4];
  const stretch = args[5];
  const g = readGoalArgs(actual, target, baseline, direction);
  if (isFunctionError(g)) return g;
  const th = column("threshold", readNumber(threshold), threshold);
  if (isFunctionError(th)) return th;
  const s = column("stretch", readNumber(stretch), stretch);
  if (isFunctionError(s)) return s;
  return fromOutcome(coreScore({ actual: g.actual, target: g.target, baseline: g.baseline, direction: g.direction, threshold: th, stretch: s }));
}

// scoring.md "Score": core score().
/**
 * The Score column's value: the tier score when a threshold is given, else the progress capped at 1. Blank actual: #N/A; an invalid goal: #VALUE! naming the rule.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help.html#goal-score
 * @param actual The Actual: a number, or TRUE/FALSE for a milestone. Blank gives #N/A.
 * @param target The Target: the number to reach.
 * @param [baseline] The Baseline the goal starts from. Blank counts as 0 for Increase.
 * @param [direction] Increase, Decrease, At least, At most or Milestone. Blank: inferred from Target vs Baseline.
 * @param [threshold] The Threshold (floor of the payout curve). Given: the score is the tier score.
 * @param [stretch] The Stretch, beyond the Target (used with a threshold).
 * @returns The score.
 */
export function score(
  actual: unknown,
  target: unknown,
  baseline?: unknown,
  direction?: unknown,
  threshold?: unknown,
  stretch?: unknown,
): number | CustomFunctions.Error | Array<Array<number | CustomFunctions.Error>> {
  return lift([actual, target, baseline, direction, threshold, stretch], scoreCell);
}

/** As of: the given date, else today. */
function asOfArg(raw: unknown): Day | CustomFunctions.Error {
  const d = dateArg("As of", raw);
  if (isFunctionError(d)) return d;
  return d ?? today();
}

function paceCell(args: unknown[]): Cell<number> {
  const start = args[0];
  const due = args[1];
  const asOf = args[2];
  const s = column("start", readDate(start), start);
  if (isFunctionError(s)) return s;
  const d = column("due", readDate(due), due);
  if (isFunctionError(d)) return d;
  const at = asOfArg(asOf);
  if (isFunctionError(at)) return at;
  const e = corePace(s, d, at);
  if (e !== null) return e;
  if (s === null || d === null) return naError("No pace: Start and Due are both needed");
  return rowRuleProblem({ start, due }, "T2") ?? naError("No pace: Due is not after Start");
}

// scoring.md "Pace and status": core pace(); Due before Start takes rule T2's message from the core.
/**
 * Expected progress at asOf: the share of the time from start to due that has passed, from 0 to 1. #N/A when start or due is blank or due is not after start.
 * @customfunction PACE
 * @helpurl https://localhost:3000/help.html#goal-pace
 * @param start The Start date (an Excel date or text such as 2026-01-01).
 * @param due The Due date.
 * @param [asOf] The date to measure at. Blank: today (the function is not volatile: pass TODAY() to follow the date).
 * @returns Expected progress, from 0 to 1.
 */
export function pace(start: unknown, due: unknown, asOf?: unknown): number | CustomFunctions.Error | Array<Array<number | CustomFunctions.Error>> {
  return lift([start, due, asOf], paceCell);
}

function statusCell(args: unknown[]): Cell<string> {
  const actual = args[0];
  const target = args[1];
  const baseline = args[2];
  const direction = args[3];
  const start = args[4];
  const due = args[5];
  const asOf = args[6];
  const g = readGoalArgs(actual, target, baseline, direction);
  if (isFunctionError(g)) return g;
  const s = column("start", readDate(start), start);
  if (isFunctionError(s)) return s;
  const d = column("due", readDate(due), due);
  if (isFunctionError(d)) return d;
  const at = asOfArg(asOf);
  if (isFunctionError(at)) return at;
  const p = uncappedProgress(g);
  if (p.kind === "invalid") return valueError(`${p.code}: ${p.message}`);
  return coreStatus({
    direction: g.direction ?? inferDirection(g.target, g.baseline),
    p: p.kind === "value" ? p.value : null,
    start: s,
    due: d,
    asOf: at,
  });
}

// scoring.md "Pace and status": P = core uncappedProgress(), then core status() without check-ins or threshold.
/**
 * Status of a goal (Not started, No data, On track, At risk, Off track, Achieved or Missed) from its progress against the pace between start and due. Check-ins and thresholds are not used here.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/help.html#goal-status
 * @param actual The Actual: a number, or TRUE/FALSE for a milestone. Blank: No data (or Not started before the start).
 * @param target The Target: the number to reach.
 * @param [baseline] The Baseline the goal starts from. Blank counts as 0 for Increase.
 * @param [direction] Increase, Decrease, At least, At most or Milestone. Blank: inferred from Target vs Baseline.
 * @param [start] The Start date. Blank: no pace, so the status follows progress alone.
 * @param [due] The Due date. After it the goal is Achieved or Missed.
 * @param [asOf] The date to judge at. Blank: today (the function is not volatile: pass TODAY() to follow the date).
 * @returns The status text.
 */
export function status(
  actual: unknown,
  target: unknown,
  baseline?: unknown,
  direction?: unknown,
  start?: unknown,
  due?: unknown,
  asOf?: unknown,
): string | CustomFunctions.Error | Array<Array<string | CustomFunctions.Error>> {
  return lift([actual, target, baseline, direction, start, due, asOf], statusCell);
}

/** SMART's arguments, as goal columns, in argument order. */
const SMART_FIELDS: readonly ColumnKey[] = ["title", "owner", "target", "baseline", "direction", "unit", "start", "due", "source", "type"];

function smartCell(args: unknown[]): Cell<string> {
  const values: Partial<Record<ColumnKey, unknown>> = {};
  SMART_FIELDS.forEach((k, i) => (values[k] = args[i]));
  const goal = goalFromRecord({ values });
  const bad = firstByField(dataFindings(goal), SMART_FIELDS);
  if (bad) return findingError(bad);
  const findings = rowFindings(goal, {
    direction: goal.directionGiven ?? inferDirection(goal.target, goal.baseline),
    type: goal.typeGiven ?? "Key Result",
    hasChildren: false,
    start: goal.start,
    due: goal.due,
    dueWindow: null,
    settings: DEFAULT_SETTINGS,
  }).filter((f) => letterOf(f.code) !== "R");
  return smartString(findings, ["R"]);
}

// smart.md: core goalFromRecord(), dataFindings() (E1–E4 → #VALUE!), rowFindings() and smartString(…, ["R"]).
/**
 * The goal's SMART string from its own row, such as S M ! - T: the letter passes, ! warns, ✗ fails; R (alignment) shows as - and is checked by the task pane. An unreadable cell: #VALUE! naming the rule.
 * @customfunction SMART
 * @helpurl https://localhost:3000/help.html#goal-smart
 * @param title The Title: what will be achieved, in at least 3 words.
 * @param owner The Owner: the person or team accountable.
 * @param target The Target: the number to reach.
 * @param [baseline] The Baseline the goal starts from.
 * @param [direction] Increase, Decrease, At least, At most or Milestone. Blank: inferred from Target vs Baseline.
 * @param [unit] The Unit: %, USD, days, count …
 * @param [start] The Start date.
 * @param [due] The Due date.
 * @param [source] The Data Source: where the Actual comes from.
 * @param [type] Objective, Key Result, KPI, Performance or Development. Blank: Key Result.
 * @returns The SMART string, such as S M ! - T.
 */
export function smart(
  title: unknown,
  owner: unknown,
  target: unknown,
  baseline?: unknown,
  direction?: unknown,
  unit?: unknown,
  start?: unknown,
  due?: unknown,
  source?: unknown,
  type?: unknown,
): string | CustomFunctions.Error | Array<Array<string | CustomFunctions.Error>> {
  return lift([title, owner, target, baseline, direction, unit, start, due, source, type], smartCell);
}

// ---------------------------------------------------------------------------
// Range functions
// ---------------------------------------------------------------------------

/** A score cell: the number; null for blank, `#N/A` (no data) or anything else that is not a number. */
function scoreOrNull(raw: unknown): number | null {
  const r = readNumber(raw);
  return r.kind === "value" ? r.value : null;
}

// scoring.md weight rule: core weightedAverage(). Error cells in weights skip their row; text or a
// negative weight is reported (E2 / W3), since it would silently change every other row's share.
/**
 * Weighted average of a range of scores, skipping blanks and errors. Blank weights count equally, or as the mean of the set ones. #N/A when no score has data.
 * @customfunction WEIGHTED
 * @helpurl https://localhost:3000/help.html#goal-weighted
 * @param scores The range of scores.
 * @param [weights] The weights, a range of the same size as scores (40% and 0.4 are the same). Blank: equal weights.
 * @returns The weighted average score.
 */
export function weighted(scores: unknown[][], weights?: unknown[][]): number | CustomFunctions.Error {
  const ranges = readRanges([scores, weights]);
  if (isFunctionError(ranges)) return ranges;
  const [s, w] = ranges;
  if (s === null) return valueError("Select the range of scores");
  const n = s.size;
  const sc: (number | null)[] = new Array<number | null>(n);
  const wt: (number | null)[] | undefined = w ? new Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    sc[i] = scoreOrNull(cellAt(s, i));
    if (!w || !wt) continue;
    const raw = cellAt(w, i);
    const r = readNumber(raw);
    if (r.kind === "blank") wt[i] = null;
    else if (r.kind === "invalid") {
      // An error cell skips its row, like an error score; text is reported.
      if (r.code === "E1") {
        sc[i] = null;
        wt[i] = null;
      } else return columnProblem("weight", raw);
    } else if (r.value < 0) return rowRuleProblem({ weight: r.value }, "W3") ?? valueError(`W3: ${MESSAGES.W3(r.value)}`);
    else wt[i] = r.value;
  }
  const avg = weightedAverage(sc, wt);
  return avg === null ? naError(NO_SCORE_MESSAGE) : avg;
}

/** The message of a Sum roll-up, which needs Actuals the function does not take. */
export const SUM_MESSAGE =
  "Rollup Sum adds up the children's Actuals, which GOAL.ROLLUP does not take; use Weighted, Worst or Own here, or let the task pane roll up Sum goals";

/** A Score cell for ROLLUP: number, null for no data (blank or #N/A), or `#VALUE!` for anything else. */
function rollupScore(raw: unknown): number | null | CustomFunctions.Error {
  const r = readNumber(raw);
  if (r.kind === "value") return r.value;
  if (r.kind === "blank" || (r.code === "E1" && r.text === "#N/A")) return null;
  return numberArg("Score", raw);
}

/** GOAL.ROLLUP's IDs: the text (null when blank or unreadable: an ID is no scoring field) and its key. */
function readIds(r: Range, names: (string | null)[], keys: (string | null)[]): void {
  for (let i = 0; i < r.size; i++) {
    const id = readText(cellAt(r, i));
    const name = id.kind === "value" ? id.value : null;
    names[i] = name;
    keys[i] = idKey(name);
  }
}

/** GOAL.ROLLUP's Parent IDs as refs column-wise: upper-cased IDs and shares (NaN: none written). */
function readParentRefs(r: Range, refStart: Int32Array, refKeys: string[], refShares: number[]): void {
  for (let i = 0; i < r.size; i++) {
    const parentText = readText(cellAt(r, i));
    if (parentText.kind === "value") {
      const refs = parseParents(parentText.value);
      for (let k = 0; k < refs.length; k++) {
        refKeys.push(refs[k].id.toUpperCase());
        const share = refs[k].share;
        refShares.push(share === null ? NaN : share);
      }
    }
    refStart[i + 1] = refKeys.length;
  }
}

/** GOAL.ROLLUP's scores (NaN: no data); an unreadable one is the goal's error. */
function readRollupScores(r: Range, errors: (CustomFunctions.Error | null)[], scoreOf: Float64Array): void {
  for (let i = 0; i < r.size; i++) {
    const own = rollupScore(cellAt(r, i));
    if (isFunctionError(own)) {
      errors[i] = own;
      scoreOf[i] = NaN;
    } else scoreOf[i] = own === null ? NaN : own;
  }
}

/** GOAL.ROLLUP's weights (NaN: blank); an unreadable or negative one is the goal's error unless it has one. */
function readRollupWeights(r: Range, errors: (CustomFunctions.Error | null)[], weightOf: Float64Array): void {
  for (let i = 0; i < r.size; i++) {
    const raw = cellAt(r, i);
    const w = column("weight", readNumber(raw), raw);
    if (isFunctionError(w)) errors[i] ??= w;
    else if (w !== null && w < 0) errors[i] ??= rowRuleProblem({ weight: w }, "W3") ?? valueError(`W3: ${MESSAGES.W3(w)}`);
    else if (w !== null) weightOf[i] = w;
  }
}

/**
 * GOAL.ROLLUP's modes; an unreadable one is the goal's error unless it has one. A Sum goal takes
 * its Rolled Up from `sumR` (the task pane's, which adds up the children's Actuals) and passes it
 * on like an Own goal its Score; without `sumR` it is the goal's error.
 */
function readRollupModes(r: Range, errors: (CustomFunctions.Error | null)[], modeOf: Uint8Array, sumR: Range | null, scoreOf: Float64Array): void {
  for (let i = 0; i < r.size; i++) {
    const raw = cellAt(r, i);
    const m = column("rollup", readEnum("rollup", raw), raw);
    if (isFunctionError(m)) errors[i] ??= m;
    else if (m === "Sum") {
      if (sumR === null) {
        errors[i] ??= valueError(SUM_MESSAGE);
        continue;
      }
      const sum = rollupScore(cellAt(sumR, i));
      if (isFunctionError(sum)) errors[i] ??= sum;
      else scoreOf[i] = sum === null ? NaN : sum;
      modeOf[i] = FLAT_OWN;
    } else modeOf[i] = m === "Worst" ? FLAT_WORST : m === "Own" ? FLAT_OWN : FLAT_WEIGHTED;
  }
}

/** The message of a goal whose Status says it is blocked. */
function blockedMessage(status: string): string {
  return `${status}: the goal has a problem that stops it being scored, so it has no Rolled Up and counts as no data for its parents; the task pane's Check tab names it`;
}

/** GOAL.ROLLUP's statuses: the goals whose Status is Blocked (…), as their error unless they have one. */
function readRollupStatuses(r: Range, blockedBy: (string | null)[]): void {
  for (let i = 0; i < r.size; i++) {
    blockedBy[i] = blockedStatus(cellAt(r, i));
  }
}

// scoring.md "Cascade roll-up": core parseParents(), readEnum("rollup"), and rollup() column-wise
// (resolveFlatLinks(), computeFlatRollup()). Blocked like the task pane: an unreadable Weight / Rollup /
// Score, a negative Weight (W3), a repeated ID (D1), and with statuses every goal the task pane blocked
// (Status Blocked (…)). Sum needs Actuals: a Sum goal takes its Rolled Up from rolledUp, else is blocked.
// Cycle members get R4. One pass, Maps and flat arrays only.
/**
 * Rolls scores up the Parent ID cascade (Weighted, Worst, Own; Sum from rolledUp): a column with each goal's Rolled Up score; enter once, it spills. No data: #N/A; a blocked goal, an alignment cycle or an unreadable cell: #VALUE! naming the rule.
 * @customfunction ROLLUP
 * @helpurl https://localhost:3000/help.html#goal-rollup
 * @param ids The goal IDs (unique, case-insensitive).
 * @param parents The Parent ID of each goal: blank, one ID, or several like G-1; G-2 or G-1=60%; G-2=40%.
 * @param scores Each goal's own Score (blank or #N/A: no data).
 * @param [weights] Each goal's Weight among its siblings. Blank: equal weights.
 * @param [modes] Each goal's Rollup: Weighted (default), Worst, Own or Sum. Sum adds up Actuals, which this function does not take: give rolledUp for it.
 * @param [statuses] The Status column: a goal whose Status is Blocked (…) has no Rolled Up and counts as no data for its parents, as in the task pane.
 * @param [rolledUp] The Rolled Up column: a Sum goal takes its rolled-up score from here (the task pane adds up its children's Actuals) and passes it on to its parents.
 * @returns The rolled-up score of each goal, as a column.
 */
export function rollup(
  ids: unknown[][],
  parents: unknown[][],
  scores: unknown[][],
  weights?: unknown[][],
  modes?: unknown[][],
  statuses?: unknown[][],
  rolledUp?: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  const ranges = readRanges([ids, parents, scores, weights, modes, statuses, rolledUp]);
  if (isFunctionError(ranges)) return [[ranges]];
  const [idR, parentR, scoreR, weightR, modeR, statusR, sumR] = ranges;
  if (idR === null || parentR === null || scoreR === null) return [[valueError("Select the ids, parents and scores ranges")]];
  const n = idR.size;
  // The goals column-wise for core resolveFlatLinks() / computeFlatRollup(): the same roll-up as
  // core rollup() without an object per goal (NaN stands for blank, which no read cell gives).
  // One small loop per column, so that each is compiled early and on its own.
  const names: (string | null)[] = new Array<string | null>(n);
  const keys: (string | null)[] = new Array<string | null>(n);
  readIds(idR, names, keys);
  const refStart = new Int32Array(n + 1);
  const refKeys: string[] = [];
  const refShares: number[] = [];
  readParentRefs(parentR, refStart, refKeys, refShares);
  // The first rejected cell of Score, Weight, Rollup (in that order) blocks the goal.
  const errors: (CustomFunctions.Error | null)[] = new Array<CustomFunctions.Error | null>(n).fill(null);
  const scoreOf = new Float64Array(n);
  readRollupScores(scoreR, errors, scoreOf);
  const weightOf = new Float64Array(n).fill(NaN);
  if (weightR !== null) readRollupWeights(weightR, errors, weightOf);
  const modeOf = new Uint8Array(n);
  if (modeR !== null) readRollupModes(modeR, errors, modeOf, sumR, scoreOf);
  const blockedBy: (string | null)[] = new Array<string | null>(n).fill(null);
  if (statusR !== null) readRollupStatuses(statusR, blockedBy);
  const blocked = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (errors[i] !== null || blockedBy[i] !== null) blocked[i] = 1;
  // Links do not depend on which goals are blocked, so they are resolved first; the first row of each
  // ID is where it resolves to, so the other rows of an ID are its repeats.
  const result = resolveFlatLinks({ keys, refStart, refKeys, refShares, weights: weightOf });
  // D1: every occurrence of a repeated ID is blocked. Rows of each repeated ID, by its first row.
  for (const rows of repeatedIds(result.firstOf).values()) {
    // Name up to five other rows; only the first six rows are looked at, so this stays linear.
    const head = rows.slice(0, 6);
    for (const i of rows) {
      if (errors[i] !== null) continue;
      const others = head.filter((j) => j !== i).slice(0, 5);
      const also = others.map((j) => `row ${j + 1}`);
      if (rows.length - 1 > others.length) also[also.length - 1] += " …";
      errors[i] = valueError(`D1: ${MESSAGES.D1(names[i], also)}`);
      blocked[i] = 1;
    }
  }
  const rolled = computeFlatRollup(result, modeOf, scoreOf, blocked).rolledUp;
  // R4: one message per cycle.
  const cycleText = result.cycles.map((cycle) => {
    // A long cycle is named by its first ten goals, to keep the message readable.
    const labels = cycle.slice(0, 10).map((j) => names[j] ?? `row ${j + 1}`);
    return `R4: ${MESSAGES.R4(cycle.length > 10 ? [...labels, "…"] : labels)}`;
  });
  const out: Array<Array<number | CustomFunctions.Error>> = new Array<Array<number | CustomFunctions.Error>>(n);
  for (let i = 0; i < n; i++) {
    const error = errors[i];
    const cycle = result.cycleOf[i];
    const r = rolled[i];
    const by = blockedBy[i];
    out[i] = [error ?? (cycle >= 0 ? valueError(cycleText[cycle]) : by !== null ? valueError(blockedMessage(by)) : Number.isNaN(r) ? naError() : r)];
  }
  return out;
}

/** The Status cell's text when it says the goal is blocked (`Blocked (E1)` … as the task pane writes it), else null. */
function blockedStatus(raw: unknown): string | null {
  const t = readText(raw);
  return t.kind === "value" && /^blocked\b/i.test(t.value) ? t.value : null;
}

/**
 * The rows SCORECARD reads: every row, or with statuses only the goals' rows (a non-blank
 * Status: the task pane writes one for every goal, none for an empty row of the table).
 */
function goalRows(n: number, statusR: Range | null): Int32Array {
  if (statusR === null) return Int32Array.from({ length: n }, (_, i) => i);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (readText(cellAt(statusR, i)).kind !== "blank") rows.push(i);
  return Int32Array.from(rows);
}

/**
 * SCORECARD's items for the given rows, all top until their parents are known. Groups as the
 * task pane makes them (core groupOfCell, GroupLabels): an enumeration column by canonical value,
 * free text matched ignoring case and extra spaces.
 */
function scorecardItems(rows: Int32Array, groupR: Range, scoreR: Range, weightR: Range | null, field: EnumField | null): ScorecardItem[] {
  const items: ScorecardItem[] = new Array<ScorecardItem>(rows.length);
  const labels = new GroupLabels();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const group = labels.of(groupOfCell(cellAt(groupR, i), field));
    const w = weightR !== null ? readNumber(cellAt(weightR, i)) : null;
    items[k] = { group, score: scoreOrNull(cellAt(scoreR, i)), weight: w !== null && w.kind === "value" ? w.value : null, top: true };
  }
  return items;
}

/** The first of the given rows with each ID, by upper-cased ID, as its place among those rows. */
function firstRowOfIds(rows: Int32Array, idR: Range): Map<string, number> {
  const indexOf = new Map<string, number>();
  for (let k = 0; k < rows.length; k++) {
    const id = readText(cellAt(idR, rows[k]));
    const key = idKey(id.kind === "value" ? id.value : null);
    if (key !== null && !indexOf.has(key)) indexOf.set(key, k);
  }
  return indexOf;
}

/** Marks the goals with a parent in their own group as not top. */
function markTopGoals(rows: Int32Array, items: ScorecardItem[], parentR: Range, indexOf: Map<string, number>): void {
  for (let i = 0; i < items.length; i++) {
    const parentText = readText(cellAt(parentR, rows[i]));
    if (parentText.kind !== "value") continue;
    const refs = parseParents(parentText.value);
    const group = items[i].group;
    for (let k = 0; k < refs.length; k++) {
      const p = indexOf.get(refs[k].id.toUpperCase());
      if (p !== undefined && items[p].group === group) {
        items[i].top = false;
        break;
      }
    }
  }
}

// scoring.md "Weighted scorecards": core scorecards(); top goals from the parents as core resolveLinks()
// resolves them when ids and parents are given. Like the task pane, unreadable scores and weights count as
// blank, groups are made by core groupOfCell() and GroupLabels, and with statuses the rows without a Status
// (empty rows of the table) are no goals.
/**
 * One row per group (usually Owner), in order of first appearance: group, weighted score of its top goals, weight total and completeness. With ids and parents, goals under a goal of the same group do not count twice.
 * @customfunction SCORECARD
 * @helpurl https://localhost:3000/help.html#goal-scorecard
 * @param groups The group of each goal, usually the Owner column. Text spelled alike apart from case and extra spaces is one group, shown as first written; blank is (blank).
 * @param scores Each goal's score, usually the Rolled Up column (blanks and errors count as no data).
 * @param [weights] Each goal's Weight. Blank: equal weights; a blank among set ones counts as their mean.
 * @param [ids] The goal IDs; give them with parents to count only top goals.
 * @param [parents] The Parent ID of each goal; give them with ids.
 * @param [statuses] The Status column: a row whose Status is blank (an empty row of the table) is not a goal and is left out, as in the task pane. Blank: every row is a goal.
 * @param [column] The name of the column the groups come from. Type, Level, Direction or Rollup: goals group by the canonical value, so team and Team are one group, as are up and Increase.
 * @returns Rows of group, score, weight total and completeness (weight with data ÷ weight total).
 */
export function scorecard(
  groups: unknown[][],
  scores: unknown[][],
  weights?: unknown[][],
  ids?: unknown[][],
  parents?: unknown[][],
  statuses?: unknown[][],
  column?: unknown,
): Array<Array<string | number | CustomFunctions.Error>> {
  const ranges = readRanges([groups, scores, weights, ids, parents, statuses]);
  if (isFunctionError(ranges)) return [[ranges]];
  const [groupR, scoreR, weightR, idR, parentR, statusR] = ranges;
  if (groupR === null || scoreR === null) return [[valueError("Select the groups and scores ranges")]];
  if ((idR === null) !== (parentR === null)) return [[valueError("Give both ids and parents to count only top goals, or leave both out")]];
  const field = groupColumnArg(column);
  if (isFunctionError(field)) return [[field]];
  const rows = goalRows(groupR.size, statusR);
  if (rows.length === 0) return [[naError("No goals yet: every Status is blank; refresh the goal tables")]];
  const items = scorecardItems(rows, groupR, scoreR, weightR, field);
  // A goal is not top when one of its parents (as core resolveLinks() resolves Parent IDs: to the
  // first goal with that ID, case-insensitive) is in the same group. Only the parents are needed here,
  // not shares, sibling weights or cycles.
  if (idR !== null && parentR !== null) markTopGoals(rows, items, parentR, firstRowOfIds(rows, idR));
  return scorecards(items).map((c) => [
    c.group,
    c.score ?? naError(NO_SCORE_MESSAGE),
    c.weightTotal,
    c.completeness ?? naError("No completeness: the group's weight total is 0"),
  ]);
}

/** SCORECARD's column: an enumeration field, null for free text (blank or any other column). */
function groupColumnArg(raw: unknown): EnumField | null | CustomFunctions.Error {
  const v = plainCell(Array.isArray(raw) ? (raw as unknown[][])[0]?.[0] : raw);
  const t = readText(v);
  if (t.kind === "blank") return null;
  if (t.kind === "invalid") return valueError(`The column name holds the Excel error ${t.text}; give a column name such as Level, or leave it out`);
  return enumGroupField(t.value);
}
