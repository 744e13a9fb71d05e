/**
 * One evaluation's goals and what is worked out for each, column by column, and the
 * steps that work it out for one goal. Each step is a method called once per goal: V8
 * compiles these small pieces soon and on their own, where one large function would run
 * slowly until compiled as a whole (docs/engine.md "Performance rules").
 */
import { ActualValue } from "./cells";
import { Direction, GoalType, Status } from "./columns";
import { Day, Window, cycleWindow } from "./dates";
import { smartString } from "./findings";
import type { GoalResult } from "./engine";
import { GoalColumns } from "./goal-columns";
import { History, checkInValue, historyAt, historyLength, lastCheckIn } from "./history";
import { Goal, hasInvalid } from "./model";
import { FLAT_MODE, FlatGoals, FlatLinks, FlatRollup } from "./rollup";
import { ScoreInput, Scorer, capProgress, inferDirection, pace } from "./scoring";
import { Settings } from "./settings";
import { firstBlocking } from "./rules/blocking";
import { goalCellRules } from "./rules/data";
import { Escalation } from "./rules/escalation";
import { FindingLists, RowContext, finding } from "./rules/finding";
import { rowRules } from "./rules/row";
import { StatusInput, status } from "./rules/status";
import { duePassed } from "./rules/timebound";

/** Shared empty lists for the many goals without findings, parents or children (never changed). */
const NO_INDICES: number[] = Object.freeze([]) as unknown as number[];
const NO_CODES: string[] = Object.freeze([]) as unknown as string[];

export class Run {
  readonly direction: Direction[];
  readonly type: GoalType[];
  readonly actual: (ActualValue | null)[];
  readonly start: (Day | null)[];
  readonly due: (Day | null)[];
  readonly blocked: boolean[];
  readonly ownScore: (number | null)[];
  /** Uncapped progress P of the goal's own metric. */
  readonly p: (number | null)[];
  /** The roll-up's input (rollup.ts computeFlatRollup): mode, own Score (NaN for none), blocked. */
  readonly flatMode: Uint8Array;
  readonly flatScore: Float64Array;
  readonly flatBlocked: Uint8Array;
  readonly scorer: GoalScorer;

  /** One context, filled in for each goal in turn (the row rules read it and keep nothing). */
  private readonly ctx: RowContext;
  private readonly sti: StatusInput;
  private readonly escalation: Escalation;
  private readonly reviewWindow: Window | null;
  /** `[p]`, the parents of each goal whose one parent is p, shared (frozen) by those goals. */
  private readonly parentLists: (number[] | undefined)[];

  constructor(
    private readonly goals: readonly Goal[],
    readonly cols: GoalColumns,
    readonly flat: FlatGoals,
    readonly links: FlatLinks,
    readonly history: History,
    readonly findings: FindingLists,
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
    this.escalation = new Escalation(history, this.scorer, settings);
    this.reviewWindow = cycleWindow(reviewLabel);
    this.parentLists = new Array<number[] | undefined>(n);
  }

  private childCount(i: number): number {
    return this.links.childStart[i + 1] - this.links.childStart[i];
  }

  /** Goal i's effective Direction, Type, Actual, Start and Due, and its E1–E4 and row rules. */
  readRow(i: number): void {
    const g = this.goals[i];
    const { history, ctx } = this;
    const direction = (this.direction[i] = g.directionGiven ?? inferDirection(g.target, g.baseline));
    const hasChildren = this.childCount(i) > 0;
    const type = (this.type[i] = g.typeGiven ?? (hasChildren && g.target === null && g.invalid.target === undefined ? "Objective" : "Key Result"));
    const hn = historyLength(history, i);
    this.actual[i] = g.actualCell ?? (hn > 0 ? checkInValue(history, historyAt(history, i, hn - 1)) : null);
    const start = (this.start[i] = g.start ?? g.window?.start ?? null);
    const due = (this.due[i] = g.due ?? g.window?.end ?? null);
    if (hasInvalid(g)) goalCellRules(g, this.findings);
    ctx.direction = direction;
    ctx.type = type;
    ctx.hasChildren = hasChildren;
    ctx.start = start;
    ctx.due = due;
    ctx.dueWindow = g.window ?? this.reviewWindow;
    ctx.windowLabel = g.window ? g.cycle : this.reviewLabel;
    rowRules(g, ctx, this.findings);
  }

  /** Whether goal i is blocked, its own Score and its uncapped progress, and its roll-up input. */
  scoreGoal(i: number): void {
    this.scoreOwn(i);
    this.rollupInput(i);
  }

