/** Weighted scorecards (scoring.md): score per group over its top goals. */
import { Status } from "../../../src/core/columns";
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

/** Groups in order of first appearance; linear in the number of items. */
export function scorecards(items: readonly ScorecardItem[], missing: Missing = "exclude"): Scorecard[] {
  const order: string[] = [];
  const members = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const g = items[i].group;
    let list = members.get(g);
    if (!list) {
      list = [];
      members.set(g, list);
      order.push(g);
    }
    list.push(i);
  }
  return order.map((group) => {
    const idx = members.get(group) ?? [];
    const statusCounts: Partial<Record<Status, number>> = {};
    for (const i of idx) {
      const s = items[i].status;
      if (s) statusCounts[s] = (statusCounts[s] ?? 0) + 1;
    }
    const tops = idx.filter((i) => items[i].top);
    const raw = effectiveWeights(tops.map((i) => items[i].weight));
    const eff = relativeWeights(raw).scaled;
    let weightTotal = 0;
    let scaledTotal = 0;
    let withData = 0;
    let num = 0;
    let den = 0;
    for (let j = 0; j < tops.length; j++) {
      const w = eff[j];
      const r = items[tops[j]].score;
      weightTotal += raw[j];
      scaledTotal += w;
      if (r !== null) withData += w;
      if (!(w > 0)) continue;
      if (r !== null) {
        num += w * r;
        den += w;
      } else if (missing === "zero") den += w;
    }
    const anyWeighted = tops.some((i) => items[i].weight !== null && (items[i].weight ?? -1) >= 0);
    return {
      group,
      score: den > 0 ? num / den : null,
      weightTotal,
      completeness: scaledTotal > 0 ? withData / scaledTotal : null,
      statusCounts,
      weightsOff: tops.length >= 2 && anyWeighted && !isFullTotal(weightTotal),
      topGoals: tops.length,
    };
  });
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
