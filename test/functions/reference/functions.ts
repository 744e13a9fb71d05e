/**
 * Reference copies of GOAL.SCORE, GOAL.WEIGHTED, GOAL.ROLLUP and GOAL.SCORECARD as they
 * were before their fast paths (commit 8c07eb6), with the core roll-up, scorecards and
 * scoring of that commit beside them (./rollup, ./scorecard, ./scoring). The
 * equivalence tests compare the functions with these, value for value and message for
 * message. Not used by anything in src/.
 */
import { ActualValue, readActual, readEnum, readNumber, readText } from "../../../src/core/cells";
import { Direction, RollupMode } from "../../../src/core/columns";
import { quote } from "../../../src/core/findings";
import { idKey, parseParents } from "../../../src/core/model";
import { column, fromOutcome, numberArg, rowRuleProblem, columnProblem } from "../../../src/functions/adapters";
import { isFunctionError, naError, valueError } from "../../../src/functions/errors";
import { lift, readRanges } from "./ranges";
import { RollupNode, rollup as coreRollup, resolveLinks } from "./rollup";
import { BLANK_GROUP, ScorecardItem, scorecards, weightedAverage } from "./scorecard";
import { score as coreScore } from "./scoring";

type Cell<T> = T | CustomFunctions.Error;
const NO_SCORE_MESSAGE = "No score with data yet";

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
/** A score cell: the number; null for blank, `#N/A` (no data) or anything else that is not a number. */
function scoreOrNull(raw: unknown): number | null {
  const r = readNumber(raw);
  return r.kind === "value" ? r.value : null;
}

// scoring.md weight rule: core weightedAverage(). Error cells in weights skip their row; text or a
export function weighted(scores: unknown[][], weights?: unknown[][]): number | CustomFunctions.Error {
  const ranges = readRanges([scores, weights]);
  if (isFunctionError(ranges)) return ranges;
  const [s, w] = ranges;
  if (s === null) return valueError("Select the range of scores");
  const n = s.cells.length;
  const sc: (number | null)[] = new Array(n);
  const wt: (number | null)[] | undefined = w ? new Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    sc[i] = scoreOrNull(s.cells[i]);
    if (!w || !wt) continue;
    const raw = w.cells[i];
    const r = readNumber(raw);
    if (r.kind === "blank") wt[i] = null;
    else if (r.kind === "invalid") {
      // An error cell skips its row, like an error score; text is reported.
      if (r.code === "E1") {
        sc[i] = null;
        wt[i] = null;
      } else return columnProblem("weight", raw);
    } else if (r.value < 0) return rowRuleProblem({ weight: r.value }, "W3") ?? valueError("W3: Weight is negative; enter 0 or more");
    else wt[i] = r.value;
  }
  const avg = weightedAverage(sc, wt);
  return avg === null ? naError(NO_SCORE_MESSAGE) : avg;
}

/** The message of a Sum roll-up, which needs Actuals the function does not take. */
const SUM_MESSAGE =
  "Rollup Sum adds up the children's Actuals, which GOAL.ROLLUP does not take; use Weighted, Worst or Own here, or let the task pane roll up Sum goals";

/** A Score cell for ROLLUP: number, null for no data (blank or #N/A), or `#VALUE!` for anything else. */
function rollupScore(raw: unknown): number | null | CustomFunctions.Error {
  const r = readNumber(raw);
  if (r.kind === "value") return r.value;
  if (r.kind === "blank" || (r.code === "E1" && r.text === "#N/A")) return null;
  return numberArg("Score", raw);
}