  private scoreOwn(i: number): void {
    const { findings } = this;
    this.blocked[i] = firstBlocking(findings.of(i)) !== undefined;
    this.ownScore[i] = null;
    this.p[i] = null;
    if (this.blocked[i]) return;
    const calc = this.scorer.calc;
    const inp = this.scorer.input(i, this.actual[i]);
    const value = calc.score(inp);
    const own = Number.isNaN(value) ? calc.problem : null;
    const parent = this.childCount(i) > 0;
    if (own !== null && own.kind === "invalid" && !(parent && own.code === "M1")) {
      // The definition passed the rules but the Actual cannot be scored (TRUE for an Increase goal …):
      // reported on its cell, and it blocks. Objectives and parents need no Target or Baseline of their own.
      const exempt = (own.code === "M1" || own.code === "M3") && (this.type[i] === "Objective" || parent);
      if (!exempt) findings.add(i, finding(this.goals[i], own.code, "fail", own.field, own.message));
      this.blocked[i] = !exempt;
      return;
    }
    this.ownScore[i] = Number.isNaN(value) ? null : value;
    const pi = calc.uncappedProgress(inp);
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
    const { goals, links, findings, settings, asOf, sti } = this;
    const g = goals[i];
    const blocked = this.blocked[i];
    const start = this.start[i];
    const due = this.due[i];
    const direction = this.direction[i];
    const rolledUp = Number.isNaN(rolled.rolledUp[i]) ? null : rolled.rolledUp[i];
    const mode = this.cols.modes[i];
    let st: Status | null = null;
    let escalate = false;
    let ownProgress: number | null = null;
    if (!blocked) {
      let P = this.p[i];
      let thresholdScore: number | null = g.threshold !== null ? this.ownScore[i] : null;
      const fromChildren = rolled.fromChildren[i] === 1;
      if (fromChildren) {
        if (mode === "Sum") {
          const sp = this.scorer.calc.uncappedProgress(this.scorer.input(i, Number.isNaN(rolled.sumActual[i]) ? 0 : rolled.sumActual[i]));
          P = Number.isNaN(sp) ? null : sp;
        } else P = rolledUp;
        thresholdScore = g.threshold !== null ? rolledUp : null;
      }
      // Weighted / Worst: P is a blend of the children's scores (scoring.md "Pace and status").
      sti.blend = fromChildren && mode !== "Sum";
      sti.direction = direction;
      sti.p = P;
      sti.thresholdScore = thresholdScore;
      sti.start = start;
      sti.due = due;
      sti.lastCheckIn = lastCheckIn(this.history, i);
      st = status(sti);
      escalate = this.escalation.escalate(i, st, !fromChildren, direction, start, due);
      // Progress is the uncapped progress worked out with the Score, capped.
      const own = this.p[i];
      ownProgress = own === null ? null : capProgress(own, settings.progressCap);
    }
    duePassed(g, due, asOf, st, findings);
    const fs = findings.of(i);
    const firstBlock = firstBlocking(fs);
    const parentCount = links.linkStart[i + 1] - links.linkStart[i];
    const kidCount = this.childCount(i);
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
      blockedBy: firstBlock ?? null,
      findings: fs.length === 0 ? NO_CODES : codesOf(fs),
      parents: parentCount === 0 ? NO_INDICES : parentCount === 1 ? this.onlyParent(links.linkParent[links.linkStart[i]]) : parentsOf(links, i),
      children: kidCount === 0 ? NO_INDICES : childrenOf(links, i),
    };
  }
}

function codesOf(fs: readonly { code: string }[]): string[] {
  const out = new Array<string>(fs.length);
  for (let k = 0; k < fs.length; k++) out[k] = fs[k].code;
  return out;
}

/** Indices of goal i's resolved parents, in Parent ID order. */
function parentsOf(links: FlatLinks, i: number): number[] {
  const from = links.linkStart[i];
  const out = new Array<number>(links.linkStart[i + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = links.linkParent[from + k];
  return out;
}

/** Indices of goal i's children, in row order. */
function childrenOf(links: FlatLinks, i: number): number[] {
  const from = links.childStart[i];
  const out = new Array<number>(links.childStart[i + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = links.linkChild[links.childLink[from + k]];
  return out;
}

/**
 * Goal i's Score and progress inputs with a given Actual (one record, filled in for each
 * goal in turn and read at once), its scorer, and the Score of a Sum roll-up (`sumScore`)
 * over each goal's numeric Actual (`actual`, NaN for none).
 */
export class GoalScorer {
  readonly calc = new Scorer();
  readonly actual: Float64Array;
  private readonly inp: ScoreInput;
  constructor(
    private readonly goals: readonly Goal[],
    private readonly direction: readonly Direction[],
    settings: Settings,
  ) {
    this.inp = {
      actual: null,
      target: null,
      baseline: null,
      direction: "Increase",
      threshold: null,
      stretch: null,
      thresholdPay: settings.thresholdPay,
      stretchPay: settings.stretchPay,
    };
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
    const s = this.calc.score(this.input(i, a));
    return Number.isNaN(s) ? null : s;
  }
}
