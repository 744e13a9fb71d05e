/**
 * The engine end to end: cells in; findings, scores, statuses, roll-ups and
 * scorecards out. Every goal gets values or findings; nothing throws.
 */
import { ActualValue } from "./cells";
import { CheckInKey, ColumnKey, Direction, EnumField, GoalType, RollupMode, Status, levelRank } from "./columns";
import { DateSystem, Day, Window, cycleWindow, isoDay, today } from "./dates";
import { Finding, quote, smartString } from "./findings";
import { keepLayout } from "./keep";
import { CHECKIN_ROWS, CheckInFields, CheckInRowInput, Goal, ParentRef, WorkbookInput, checkInCell, emptyCheckInFields, goalCell, hasInvalid, idKey, readCheckInInto, readGoal, rowValue } from "./model";
import { FLAT_MODE, FlatGoals, FlatGoalsBuilder, FlatLinks, FlatRollup, computeFlatRollup, repeatedIds, resolveFlatLinks } from "./rollup";
import { GroupLabels, Missing, Scorecard, ScorecardColumns, enumGroupField, groupOfCell, scorecardsOf } from "./scorecard";
import { ScoreInput, StatusInput, capProgress, fmt, inferDirection, pace, score, scoreNumber, status, uncappedProgressNumber } from "./scoring";
import { DEFAULT_SETTINGS, Settings } from "./settings";
import { RowContext, dataFindingsTo, finding, isBlocking, rowFindingsTo } from "./smart";
import { isFullTotal } from "./weights";

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
  /** The first blocking finding's message, for a blocked goal. */
  error: string | null;
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


/** Shared empty lists for the many goals without findings, parents or children (never changed). */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const NO_INDICES: number[] = Object.freeze([]) as unknown as number[];
const NO_CODES: string[] = Object.freeze([]) as unknown as string[];

/**
 * Each goal's findings, in the order they were found. A goal's list is made at its
 * first finding, so the many goals without one cost nothing.
 */
class FindingLists {
  private readonly lists: (Finding[] | undefined)[];
  constructor(n: number) {
    this.lists = new Array<Finding[] | undefined>(n);
  }
  add(i: number, f: Finding): void {
    const l = this.lists[i];
    if (l) l.push(f);
    else this.lists[i] = [f];
  }
  of(i: number): readonly Finding[] {
    return this.lists[i] ?? NO_FINDINGS;
  }
}

keepLayout(new FindingLists(0));

/**
 * Check-ins per goal, oldest first (the latest is the greatest Date, on a tie the lower
 * row), held column-wise: 300,000 check-ins are a few typed arrays, not 300,000 objects.
 */
interface History {
  /** Goal i's check-ins are `order[offset[i]]` … `order[offset[i + 1] - 1]`. */
  offset: Int32Array;
  order: Int32Array;
  date: Float64Array;
  /** A number, or for milestones TRUE/FALSE. */
  num: Float64Array;
  /** 0: the number in `num`; 1: FALSE; 2: TRUE. */
  bool: Uint8Array;
}

function historyLength(h: History, i: number): number {
  return h.offset[i + 1] - h.offset[i];
}

/** The check-in number `k` (0 = oldest) of goal i. */
function historyAt(h: History, i: number, k: number): number {
  return h.order[h.offset[i] + k];
}

function checkInValue(h: History, c: number): ActualValue {
  const b = h.bool[c];
  return b === 0 ? h.num[c] : b === 2;
}

/**
 * The goal a check-in's Goal ID names (the first goal with that ID), -1 for none. Check-ins
 * are mostly listed goal after goal, or a few for one goal in a row: the goal after the last
 * one found, or that goal again, is tried before the look-up table (100,000 IDs).
 */
class GoalLookup {
  private last = -1;
  constructor(
    private readonly keys: readonly (string | null)[],
    private readonly links: Pick<FlatLinks, "indexOf" | "firstOf">,
  ) {}
  find(key: string): number {
    const { keys, links } = this;
    const next = this.last + 1;
    if (next < keys.length && keys[next] === key && links.firstOf[next] === next) return (this.last = next);
    if (this.last >= 0 && keys[this.last] === key && links.firstOf[this.last] === this.last) return this.last;
    const i = links.indexOf.get(key);
    if (i === undefined) return -1;
    this.last = i;
    return i;
  }
}

const CHECKIN_FIELD: Record<string, string> = { goalId: "Goal ID", date: "Date", value: "Value", confidence: "Confidence", comment: "Comment" };

/** E1–E3 of a check-in's rejected cells: on its goal, or loose when the Goal ID names no goal. */
function checkInFindings(row: CheckInRowInput, c: CheckInFields, gi: number | undefined, findings: FindingLists, loose: Finding[]): void {
  for (const rejected in c.invalid) {
    const key = rejected as CheckInKey;
    const bad = c.invalid[key];
    if (!bad) continue;
    const field = CHECKIN_FIELD[key];
    const what =
      bad.code === "E1"
        ? `holds the Excel error ${bad.text}; fix the formula or type the value`
        : bad.code === "E3"
          ? `${quote(bad.text)} is not a date; enter a date such as 2026-06-30`
          : `${quote(bad.text)} is not a number; enter a number`;
    const f: Finding = {
      code: bad.code,
      severity: "fail",
      goal: c.goalId,
      goalIndex: gi ?? -1,
      field,
      cell: checkInCell(row, key),
      message: `Check-in ${field} ${what}`,
    };
    if (gi === undefined) loose.push(f);
    else findings.add(gi, f);
  }
}

/**
 * Reads the check-ins: their E1–E3 findings (on the goal, or loose when the Goal ID
 * names no goal) and the history of each goal (check-ins with a Date and a Value).
 */
