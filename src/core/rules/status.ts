/** Status, the eight rules of scoring.md "Pace and status", first match wins. */
import { Direction, Status } from "../columns";
import { Day } from "../dates";
import { pace } from "../scoring";
import { DEFAULT_SETTINGS, Settings } from "../settings";

/** Tolerance for comparisons of computed fractions (tests compare within 1e-9). */
const EPS = 1e-12;

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