// scoring.md "Cascade roll-up": core parseParents(), readEnum("rollup"), rollup(). Blocked like the task
// pane: an unreadable Weight / Rollup / Score, a negative Weight (W3) or a repeated ID (D1); Sum is
export function rollup(
  ids: unknown[][],
  parents: unknown[][],
  scores: unknown[][],
  weights?: unknown[][],
  modes?: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  const ranges = readRanges([ids, parents, scores, weights, modes]);
  if (isFunctionError(ranges)) return [[ranges]];
  const [idR, parentR, scoreR, weightR, modeR] = ranges;
  if (idR === null || parentR === null || scoreR === null) return [[valueError("Select the ids, parents and scores ranges")]];
  const n = idR.cells.length;
  const errors: (CustomFunctions.Error | null)[] = new Array(n).fill(null);
  const names: (string | null)[] = new Array(n);
  const nodes: RollupNode[] = new Array(n);
  const rowsOfKey = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let error: CustomFunctions.Error | null = null;
    // ID and Parent ID are not scoring fields: an unreadable one leaves the goal scored (as the task pane does).
    const id = readText(idR.cells[i]);
    names[i] = id.kind === "value" ? id.value : null;
    const key = idKey(names[i]);
    if (key !== null) {
      const list = rowsOfKey.get(key);
      if (list) list.push(i);
      else rowsOfKey.set(key, [i]);
    }
    const parentText = readText(parentR.cells[i]);
    const refs = parseParents(parentText.kind === "value" ? parentText.value : null);
    const own = rollupScore(scoreR.cells[i]);
    if (isFunctionError(own)) error = own;
    let weight: number | null = null;
    if (weightR) {
      const raw = weightR.cells[i];
      const w = column("weight", readNumber(raw), raw);
      if (isFunctionError(w)) error ??= w;
      else if (w !== null && w < 0) error ??= rowRuleProblem({ weight: w }, "W3") ?? valueError("W3: Weight is negative; enter 0 or more");
      else weight = w;
    }
    let mode: RollupMode = "Weighted";
    if (modeR) {
      const raw = modeR.cells[i];
      const m = column("rollup", readEnum("rollup", raw), raw);
      if (isFunctionError(m)) error ??= m;
      else if (m === "Sum") error ??= valueError(SUM_MESSAGE);
      else if (m !== null) mode = m;
    }
    errors[i] = error;
    nodes[i] = {
      key,
      parents: refs.map((r) => ({ key: r.id.toUpperCase(), share: r.share })),
      weight,
      mode,
      score: isFunctionError(own) ? null : own,
      blocked: error !== null,
    };
  }
  // D1: every occurrence of a repeated ID is blocked.
  for (const rows of rowsOfKey.values()) {
    if (rows.length < 2) continue;
    // Name up to five other rows; only the first six rows are looked at, so this stays linear.
    const head = rows.slice(0, 6);
    for (const i of rows) {
      if (errors[i] !== null) continue;
      const others = head.filter((j) => j !== i).slice(0, 5);
      const also = others.map((j) => `row ${j + 1}`).join(", ") + (rows.length - 1 > others.length ? " …" : "");
      errors[i] = valueError(`D1: ID ${quote(names[i])} is used more than once (also ${also}); give each goal its own ID`);
      nodes[i].blocked = true;
    }
  }
  const result = coreRollup(nodes);
  // R4: one message per cycle.
  const cycleText = result.cycles.map((cycle) => {
    // A long cycle is named by its first ten goals, to keep the message readable.
    const labels = cycle.slice(0, 10).map((j) => names[j] ?? `row ${j + 1}`);
    const path = [...labels, ...(cycle.length > 10 ? ["…"] : []), labels[0]].join(" → ");
    return `R4: Goal is on an alignment cycle ${path}; remove one of these Parent ID links`;
  });
  const out: Array<Array<number | CustomFunctions.Error>> = new Array(n);
  for (let i = 0; i < n; i++) {
    const error = errors[i];
    const cycle = result.cycleOf[i];
    const r = result.rolledUp[i];
    out[i] = [error ?? (cycle >= 0 ? valueError(cycleText[cycle]) : r === null ? naError() : r)];
  }
  return out;
}

// scoring.md "Weighted scorecards": core scorecards(); top goals from core resolveLinks() when ids and
export function scorecard(
  groups: unknown[][],
  scores: unknown[][],
  weights?: unknown[][],
  ids?: unknown[][],
  parents?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  const ranges = readRanges([groups, scores, weights, ids, parents]);
  if (isFunctionError(ranges)) return [[ranges]];
  const [groupR, scoreR, weightR, idR, parentR] = ranges;
  if (groupR === null || scoreR === null) return [[valueError("Select the groups and scores ranges")]];
  if ((idR === null) !== (parentR === null)) return [[valueError("Give both ids and parents to count only top goals, or leave both out")]];
  const n = groupR.cells.length;
  const items: ScorecardItem[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = readText(groupR.cells[i]);
    // Like the task pane, a group cell holding an error groups by its text (#N/A …).
    const group = g.kind === "value" ? g.value : g.kind === "invalid" ? g.text : BLANK_GROUP;
    const w = weightR ? readNumber(weightR.cells[i]) : null;
    items[i] = { group, score: scoreOrNull(scoreR.cells[i]), weight: w !== null && w.kind === "value" ? w.value : null, top: true };
  }
  if (idR !== null && parentR !== null) {
    const graph = resolveLinks(
      items.map((item, i) => {
        const id = readText(idR.cells[i]);
        const parentText = readText(parentR.cells[i]);
        return {
          key: idKey(id.kind === "value" ? id.value : null),
          parents: parseParents(parentText.kind === "value" ? parentText.value : null).map((r) => ({ key: r.id.toUpperCase(), share: r.share })),
          weight: item.weight,
        };
      }),
    );
    for (let i = 0; i < n; i++) items[i].top = !graph.parentsOf[i].some((l) => items[l.node].group === items[i].group);
  }
  return scorecards(items).map((c) => [
    c.group,
    c.score ?? naError(NO_SCORE_MESSAGE),
    c.weightTotal,
    c.completeness ?? naError("No completeness: the group's weight total is 0"),
  ]);
}