function readHistory(input: WorkbookInput, system: DateSystem, lookup: GoalLookup, n: number, findings: FindingLists, loose: Finding[]): History {
  // Straight from the CheckIns table when the input came from tables (no object per check-in).
  const source = input[CHECKIN_ROWS];
  if (source) {
    const reader = new HistoryReader(source.count, n, system, lookup, findings, loose);
    for (let r = 0; r < source.count; r++) {
      const row = source.at(r);
      if (row !== null) reader.read(r, row);
    }
    return reader.history();
  }
  const rows = input.checkIns ?? [];
  const reader = new HistoryReader(rows.length, n, system, lookup, findings, loose);
  for (let k = 0; k < rows.length; k++) reader.read(k, rows[k]);
  return reader.history();
}

/** readHistory's work, one check-in (`read`) and one goal (`sortGoal`) at a time. */
class HistoryReader {
  private readonly goalOf: Int32Array;
  private readonly date: Float64Array;
  private readonly num: Float64Array;
  private readonly bool: Uint8Array;
  private readonly offset: Int32Array;
  private readonly c: CheckInFields = emptyCheckInFields();
  constructor(
    m: number,
    private readonly n: number,
    private readonly system: DateSystem,
    private readonly lookup: GoalLookup,
    private readonly findings: FindingLists,
    private readonly loose: Finding[],
  ) {
    // -1: a row that names no goal (or a blank row of the table, never read).
    this.goalOf = new Int32Array(m).fill(-1);
    this.date = new Float64Array(m);
    this.num = new Float64Array(m);
    this.bool = new Uint8Array(m);
    this.offset = new Int32Array(n + 1);
  }

  read(k: number, row: CheckInRowInput): void {
    const c = this.c;
    readCheckInInto(row, this.system, c, false);
    const found = c.key === null ? -1 : this.lookup.find(c.key);
    const gi = found < 0 ? undefined : found;
    // The findings of rejected cells, in a function of their own: the usual row has none.
    if (hasInvalid(c)) checkInFindings(row, c, gi, this.findings, this.loose);
    if (gi !== undefined && c.date !== null && c.value !== null) {
      this.goalOf[k] = gi;
      this.date[k] = c.date;
      if (typeof c.value === "boolean") this.bool[k] = c.value ? 2 : 1;
      else this.num[k] = c.value;
      this.offset[gi + 1]++;
    } else this.goalOf[k] = -1;
  }

  history(): History {
    const { n, offset, goalOf, date, num, bool } = this;
    const m = goalOf.length;
    for (let i = 0; i < n; i++) offset[i + 1] += offset[i];
    const order = new Int32Array(offset[n]);
    const next = offset.slice(0, n);
    for (let k = 0; k < m; k++) if (goalOf[k] >= 0) order[next[goalOf[k]]++] = k;
    for (let i = 0; i < n; i++) if (offset[i + 1] - offset[i] > 1) sortGoal(order, offset[i], offset[i + 1], date);
    return { offset, order, date, num, bool };
  }
}

/**
 * A goal's check-ins `order[from]` … `order[to - 1]`, oldest first. Rows are in input order
 * already, so a stable sort by Date keeps ties by row.
 */
