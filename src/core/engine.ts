/**
 * The engine end to end: cells in; findings, scores, statuses, roll-ups and scorecards
 * out. Every goal gets values or findings; nothing throws. This file is the evaluation's
 * order; each step is elsewhere (docs/engine.md has the map): reading (model.ts,
 * history.ts), the rules (rules/), scoring (scoring.ts, rules/status.ts), the roll-up
 * (rollup.ts) and the scorecards (scorecard.ts).
 */
import { ActualValue } from "./cells";
import { ColumnKey, Direction, EnumField, GoalType, RollupMode, Status } from "./columns";
import { Day, today } from "./dates";
import { Finding } from "./findings";
import { GoalColumns } from "./goal-columns";
import { GoalLookup, HistoryReader, readHistory } from "./history";
import { keepLayoutsOnce } from "./keep";
import { CellReader, Goal, goalValue, idKey } from "./model";
import { OwnerNumbers, ownerGroups } from "./owners";
import { FlatGoalsBuilder, FlatLinks, computeFlatRollup, resolveFlatLinks } from "./rollup";
import { GroupLabels, Missing, Scorecard, ScorecardColumns, enumGroupField, groupOfCell, scorecardsOf } from "./scorecard";
import { Scorer } from "./scoring";
import { DEFAULT_SETTINGS, Settings } from "./settings";
import { trend } from "./rules/achievable";
import { duplicateIds } from "./rules/data";
import { Escalation } from "./rules/escalation";
import { FindingLists } from "./rules/finding";
import { sumUnits } from "./rules/measurable";
import { parentRules } from "./rules/relevant";
import { SameTitles, sameTitles } from "./rules/specific";
import { WorkbookInput, workbookInputFromTables } from "./tables";
import { OwnerWeights, weightRules } from "./rules/weights";
import { GoalScorer, Run } from "./run";
import { WeightBuffer } from "./weights";

export interface EvaluateOptions {
  asOf?: Day;
  settings?: Settings;
  /** Group scorecards by this column (default Owner) … */
  groupBy?: ColumnKey;
  /** … or by these values, one per goal (a user column, for instance). */
  groups?: readonly (string | null)[];
  missing?: Missing;
  /** The review cycle's name (`2026-H1`): its window is used for T3 when a goal has no Cycle. */
  reviewCycle?: string | null;
}

export interface GoalResult {
  index: number;
  id: string | null;
  title: string | null;
  owner: string | null;
  type: GoalType;
  direction: Direction;
  rollupMode: RollupMode;
  actual: ActualValue | null;
  start: Day | null;
  due: Day | null;
  progress: number | null;
  score: number | null;
  /** Expected progress at asOf; null when undefined. */
  pace: number | null;
  status: Status | null;
  rolledUp: number | null;
  coverage: number | null;
  smart: string;
  escalate: boolean;
  blocked: boolean;
  /** The first blocking finding, `code: message`, for a blocked goal (what its computed cells show). */
  error: string | null;
  /** That finding itself: its code, field and cell as data. */
  blockedBy: Finding | null;
  findings: string[];
  /** Indices of the resolved parents. */
  parents: number[];
  children: number[];
}

export interface Evaluation {
  asOf: Day;
  settings: Settings;
  goals: GoalResult[];
  findings: Finding[];
  scorecards: Scorecard[];
  cycles: number[][];
}

/** Runs every rule and computation over a workbook's goals and check-ins. */
export function evaluate(input: WorkbookInput, options: EvaluateOptions = {}): Evaluation {
  keepLayoutsOnce(layoutSamples);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const asOf = options.asOf ?? today();
  const system = input.dateSystem;
  const n = input.goalCount;
  const reader = new CellReader(system);
  // 1. Each goal read once, and what the links and the cross-goal rules need of it taken then.
  const goals = new Array<Goal>(n);
  const linkInput = new FlatGoalsBuilder(n);
  const cols = new GoalColumns(n);
  for (let i = 0; i < n; i++) {
    const g = (goals[i] = reader.goal(input, i));
    linkGoal(linkInput, g);
    cols.take(i, g);
  }
  const findings = new FindingLists(n);
  const looseFindings: Finding[] = [];

  // 2. Links: Type, M1 and the roll-up depend on who has children. Then the check-ins (E1–E3 on theirs).
  const flat = linkInput.build();
  const links = resolveFlatLinks(flat);
  const history = readHistory(input, reader, new GoalLookup(flat.keys, links), n, findings, looseFindings);
  const run = new Run(goals, cols, flat, links, history, findings, settings, asOf, options.reviewCycle ?? null);

  // 3. Effective values and the rules of each row (E1–E4, then rules/row.ts), then the rules across goals.
  for (let i = 0; i < n; i++) run.readRow(i);
  crossGoalRules(goals, run);
  // 4. Blocked goals and own scores; 5. the roll-up; 6. status, escalation, T4 and the result rows.
  for (let i = 0; i < n; i++) run.scoreGoal(i);
  const rolled = computeFlatRollup(links, run.flatMode, run.flatScore, run.flatBlocked, run.scorer);
  const results = new Array<GoalResult>(n);
  for (let i = 0; i < n; i++) results[i] = run.result(i, rolled);

  // 7. Scorecards.
  const groups = new Array<string>(n);
  const labels = new GroupLabels();
  const groupField = options.groups ? null : enumGroupField(options.groupBy ?? "owner");
  for (let i = 0; i < n; i++) groups[i] = labels.of(scorecardGroup(goals[i], i, options, groupField));
  const cards = scorecardsOf(scorecardColumns(results, groups, links, flat.weights), options.missing ?? "exclude");

  const all: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const fs = findings.of(i);
    for (let k = 0; k < fs.length; k++) all.push(fs[k]);
  }
  for (const f of looseFindings) all.push(f);
  return { asOf, settings, goals: results, findings: all, scorecards: cards, cycles: links.cycles };
}

