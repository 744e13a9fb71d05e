/**
 * Escalation (scoring.md): a goal is escalated when it is Missed, or Off track at each of
 * its last two check-ins, each judged as of its own Date with its own Value and the goal's
 * definition (its Stale rule cannot fire then, since that check-in is the latest).
 */
import { Direction, Status } from "../columns";
import { Day } from "../dates";
import { History, checkInValue, historyAt, historyLength } from "../history";
import { Goal } from "../model";
import { ScoreInput, Scorer } from "../scoring";
import { Settings } from "../settings";
import { StatusInput, status } from "./status";

/** The escalation rule for one evaluation: its scorer and the inputs it fills in for each check-in (read at once, never kept). */
export class Escalation {
  private readonly scorer = new Scorer();
  private readonly inp: ScoreInput = {
    actual: null,
    target: null,
    baseline: null,
    direction: "Increase",
    threshold: null,
    stretch: null,
    thresholdPay: undefined,
    stretchPay: undefined,
  };
  private readonly sti: StatusInput;
  constructor(
    private readonly history: History,
    settings: Settings,
  ) {
    this.sti = { direction: "Increase", p: null, thresholdScore: null, blend: false, start: null, due: null, asOf: 0, lastCheckIn: null, settings };
  }

  /** Whether goal i (its status `st`, `own` when its status is its own metric, not a blend of children's) is escalated. */
  escalate(g: Goal, i: number, st: Status, own: boolean, dir: Direction, start: Day | null, due: Day | null): boolean {
    return st === "Missed" || (own && this.offTrackTwice(g, i, dir, start, due));
  }

  /** Off track at each of the last two check-ins. */
  private offTrackTwice(g: Goal, i: number, dir: Direction, start: Day | null, due: Day | null): boolean {
    const h = this.history;
    const hn = historyLength(h, i);
    if (hn < 2) return false;
    const { inp, sti, scorer } = this;
    for (let back = 1; back <= 2; back++) {
      const c = historyAt(h, i, hn - back);
      inp.actual = checkInValue(h, c);
      inp.target = g.target;
      inp.baseline = g.baseline;
      inp.direction = dir;
      inp.threshold = g.threshold;
      inp.stretch = g.stretch;
      const P = scorer.uncappedProgress(inp);
      if (Number.isNaN(P)) return false;
      const s = scorer.score(inp);
      sti.direction = dir;
      sti.p = P;
      sti.thresholdScore = g.threshold !== null && !Number.isNaN(s) ? s : null;
      sti.start = start;
      sti.due = due;
      sti.asOf = h.date[c];
      sti.lastCheckIn = h.date[c];
      if (status(sti) !== "Off track") return false;
    }
    return true;
  }
}