function sortGoal(order: Int32Array, from: number, to: number, date: Float64Array): void {
  if (to - from <= 16) {
    for (let a = from + 1; a < to; a++) {
      const k = order[a];
      let b = a - 1;
      while (b >= from && date[order[b]] > date[k]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = k;
    }
    return;
  }
  const sorted = Array.from(order.subarray(from, to)).sort((x, y) => date[x] - date[y] || x - y);
  order.set(sorted, from);
}

/** A goal's ID, Parent IDs (upper-cased) with shares, and weight, column-wise for the roll-up. */
function linkGoal(b: FlatGoalsBuilder, g: Goal): void {
  b.goal(g.key, g.weight);
  const refs = g.parentRefs;
  for (let k = 0; k < refs.length; k++) b.parent(idKey(refs[k].id) as string, refs[k].share);
}

function firstBlocking(fs: readonly Finding[]): Finding | undefined {
  for (let k = 0; k < fs.length; k++) if (isBlocking(fs[k])) return fs[k];
  return undefined;
}

function anyBlocking(fs: readonly Finding[]): boolean {
  return firstBlocking(fs) !== undefined;
}

function codesOf(fs: readonly Finding[]): string[] {
  const out: string[] = new Array<string>(fs.length);
  for (let k = 0; k < fs.length; k++) out[k] = fs[k].code;
  return out;
}

function childCount(links: FlatLinks, i: number): number {
  return links.childStart[i + 1] - links.childStart[i];
}

/** Indices of goal i's resolved parents, in Parent ID order. */
function parentsOf(links: FlatLinks, i: number): number[] {
  const from = links.linkStart[i];
  const out: number[] = new Array<number>(links.linkStart[i + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = links.linkParent[from + k];
  return out;
}

/** Indices of goal i's children, in row order. */
function childrenOf(links: FlatLinks, i: number): number[] {
  const from = links.childStart[i];
  const out: number[] = new Array<number>(links.childStart[i + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = links.linkChild[links.childLink[from + k]];
  return out;
}

/** Runs every rule and computation over a workbook's goals and check-ins. */
export function evaluate(input: WorkbookInput, options: EvaluateOptions = {}): Evaluation {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const asOf = options.asOf ?? today();
  const system = input.dateSystem ?? 1900;
  const n = input.goals.length;
  // Each goal read once, and what the links and the workbook rules need of it taken then.
  const goals: Goal[] = new Array<Goal>(n);
  const linkInput = new FlatGoalsBuilder(n);
  const cols = new GoalColumns(n);
  for (let i = 0; i < n; i++) {
    const g = (goals[i] = readGoal(input.goals[i], i, system));
    linkGoal(linkInput, g);
    cols.take(i, g);
  }
  const findings = new FindingLists(n);
  const looseFindings: Finding[] = [];

  // Links first: Type, M1 and the roll-up depend on who has children.
  const flat = linkInput.build();
  const links = resolveFlatLinks(flat);
  const history = readHistory(input, system, new GoalLookup(flat.keys, links), n, findings, looseFindings);
  const run = new Run(goals, cols, flat, links, history, findings, settings, asOf, options.reviewCycle ?? null);

  // Effective values and the rules of each row.
  for (let i = 0; i < n; i++) run.readRow(i);
  workbookRules(goals, links, history, findings, run);
  // Blocked goals and own scores.
  for (let i = 0; i < n; i++) run.scoreGoal(i);
  // Roll-up.
  const rolled = computeFlatRollup(links, run.flatMode, run.flatScore, run.flatBlocked, run.scorer);
  // Status, escalation, results.
  const results: GoalResult[] = new Array<GoalResult>(n);
  for (let i = 0; i < n; i++) results[i] = run.result(i, rolled);

  // Scorecards.
  const groups: string[] = new Array<string>(n);
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
 * Goal i's scorecard group: its value in `options.groups`, else its cell in the groupBy column
 * (Owner); an enumeration column by its canonical value; "(blank)" for none (scorecard.ts groupOfCell).
 */
function scorecardGroup(g: Goal, i: number, options: EvaluateOptions, field: EnumField | null): string {
  if (options.groups) return groupOfCell(options.groups[i], null);
  return groupOfCell(rowValue(g.row, options.groupBy ?? "owner"), field);
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
 * What the roll-up and the workbook rules need of each goal, taken as the goal is read
 * (a pass over 100,000 goal objects costs more than most rules): its Rollup mode, its
 * owner's number (-1 for none), hashes of its Title (0 with none) and Cycle, whether it
 * has a Title, whether its Weight is blank (W2), its Level's rank (0 for none), whether it
 * lacks a Parent ID (R2), and its Target and Baseline (NaN for blank).
 */
class GoalColumns {
  readonly modes: RollupMode[];
  readonly ownerOf: Int32Array;
  readonly titleHash: Int32Array;
  readonly cycleHash: Int32Array;
  readonly hasTitle: Uint8Array;
  readonly blankWeight: Uint8Array;
  readonly levelRank: Uint8Array;
  readonly unaligned: Uint8Array;
  readonly target: Float64Array;
  readonly baseline: Float64Array;
  private readonly owners = new OwnerNumbers();
  constructor(n: number) {
    this.modes = new Array<RollupMode>(n);
    this.ownerOf = new Int32Array(n);
    this.titleHash = new Int32Array(n);
    this.cycleHash = new Int32Array(n);
    this.hasTitle = new Uint8Array(n);
    this.blankWeight = new Uint8Array(n);
    this.levelRank = new Uint8Array(n);
    this.unaligned = new Uint8Array(n);
    this.target = new Float64Array(n);
    this.baseline = new Float64Array(n);
  }
  get ownerCount(): number {
    return this.owners.count;
  }
  take(i: number, g: Goal): void {
    this.modes[i] = g.rollupGiven ?? "Weighted";
    this.ownerOf[i] = g.owner === null ? -1 : this.owners.of(g.owner);
    this.hasTitle[i] = g.title === null ? 0 : 1;
    this.titleHash[i] = g.title === null ? 0 : normHash(g.title);
    this.cycleHash[i] = normHash(g.cycle ?? "");
    this.blankWeight[i] = isBlankWeight(g) ? 1 : 0;
    this.levelRank[i] = g.level === null ? 0 : levelRank(g.level);
    this.unaligned[i] = g.parentText === null && g.invalid.parent === undefined && g.level !== "Company" ? 1 : 0;
    this.target[i] = g.target ?? NaN;
    this.baseline[i] = g.baseline ?? NaN;
  }
}

/**
 * One evaluation's goals and what is worked out for each, column by column. The work
 * for one goal is a method, called once per goal: V8 compiles these small pieces soon
 * and on their own, where one large function would run slowly until compiled as a whole.
 */
class Run {
  readonly direction: Direction[];
  readonly type: GoalType[];
  readonly actual: (ActualValue | null)[];
  readonly start: (Day | null)[];
  readonly due: (Day | null)[];
  readonly blocked: boolean[];
  readonly ownScore: (number | null)[];
  readonly p: (number | null)[];
  readonly flatMode: Uint8Array;
  readonly flatScore: Float64Array;
  readonly flatBlocked: Uint8Array;
  readonly scorer: GoalScorer;

  /** One context, filled in for each goal in turn (the row rules read it and keep nothing). */
  private readonly ctx: RowContext;
  private readonly sti: StatusInput;
  private readonly reviewWindow: Window | null;
  /** `[p]`, the parents of each goal whose one parent is p, shared (frozen) by those goals. */
  private readonly parentLists: (number[] | undefined)[];

  constructor(
    private readonly goals: readonly Goal[],
    readonly cols: GoalColumns,
    readonly flat: FlatGoals,
    private readonly links: FlatLinks,
    private readonly history: History,
    private readonly findings: FindingLists,
    readonly settings: Settings,
    private readonly asOf: Day,
    private readonly reviewLabel: string | null,
  ) {
    const n = goals.length;
    this.direction = new Array<Direction>(n);
    this.type = new Array<GoalType>(n);
    this.actual = new Array<ActualValue | null>(n);
    this.start = new Array<Day | null>(n);
    this.due = new Array<Day | null>(n);
    this.blocked = new Array<boolean>(n).fill(false);
    this.ownScore = new Array<number | null>(n);
    this.p = new Array<number | null>(n);
    this.flatMode = new Uint8Array(n);
    this.flatScore = new Float64Array(n);
    this.flatBlocked = new Uint8Array(n);
    this.scorer = new GoalScorer(goals, this.direction, settings);
    this.ctx = { direction: "Increase", type: "Key Result", hasChildren: false, start: null, due: null, dueWindow: null, windowLabel: null, settings };
    this.sti = { direction: "Increase", p: null, thresholdScore: null, blend: false, start: null, due: null, asOf, lastCheckIn: null, settings };
    this.reviewWindow = cycleWindow(reviewLabel);
    this.parentLists = new Array<number[] | undefined>(n);
  }

  /** Goal i's effective Direction, Type, Actual, Start and Due, and its E1–E4 and row rules. */
  readRow(i: number): void {
    const g = this.goals[i];
    const { links, history, ctx } = this;
    const direction = (this.direction[i] = g.directionGiven ?? inferDirection(g.target, g.baseline));
    const hasChildren = childCount(links, i) > 0;
    const type = (this.type[i] = g.typeGiven ?? (hasChildren && g.target === null && g.invalid.target === undefined ? "Objective" : "Key Result"));
    const hn = historyLength(history, i);
    this.actual[i] = g.actualCell ?? (hn > 0 ? checkInValue(history, historyAt(history, i, hn - 1)) : null);
    const start = (this.start[i] = g.start ?? g.window?.start ?? null);
    const due = (this.due[i] = g.due ?? g.window?.end ?? null);
    if (hasInvalid(g)) dataFindingsTo(g, this.findings);
    ctx.direction = direction;
    ctx.type = type;
    ctx.hasChildren = hasChildren;
    ctx.start = start;
    ctx.due = due;
    ctx.dueWindow = g.window ?? this.reviewWindow;
    ctx.windowLabel = g.window ? g.cycle : this.reviewLabel;
    rowFindingsTo(g, ctx, this.findings);
  }

  /** Whether goal i is blocked, its own Score and its uncapped progress, and its roll-up input. */
  scoreGoal(i: number): void {
    this.scoreOwn(i);
    this.rollupInput(i);
  }

  private scoreOwn(i: number): void {
    const { findings, links } = this;
    this.blocked[i] = anyBlocking(findings.of(i));
    this.ownScore[i] = null;
    this.p[i] = null;
    const g = this.goals[i];
    if (this.blocked[i]) return;
    const inp = this.scorer.input(i, this.actual[i]);
    const value = scoreNumber(inp);
    // No Score: score() says why (no data, or a rule).
    const own = Number.isNaN(value) ? score(inp) : null;
    if (own !== null && own.kind === "invalid" && !(childCount(links, i) > 0 && own.code === "M1")) {
      // The definition passed the rules but the Actual cannot be scored (TRUE for an Increase goal …).
      const exempt = (own.code === "M1" || own.code === "M3") && (this.type[i] === "Objective" || childCount(links, i) > 0);
      const field = own.code === "E2" ? "Actual" : "Target";
      if (!exempt && !findings.of(i).some((f) => f.code === own.code && f.field === field && f.goalIndex === i && isBlocking(f))) {
        findings.add(i, finding(g, own.code, "fail", own.code === "E2" ? "actual" : "target", own.message.replace(/^[A-Z]\d: /, "")));
      }
      this.blocked[i] = !exempt;
      return;
    }
    this.ownScore[i] = Number.isNaN(value) ? null : value;
    const pi = uncappedProgressNumber(inp);
    this.p[i] = Number.isNaN(pi) ? null : pi;
  }

  /** Goal i's Rollup mode, own Score, blocked flag and numeric Actual, column-wise for the roll-up. */
  private rollupInput(i: number): void {
    const a = this.actual[i];
    this.flatMode[i] = FLAT_MODE[this.cols.modes[i]];
    this.flatScore[i] = this.ownScore[i] ?? NaN;
    this.flatBlocked[i] = this.blocked[i] ? 1 : 0;
    this.scorer.actual[i] = typeof a === "number" ? a : NaN;
  }

  private onlyParent(p: number): number[] {
    let list = this.parentLists[p];
    if (list === undefined) this.parentLists[p] = list = Object.freeze([p]) as unknown as number[];
    return list;
  }

  /** Goal i's status, escalation, T4 and result row. */
  result(i: number, rolled: FlatRollup): GoalResult {
    const { goals, history, links, findings, settings, asOf, sti } = this;
    const g = goals[i];
    const blocked = this.blocked[i];
    const start = this.start[i];
    const due = this.due[i];
    const direction = this.direction[i];
    const rolledUp = Number.isNaN(rolled.rolledUp[i]) ? null : rolled.rolledUp[i];
    const hn = historyLength(history, i);
    const last = hn > 0 ? history.date[historyAt(history, i, hn - 1)] : null;
    const mode = this.cols.modes[i];
    let st: Status | null = null;
    let escalate = false;
    let ownProgress: number | null = null;
    if (!blocked) {
      let P = this.p[i];
      let thresholdScore: number | null = g.threshold !== null ? this.ownScore[i] : null;
      const fromChildren = rolled.fromChildren[i] === 1;
      // Weighted / Worst: P is a blend of the children's scores (scoring.md "Pace and status").
      const blend = fromChildren && mode !== "Sum";
      if (fromChildren) {
        if (mode === "Sum") {
          const sp = uncappedProgressNumber(this.scorer.input(i, Number.isNaN(rolled.sumActual[i]) ? 0 : rolled.sumActual[i]));
          P = Number.isNaN(sp) ? null : sp;
        } else P = rolledUp;
        thresholdScore = g.threshold !== null ? rolledUp : null;
      }
      sti.blend = blend;
      sti.direction = direction;
      sti.p = P;
      sti.thresholdScore = thresholdScore;
      sti.start = start;
      sti.due = due;
      sti.lastCheckIn = last;
      st = status(sti);
      escalate = st === "Missed" || (!fromChildren && offTrackTwice(g, history, i, direction, start, due, settings));
      // Progress is the uncapped progress worked out with the Score, capped.
      const own = this.p[i];
      ownProgress = own === null ? null : capProgress(own, settings.progressCap);
    }
    // T4
    if (due !== null && due < asOf && st !== "Achieved")
      findings.add(i, finding(g, "T4", "warn", "due", `Due ${isoDay(due)} has passed and the goal is ${st ?? "not scored"}; record the result or agree a new date`));
    const fs = findings.of(i);
    const firstBlock = firstBlocking(fs);
    const parentCount = links.linkStart[i + 1] - links.linkStart[i];
    const kidCount = childCount(links, i);
    return {
      index: i,
      id: g.id,
      title: g.title,
      owner: g.owner,
      type: this.type[i],
      direction,
      rollupMode: mode,
      actual: this.actual[i],
      start,
      due,
      progress: ownProgress,
      score: this.ownScore[i],
      pace: blocked ? null : pace(start, due, asOf),
      status: st,
      rolledUp: blocked ? null : rolledUp,
      coverage: Number.isNaN(rolled.coverage[i]) ? null : rolled.coverage[i],
      smart: smartString(fs),
      escalate,
      blocked,
      error: firstBlock ? `${firstBlock.code}: ${firstBlock.message}` : null,
      findings: fs.length === 0 ? NO_CODES : codesOf(fs),
      parents: parentCount === 0 ? NO_INDICES : parentCount === 1 ? this.onlyParent(links.linkParent[links.linkStart[i]]) : parentsOf(links, i),
      children: kidCount === 0 ? NO_INDICES : childrenOf(links, i),
    };
  }
}

/**
 * Goal i's Score and progress inputs with a given Actual (one record, filled in for each
 * goal in turn: the scoring functions keep nothing), and the Score of a Sum
 * roll-up (`sumScore`) over each goal's numeric Actual (`actual`, NaN for none).
 */
class GoalScorer {
  private readonly inp: ScoreInput;
  readonly actual: Float64Array;
  constructor(
    private readonly goals: readonly Goal[],
    private readonly direction: readonly Direction[],
    settings: Settings,
  ) {
    this.inp = { actual: null, target: null, baseline: null, direction: "Increase", threshold: null, stretch: null, thresholdPay: settings.thresholdPay, stretchPay: settings.stretchPay };
    this.actual = new Float64Array(goals.length);
  }
  input(i: number, a: ActualValue | null): ScoreInput {
    const g = this.goals[i];
    const inp = this.inp;
    inp.actual = a;
    inp.target = g.target;
    inp.baseline = g.baseline;
    inp.direction = this.direction[i];
    inp.threshold = g.threshold;
    inp.stretch = g.stretch;
    return inp;
  }
  sumScore(i: number, a: number): number | null {
    const s = scoreNumber(this.input(i, a));
    return Number.isNaN(s) ? null : s;
  }
}
keepLayout(new GoalScorer([], [], DEFAULT_SETTINGS));
keepLayout(new HistoryReader(0, 0, 1900, new GoalLookup([], { indexOf: new Map(), firstOf: new Int32Array(0) }), new FindingLists(0), []));

/** Escalation: Off track at each of the last two check-ins, each as of its own Date with its own Value. */
function offTrackTwice(g: Goal, h: History, i: number, dir: Direction, start: Day | null, due: Day | null, settings: Settings): boolean {
  const hn = historyLength(h, i);
  if (hn < 2) return false;
  const inp = ESCALATION_INPUT;
  const sti = ESCALATION_STATUS;
  for (let back = 1; back <= 2; back++) {
    const c = historyAt(h, i, hn - back);
    inp.actual = checkInValue(h, c);
    inp.target = g.target;
    inp.baseline = g.baseline;
    inp.direction = dir;
    inp.threshold = g.threshold;
    inp.stretch = g.stretch;
    const P = uncappedProgressNumber(inp);
    if (Number.isNaN(P)) return false;
    const s = scoreNumber(inp);
    sti.direction = dir;
    sti.p = P;
    sti.thresholdScore = g.threshold !== null && !Number.isNaN(s) ? s : null;
    sti.start = start;
    sti.due = due;
    sti.asOf = h.date[c];
    sti.lastCheckIn = h.date[c];
    sti.settings = settings;
    if (status(sti) !== "Off track") return false;
  }
  return true;
}
/** The inputs offTrackTwice fills in for each check-in it looks at (read at once, never kept). */
const ESCALATION_INPUT: ScoreInput = { actual: null, target: null, baseline: null, direction: "Increase", threshold: null, stretch: null, thresholdPay: undefined, stretchPay: undefined };
const ESCALATION_STATUS: StatusInput = { direction: "Increase", p: null, thresholdScore: null, blend: false, start: null, due: null, asOf: 0, lastCheckIn: null, settings: DEFAULT_SETTINGS };


/**
 * Rules that look across goals: S3, A3, A4, R1–R5, D1, W1, W2, U1. Each rule's work for
 * one goal, owner or parent is a function of its own (see `Run`); the rules run in this
 * order, which is the order of each goal's findings.
 */
function workbookRules(goals: Goal[], links: FlatLinks, history: History, findings: FindingLists, run: Run): void {
  const n = goals.length;
  const settings = run.settings;
  duplicateIds(goals, links, findings);
  // Goals by Owner (spelled alike after trimming, case and spaces): each owner's goals in
  // row order, for S3 and the owner rules.
  const owners = ownerGroups(run.cols.ownerOf, run.cols.ownerCount);
  for (let o = 0; o < owners.count; o++) sameTitles(goals, owners, o, run, findings);
  parentRules(goals, links, run, findings);
  // W2 among siblings (same parent), then over each owner's top goals with A4 and W1.
  const w2 = new Uint8Array(n);
  for (let p = 0; p < n; p++) blankSiblingWeights(links, run, p, w2);
  for (let o = 0; o < owners.count; o++) ownerWeights(goals, links, owners, o, run, findings, w2);
  for (let i = 0; i < n; i++)
    if (w2[i]) findings.add(i, finding(goals[i], "W2", "warn", "weight", "Weight is blank while the goals beside it have weights; it counts as their average — enter a weight"));
  for (let i = 0; i < n; i++) trendRule(goals, i, history, run, settings, findings);
  for (let i = 0; i < n; i++) if (run.cols.modes[i] === "Sum") unitRule(goals, links, i, findings);
}

/** D1: every occurrence of a repeated ID. The links know each ID's first goal: only the repeats make lists. */
function duplicateIds(goals: readonly Goal[], links: FlatLinks, findings: FindingLists): void {
  for (const list of repeatedIds(links.firstOf).values()) {
    for (const i of list) {
      const others = list.filter((j) => j !== i).map((j) => goalCell(goals[j], "id") ?? `goal ${j + 1}`);
      findings.add(i, finding(goals[i], "D1", "fail", "id", `ID ${quote(goals[i].id)} is used more than once (also ${others.join(", ")}); give each goal its own ID`));
    }
  }
}

interface OwnerGroups {
  count: number;
  /** Each goal's owner number, -1 without an owner. */
  of: Int32Array;
  /** Owner o's goals are `goals[start[o]]` … `goals[start[o + 1] - 1]`, in row order. */
  start: Int32Array;
  goals: Int32Array;
}

/** Scratch space of sameTitles (one call at a time). */
const titleGroup: number[] = [];
let titleHash = new Int32Array(16);
let cycleHash = new Int32Array(16);

/**
 * S3: same Owner and Cycle, same Title, among owner o's goals. Titles and cycles are
 * compared by a hash of their normal form first, then letter by letter: each goal is
 * reported with the first other goal (in row order) that reads alike.
 */
function sameTitles(goals: readonly Goal[], owners: OwnerGroups, o: number, run: Run, findings: FindingLists): void {
  const group = titleGroup;
  group.length = 0;
  for (let j = owners.start[o]; j < owners.start[o + 1]; j++) if (run.cols.hasTitle[owners.goals[j]]) group.push(owners.goals[j]);
  if (group.length < 2) return;
  if (titleHash.length < group.length) {
    titleHash = new Int32Array(group.length * 2);
    cycleHash = new Int32Array(group.length * 2);
  }
  for (let a = 0; a < group.length; a++) {
    titleHash[a] = run.cols.titleHash[group[a]];
    cycleHash[a] = run.cols.cycleHash[group[a]];
  }
  if (group.length <= 16) {
    for (let a = 0; a < group.length; a++) {
      for (let b = 0; b < group.length; b++) {
        if (a === b || titleHash[a] !== titleHash[b] || cycleHash[a] !== cycleHash[b]) continue;
        if (readAlike(goals[group[a]], goals[group[b]])) {
          sameTitle(goals, group[a], group[b], findings);
          break;
        }
      }
    }
    return;
  }
  // A large group: the goals with the same hashes in a list each.
  const byHash = new Map<number, number[]>();
  for (let a = 0; a < group.length; a++) {
    const key = titleHash[a] ^ Math.imul(cycleHash[a], 0x9e3779b1);
    const list = byHash.get(key);
    if (list) list.push(a);
    else byHash.set(key, [a]);
  }
  for (let a = 0; a < group.length; a++) {
    const list = byHash.get(titleHash[a] ^ Math.imul(cycleHash[a], 0x9e3779b1)) as number[];
    if (list.length < 2) continue;
    for (const b of list) {
      if (a === b || titleHash[a] !== titleHash[b] || cycleHash[a] !== cycleHash[b]) continue;
      if (readAlike(goals[group[a]], goals[group[b]])) {
        sameTitle(goals, group[a], group[b], findings);
        break;
      }
    }
  }
}

function sameTitle(goals: readonly Goal[], i: number, other: number, findings: FindingLists): void {
  findings.add(
    i,
    finding(goals[i], "S3", "warn", "title", `${goals[i].owner} has another goal titled ${quote(goals[i].title)} (${goals[other].id ?? "no ID"}); merge them or make the titles distinct`),
  );
}

/** R1, R5, R2, R3, R4. */
function parentRules(goals: readonly Goal[], links: FlatLinks, run: Run, findings: FindingLists): void {
  const n = goals.length;
  for (const u of links.unknownParents)
    findings.add(u.node, finding(goals[u.node], "R1", "fail", "parent", `Parent ID ${quote(u.key)} names no goal in the workbook; correct the ID or clear it`));
  const badTotal = new Uint8Array(n);
  for (const b of links.badShares) badTotal[b.node] = 1;
  for (const b of links.badShares)
    findings.add(
      b.node,
      finding(goals[b.node], "R5", "fail", "parent", `Attribution shares in Parent ID ${quote(goals[b.node].parentText)} total ${fmt(Math.round(b.total * 10000) / 100)}%; make them add up to 100%`),
    );
  const refStart = run.flat.refStart;
  for (let i = 0; i < n; i++) if (refStart[i + 1] > refStart[i] && !badTotal[i]) badShareText(goals[i], findings);
  for (let i = 0; i < n; i++) alignment(goals, links, i, run, findings);
  for (const cycle of links.cycles) {
    const ids = cycle.map((i) => goals[i].id ?? `row ${i + 1}`);
    const text = [...ids, ids[0]].join(" → ");
    for (const i of cycle) findings.add(i, finding(goals[i], "R4", "fail", "parent", `Goal is on an alignment cycle ${text}; remove one of these Parent ID links`));
  }
}

/** R5: a share that is not a percentage. */
function badShareText(g: Goal, findings: FindingLists): void {
  const bad = firstBadShare(g.parentRefs);
  if (bad) findings.add(g.index, finding(g, "R5", "fail", "parent", `Share ${quote(bad.badShare)} for parent ${bad.id} is not a percentage; write it like ${bad.id}=40%`));
}

/** R2 (no Parent ID) and R3 (a parent not above the goal's Level). */
function alignment(goals: readonly Goal[], links: FlatLinks, i: number, run: Run, findings: FindingLists): void {
  if (run.cols.unaligned[i]) {
    const g = goals[i];
    findings.add(i, finding(g, "R2", "warn", "parent", `${g.level ?? "This"} goal has no Parent ID, so it is not aligned; name the goal it supports`));
  }
  // Ranks: 0 for no Level, else higher for a higher level.
  const rank = run.cols.levelRank[i];
  if (rank === 0) return;
  for (let l = links.linkStart[i]; l < links.linkStart[i + 1]; l++) {
    const parent = links.linkParent[l];
    const pr = run.cols.levelRank[parent];
    if (pr === 0 || pr > rank) continue;
    const g = goals[i];
    findings.add(i, finding(g, "R3", "warn", "parent", `Parent ${goals[parent].id} is a ${goals[parent].level} goal, not above this ${g.level} goal; align to a goal at a higher level`));
  }
}

/** W2 among the children of parent p: a blank Weight beside weighted siblings. */
function blankSiblingWeights(links: FlatLinks, run: Run, p: number, w2: Uint8Array): void {
  const from = links.childStart[p];
  const to = links.childStart[p + 1];
  if (to - from < 2) return;
  const weights = run.flat.weights;
  let weighted = false;
  // A Weight of 0 or more (NaN, a blank or unreadable one, is not).
  for (let k = from; k < to && !weighted; k++) weighted = weights[links.linkChild[links.childLink[k]]] >= 0;
  if (!weighted) return;
  for (let k = from; k < to; k++) {
    const c = links.linkChild[links.childLink[k]];
    if (run.cols.blankWeight[c]) w2[c] = 1;
  }
}

/** Scratch space of ownerWeights (one call at a time). */
const ownerTops: number[] = [];
const ownerTopWeights: number[] = [];

/** A4, W1 and W2 over owner o's top goals (those without a parent of the same owner). */
function ownerWeights(goals: readonly Goal[], links: FlatLinks, owners: OwnerGroups, o: number, run: Run, findings: FindingLists, w2: Uint8Array): void {
  const { settings } = run;
  const weights = run.flat.weights;
  const tops = ownerTops;
  const w = ownerTopWeights;
  tops.length = 0;
  for (let j = owners.start[o]; j < owners.start[o + 1]; j++) {
    const i = owners.goals[j];
    let top = true;
    for (let l = links.linkStart[i]; l < links.linkStart[i + 1]; l++) if (owners.of[links.linkParent[l]] === o) top = false;
    if (top) tops.push(i);
  }
  if (tops.length < 2) return;
  // The weight rule (effectiveWeights) over the top goals' weights, a negative one counting as blank.
  let mean = 0;
  let set = 0;
  // Weights are NaN where blank or unreadable.
  for (let j = 0; j < tops.length; j++) {
    const wt = weights[tops[j]];
    if (wt >= 0 && Number.isFinite(wt)) {
      set++;
      mean += (wt - mean) / set;
    }
  }
  const fill = set === 0 ? 1 : mean;
  let total = 0;
  let anySet = false;
  w.length = tops.length;
  for (let j = 0; j < tops.length; j++) {
    const wt = weights[tops[j]];
    const given = wt >= 0;
    if (given) anySet = true;
    w[j] = given && Number.isFinite(wt) ? wt : fill;
    total += w[j];
  }
  const shareLimit = settings.maxWeightShare + 1e-12;
  const full = isFullTotal(total);
  for (let j = 0; j < tops.length; j++) {
    const t = tops[j];
    if (anySet && run.cols.blankWeight[t]) w2[t] = 1;
    const heavy = total > 0 && w[j] / total > shareLimit;
    if (!heavy && (!anySet || full)) continue;
    const g = goals[t];
    if (heavy)
      findings.add(
        g.index,
        finding(
          g,
          "A4",
          "warn",
          "weight",
          `Weight ${fmt(w[j])} is ${Math.round((w[j] / total) * 100)}% of ${g.owner}'s weight total (limit ${Math.round(settings.maxWeightShare * 100)}%); spread the weight over the goals`,
        ),
      );
    if (anySet && !full)
      findings.add(g.index, finding(g, "W1", "warn", "weight", `${g.owner}'s top-goal weights total ${fmt(total)}, not 100% or 1; adjust the weights so they add up`));
  }
}

/** A3: the trend of the check-ins against the Target. */
function trendRule(goals: readonly Goal[], i: number, history: History, run: Run, settings: Settings, findings: FindingLists): void {
  const dir = run.direction[i];
  const due = run.due[i];
  const target = run.cols.target[i];
  if ((dir !== "Increase" && dir !== "Decrease") || Number.isNaN(target) || due === null) return;
  const hn = historyLength(history, i);
  let numeric = 0;
  for (let k = 0; k < hn; k++) if (history.bool[historyAt(history, i, k)] === 0) numeric++;
  if (numeric < 3) return;
  const baseline = run.cols.baseline[i];
  const base = !Number.isNaN(baseline) ? baseline : dir === "Increase" ? 0 : null;
  if (base === null || target === base) return;
  const y = historyTrend(history, i, due);
  if (y === null) return;
  const way = (y - base) / (target - base);
  if (way < settings.trendShortfall)
    findings.add(
      i,
      finding(
        goals[i],
        "A3",
        "warn",
        "target",
        `At the current trend the goal reaches ${fmt(y)} by ${isoDay(due)}, ${Math.round(way * 100)}% of the way to Target ${fmt(target)}; review the plan or the Target`,
      ),
    );
}

/** U1: a Sum roll-up over children with another Unit. */
function unitRule(goals: readonly Goal[], links: FlatLinks, i: number, findings: FindingLists): void {
  const g = goals[i];
  const unit = norm(g.unit ?? "");
  const odd = childrenOf(links, i).filter((c) => norm(goals[c].unit ?? "") !== unit);
  if (odd.length > 0)
    findings.add(
      i,
      finding(
        g,
        "U1",
        "warn",
        "unit",
        `Sum roll-up adds children measured in another unit (${odd
          .slice(0, 5)
          .map((c) => `${goals[c].id ?? "?"}: ${quote(goals[c].unit ?? "")}`)
          .join(", ")}) to ${quote(g.unit ?? "")}; use the same Unit or another Rollup`,
      ),
    );
}

/**
 * Owners as numbers: spelled alike after trimming, case and spaces, one number. Each
 * spelling is normalised once (most rows repeat an owner written the same way).
 */
class OwnerNumbers {
  private readonly ids = new Map<string, number>();
  private readonly bySpelling = new Map<string, number>();
  /** The last spelling looked up and its number: goals of one owner are often listed together. */
  private lastSpelling = "";
  private lastId = -1;
  get count(): number {
    return this.ids.size;
  }
  of(owner: string): number {
    if (owner === this.lastSpelling) return this.lastId;
    let id = this.bySpelling.get(owner);
    if (id === undefined) {
      const key = norm(owner);
      id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      this.bySpelling.set(owner, id);
    }
    this.lastSpelling = owner;
    this.lastId = id;
    return id;
  }
}
keepLayout(new OwnerNumbers());

/** Each owner's goals in row order, from each goal's owner number (-1 without one). */
function ownerGroups(of: Int32Array, count: number): OwnerGroups {
  const n = of.length;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (of[i] >= 0) start[of[i] + 1]++;
  for (let o = 0; o < count; o++) start[o + 1] += start[o];
  const list = new Int32Array(start[count]);
  const next = start.slice(0, count);
  for (let i = 0; i < n; i++) if (of[i] >= 0) list[next[of[i]]++] = i;
  return { count, of, start, goals: list };
}

/** Same Title and Cycle, after trimming, case and spaces (S3). */
function readAlike(a: Goal, b: Goal): boolean {
  return sameNorm(a.title as string, b.title as string) && sameNorm(a.cycle ?? "", b.cycle ?? "");
}

function firstBadShare(refs: readonly ParentRef[]): ParentRef | undefined {
  for (let k = 0; k < refs.length; k++) if (refs[k].badShare !== null) return refs[k];
  return undefined;
}


function isBlankWeight(g: Goal): boolean {
  return g.weight === null && g.invalid.weight === undefined;
}

/**
 * A hash (FNV-1a) of norm(s), worked out without making it for ASCII text: leading and
 * trailing white space dropped, runs of it read as one space, A–Z as a–z. Text beyond
 * ASCII is hashed through norm(s), which gives the same hash for the same normal form.
 */
function normHash(s: string): number {
  let h = FNV_BASIS;
  let space = false;
  let started = false;
  for (let j = 0; j < s.length; j++) {
    let c = s.charCodeAt(j);
    if (c >= 128) return hashChars(norm(s));
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
    started = true;
  }
  return h;
}

function hashChars(t: string): number {
  let h = FNV_BASIS;
  for (let j = 0; j < t.length; j++) h = Math.imul(h ^ t.charCodeAt(j), FNV_PRIME);
  return h;
}
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * norm(a) === norm(b), without making either: printable ASCII is compared letter by
 * letter ignoring case; at the first white space or other character, norm decides.
 */
function sameNorm(a: string, b: string): boolean {
  if (a === b) return true;
  const len = a.length < b.length ? a.length : b.length;
  for (let j = 0; j < len; j++) {
    const x = a.charCodeAt(j);
    const y = b.charCodeAt(j);
    if (x > 32 && x < 127 && y > 32 && y < 127) {
      if ((x >= 65 && x <= 90 ? x + 32 : x) !== (y >= 65 && y <= 90 ? y + 32 : y)) return false;
      continue;
    }
    // Spaces in the same places trim and fold alike.
    if (x === 32 && y === 32) continue;
    break;
  }
  return norm(a) === norm(b);
}

function norm(s: string): string {
  const t = s.trim().toLowerCase();
  return SPACE_RUN.test(t) ? t.replace(/\s+/g, " ") : t;
}
/** Two white-space characters in a row, or one that is not a plain space: text `norm` must rewrite. */
const SPACE_RUN = /\s\s|[^\S ]/;

/** Least-squares line through (Date, Value), read at `at`; null when the dates do not vary. */
export function trendAt(points: readonly { date: Day | null; value: ActualValue | null }[], at: Day): number | null {
  const dates: number[] = [];
  const values: number[] = [];
  for (const p of points) {
    if (p.date === null || typeof p.value !== "number") continue;
    dates.push(p.date);
    values.push(p.value);
  }
  return trendLine(dates.length, (j) => dates[j], (j) => values[j], at);
}

/** trendLine through goal i's numeric check-ins (Date, Value), oldest first, read at `at`. */
function historyTrend(h: History, i: number, at: Day): number | null {
  const from = h.offset[i];
  const to = h.offset[i + 1];
  let k = 0;
  let sx = 0;
  let sy = 0;
  for (let a = from; a < to; a++) {
    const c = h.order[a];
    if (h.bool[c] !== 0) continue;
    k++;
    sx += h.date[c];
    sy += h.num[c];
  }
  if (k < 2) return null;
  const mx = sx / k;
  const my = sy / k;
  let sxx = 0;
  let sxy = 0;
  for (let a = from; a < to; a++) {
    const c = h.order[a];
    if (h.bool[c] !== 0) continue;
    sxx += (h.date[c] - mx) * (h.date[c] - mx);
    sxy += (h.date[c] - mx) * (h.num[c] - my);
  }
  if (sxx === 0) return null;
  const y = my + (sxy / sxx) * (at - mx);
  return Number.isFinite(y) ? y : null;
}

/** The least-squares line through k points (x(j), y(j)), read at `at`. */
function trendLine(k: number, xOf: (j: number) => number, yOf: (j: number) => number, at: Day): number | null {
  if (k < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let j = 0; j < k; j++) {
    sx += xOf(j);
    sy += yOf(j);
  }
  const mx = sx / k;
  const my = sy / k;
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < k; j++) {
    sxx += (xOf(j) - mx) * (xOf(j) - mx);
    sxy += (xOf(j) - mx) * (yOf(j) - my);
  }
  if (sxx === 0) return null;
  const y = my + (sxy / sxx) * (at - mx);
  return Number.isFinite(y) ? y : null;
}

// One of each per-evaluation object kept alive (src/core/keep.ts); here, once every class is defined.
const NO_LINKS = resolveFlatLinks(new FlatGoalsBuilder(0).build());
keepLayout(new Run([], keepLayout(new GoalColumns(0)), new FlatGoalsBuilder(0).build(), NO_LINKS, readHistory({ goals: [] }, 1900, keepLayout(new GoalLookup([], NO_LINKS)), 0, new FindingLists(0), []), new FindingLists(0), DEFAULT_SETTINGS, 0, null));
