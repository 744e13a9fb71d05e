/** Weighted scorecards (scoring.md): score per group over its top goals. */
import { Status } from "./columns";
import { effectiveWeights, isFullTotal, relativeWeights } from "./weights";

export interface ScorecardItem {
  group: string;
  /** Rolled-up score; null for no data. */
  score: number | null;
  weight: number | null;
  /** Only top goals count towards score and weights. */
  top: boolean;
  status?: Status | null;
}

export interface Scorecard {
  group: string;
  score: number | null;
  weightTotal: number;
  completeness: number | null;
  statusCounts: Partial<Record<Status, number>>;
  /** Rule W1: at least two top goals, one weighted, and the total is neither 1 nor 100. */
  weightsOff: boolean;
  topGoals: number;
}

export type Missing = "exclude" | "zero";

export const BLANK_GROUP = "(blank)";

/** Scorecard items column-wise: item i is `group[i]`, `score[i]` … (no object per item). */
export interface ScorecardColumns {
  readonly group: readonly string[];
  readonly score: readonly (number | null)[];
  readonly weight: readonly (number | null)[];
  readonly top: readonly boolean[];
  readonly status: readonly (Status | null | undefined)[];
}

/** Groups in order of first appearance; linear in the number of items. */
export function scorecards(items: readonly ScorecardItem[], missing: Missing = "exclude"): Scorecard[] {
  const n = items.length;
  const cols = { group: new Array<string>(n), score: new Array<number | null>(n), weight: new Array<number | null>(n), top: new Array<boolean>(n), status: new Array<Status | null | undefined>(n) };
  for (let i = 0; i < n; i++) {
    const item = items[i];
    cols.group[i] = item.group;
    cols.score[i] = item.score;
    cols.weight[i] = item.weight;
    cols.top[i] = item.top;
    cols.status[i] = item.status;
  }
  return scorecardsOf(cols, missing);
}

/** scorecards over items held column-wise. */
export function scorecardsOf(items: ScorecardColumns, missing: Missing = "exclude"): Scorecard[] {
  const n = items.group.length;
  // The members of each group as a chain through `next`, in item order: no list per group.
  const order: string[] = [];
  const groupOf = new Map<string, number>();
  const first: number[] = [];
  const last: number[] = [];
  const next = new Int32Array(n).fill(-1);
  // The group of the item before, first: items of one group are often listed together.
  let lastGroup: string | null = null;
  let lastK = -1;
  for (let i = 0; i < n; i++) {
    const g = items.group[i];
    let k = g === lastGroup ? lastK : groupOf.get(g);
    if (k === undefined) {
      k = order.length;
      groupOf.set(g, k);
      order.push(g);
      first.push(i);
      last.push(i);
    } else {
      next[last[k]] = i;
      last[k] = i;
    }
    lastGroup = g;
    lastK = k;
  }
  const out: Scorecard[] = new Array<Scorecard>(order.length);
  for (let k = 0; k < order.length; k++) {
    const statusCounts: Partial<Record<Status, number>> = {};
    // The weight rule over the top goals (effectiveWeights, then relativeWeights), without the arrays.
    let topGoals = 0;
    let mean = 0;
    let set = 0;
    let anyWeighted = false;
    for (let i = first[k]; i >= 0; i = next[i]) {
      const s = items.status[i];
      if (s) statusCounts[s] = (statusCounts[s] ?? 0) + 1;
      if (!items.top[i]) continue;
      topGoals++;
      const w = items.weight[i];
      if (w !== null && w >= 0) anyWeighted = true;
      if (w !== null && Number.isFinite(w) && w >= 0) {
        set++;
        mean += (w - mean) / set;
      }
    }
    const fill = set === 0 ? 1 : mean;
    let max = 0;
    for (let i = first[k]; i >= 0; i = next[i]) {
      if (!items.top[i]) continue;
      const w = items.weight[i];
      const raw = w !== null && Number.isFinite(w) && w >= 0 ? w : fill;
      if (raw > max) max = raw;
    }
    const relative = max > 0 && Number.isFinite(max);
    let weightTotal = 0;
    let scaledTotal = 0;
    let withData = 0;
    let num = 0;
    let den = 0;
    for (let i = first[k]; i >= 0; i = next[i]) {
      if (!items.top[i]) continue;
      const wt = items.weight[i];
      const raw = wt !== null && Number.isFinite(wt) && wt >= 0 ? wt : fill;
      const w = relative ? raw / max : raw;
      const r = items.score[i];
      weightTotal += raw;
      scaledTotal += w;
      if (r !== null) withData += w;
      if (!(w > 0)) continue;
      if (r !== null) {
        num += w * r;
        den += w;
      } else if (missing === "zero") den += w;
    }
    out[k] = {
      group: order[k],
      score: den > 0 ? num / den : null,
      weightTotal,
      completeness: scaledTotal > 0 ? withData / scaledTotal : null,
      statusCounts,
      weightsOff: topGoals >= 2 && anyWeighted && !isFullTotal(weightTotal),
      topGoals,
    };
  }
  return out;
}

/** Weighted average of scores, skipping no-data entries; weights follow the weight rule. */
export function weightedAverage(scores: readonly (number | null)[], weights?: readonly (number | null)[]): number | null {
  const eff = relativeWeights(effectiveWeights(weights ?? scores.map(() => null))).scaled;
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    const w = eff[i];
    if (s === null || !(w > 0)) continue;
    num += w * s;
    den += w;
  }
  return den > 0 ? num / den : null;
}