/**
 * The rules that look across goals, in the order of each goal's findings: D1, S3, R1–R5,
 * W2 / A4 / W1, A3, U1 (T4 comes with the status, in Run.result).
 */
function crossGoalRules(goals: readonly Goal[], run: Run): void {
  const { links, cols, findings, settings } = run;
  const n = goals.length;
  duplicateIds(goals, links.firstOf, findings);
  const owners = ownerGroups(cols.ownerOf, cols.ownerCount);
  sameTitles(goals, owners, cols, findings);
  parentRules(goals, links, run.flat.refStart, cols, findings);
  weightRules(goals, links, owners, run.flat.weights, cols, settings, findings);
  for (let i = 0; i < n; i++) trend(goals[i], run.direction[i], run.due[i], cols.target[i], cols.baseline[i], run.history, settings, findings);
  for (let i = 0; i < n; i++) if (cols.modes[i] === "Sum") sumUnits(goals, links, i, findings);
}

/** A goal's ID, Parent IDs (upper-cased) with shares, and weight, column-wise for the roll-up. */
function linkGoal(b: FlatGoalsBuilder, g: Goal): void {
  b.goal(g.key, g.weight);
  const refs = g.parentRefs;
  for (let k = 0; k < refs.length; k++) b.parent(idKey(refs[k].id) as string, refs[k].share);
}

/**
 * Goal i's scorecard group: its value in `options.groups`, else its cell in the groupBy column
 * (Owner); an enumeration column by its canonical value; "(blank)" for none (scorecard.ts groupOfCell).
 */
function scorecardGroup(g: Goal, i: number, options: EvaluateOptions, field: EnumField | null): string {
  if (options.groups) return groupOfCell(options.groups[i], null);
  return groupOfCell(goalValue(g, options.groupBy ?? "owner"), field);
}

/** On its group's scorecard goal i is a top goal unless one of its parents is in the same group. */
function isTopGoal(links: FlatLinks, groups: readonly string[], i: number): boolean {
  for (let l = links.linkStart[i]; l < links.linkStart[i + 1]; l++) if (groups[links.linkParent[l]] === groups[i]) return false;
  return true;
}

/** The goals as scorecard items, column-wise: group, Rolled Up, Weight, top flag and status. */
function scorecardColumns(results: readonly GoalResult[], groups: readonly string[], links: FlatLinks, weights: Float64Array): ScorecardColumns {
  const n = results.length;
  const score = new Array<number | null>(n);
  const weight = new Array<number | null>(n);
  const top = new Array<boolean>(n);
  const status = new Array<Status | null>(n);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    score[i] = r.rolledUp;
    status[i] = r.status;
    weight[i] = Number.isNaN(weights[i]) ? null : weights[i];
    top[i] = isTopGoal(links, groups, i);
  }
  return { group: groups, score, weight, top, status };
}

/**
 * One empty object of each class an evaluation makes, kept for the life of the page
 * (keep.ts says why). Made at the first evaluation, not when the module loads.
 */
const EMPTY_TABLE = { name: "Goals", sheet: "Goals", headerRow: 1, firstColumn: 0, headers: [], rows: [] };

function layoutSamples(): object[] {
  const flat = new FlatGoalsBuilder(0);
  const links = resolveFlatLinks(flat.build());
  const lookup = new GoalLookup([], links);
  const findings = new FindingLists(0);
  const history = new HistoryReader(0, 0, new CellReader(), lookup, findings, []);
  const cols = new GoalColumns(0);
  return [
    flat,
    lookup,
    findings,
    history,
    cols,
    new CellReader(),
    new OwnerNumbers(),
    new GroupLabels(),
    new Scorer(),
    new WeightBuffer(),
    new GoalScorer([], [], DEFAULT_SETTINGS),
    new Escalation(history.history(), new GoalScorer([], [], DEFAULT_SETTINGS), DEFAULT_SETTINGS),
    new Run([], cols, flat.build(), links, history.history(), findings, DEFAULT_SETTINGS, 0, null),
    new SameTitles([], cols, findings),
    new OwnerWeights([], links, ownerGroups(new Int32Array(0), 0), new Float64Array(0), cols, DEFAULT_SETTINGS, findings, new Uint8Array(0)),
    // The input's objects: the workbook, a goal table and a check-in table.
    workbookInputFromTables([EMPTY_TABLE], EMPTY_TABLE),
  ];
}
