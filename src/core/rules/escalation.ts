/**
 * Escalation (scoring.md): a goal is escalated when it is Missed, or Off track at each of
 * its last two check-ins, each judged as of its own Date with its own Value and the goal's
 * definition (its Stale rule cannot fire then, since that check-in is the latest).
 */
import { ActualValue } from "../cells";
import { Direction, Status } from "../columns";
import { Day } from "../dates";
import { History, checkInValue, historyAt, historyLength } from "../history";
import { ScoreInput, Scorer } from "../scoring";
import { Settings } from "../settings";
import { StatusInput, status } from "./status";

/** Goal i's score inputs with a given Actual, and a scorer: the evaluation's own (run.ts GoalScorer). */
export interface GoalScoring {
  readonly calc: Scorer;
  input(i: number, a: ActualValue | null): ScoreInput;
}

/** The escalation rule for one evaluation, with the status input it fills in for each check-in (read at once, never kept). */
export class Escalation {
  private readonly sti: StatusInput;
  constructor(
    private readonly history: History,
    private readonly scoring: GoalScoring,
    settings: Settings,
  ) {
    this.sti = { direction: "Increase", p: null, thresholdScore: null, blend: false, start: null, due: null, asOf: 0, lastCheckIn: null, settings };
  }

  /** Whether goal i (its status `st`; `own` when that status is its own metric, not a blend of its children's) is escalated. */
  escalate(i: number, st: Status, own: boolean, dir: Direction, start: Day | null, due: Day | null): boolean {
    return st === "Missed" || (own && this.offTrackTwice(i, dir, start, due));
  }

  /** Off track at each of the last two check-ins. */
  private offTrackTwice(i: number, dir: Direction, start: Day | null, due: Day | null): boolean {
    const h = this.history;
    const hn = historyLength(h, i);
    if (hn < 2) return false;
    const { sti, scoring } = this;
    for (let back = 1; back <= 2; back++) {
      const c = historyAt(h, i, hn - back);
      const inp = scoring.input(i, checkInValue(h, c));
      const P = scoring.calc.uncappedProgress(inp);
      if (Number.isNaN(P)) return false;
      const s = scoring.calc.score(inp);
      sti.direction = dir;
      sti.p = P;
      sti.thresholdScore = inp.threshold !== null && inp.threshold !== undefined && !Number.isNaN(s) ? s : null;
      sti.start = start;
      sti.due = due;
      sti.asOf = h.date[c];
      sti.lastCheckIn = h.date[c];
      if (status(sti) !== "Off track") return false;
    }
    return true;
  }
}
