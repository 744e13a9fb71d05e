/**
 * Weight rules (smart.md): A4 a Weight that counts for nothing (0) or for too large a
 * share of its owner's top goals; W1 an owner's top-goal weights that do not add up to
 * 100% or 1; W2 a blank Weight beside weighted goals; W3 a negative Weight. The weight
 * rule itself (what a blank counts as) is weights.ts, shared with the roll-up and scorecards.
 */
import { Goal } from "../model";
import { messageNumber as fmt } from "../findings";
import { OwnerGroups } from "../owners";
import { FlatLinks } from "../rollup";
import { Settings } from "../settings";
import { WeightBuffer, applyWeightRule, isFullTotal } from "../weights";
import { FindingSink, finding } from "./finding";

export const WEIGHT_MESSAGES = {
  A4: {
    zero: () => "Weight is 0, so this goal counts for nothing; give it a weight or remove it",
    share: (weight: number, share: number, owner: string | null, limit: number) =>
      `Weight ${fmt(weight)} is ${Math.round(share * 100)}% of ${owner}'s weight total (limit ${Math.round(limit * 100)}%); spread the weight over the goals`,
  },
  W1: (owner: string | null, total: number) => `${owner}'s top-goal weights total ${fmt(total)}, not 100% or 1; adjust the weights so they add up`,
  W2: () => "Weight is blank while the goals beside it have weights; it counts as their average — enter a weight",
  W3: (weight: number) => `Weight ${fmt(weight)} is negative; enter 0 or more`,
} as const;

/** A4 (a Weight of 0) and W3 (a negative Weight), on the goal's own row. */
export function rowWeight(goal: Goal, sink: FindingSink): void {
  if (goal.weight === 0) sink.add(goal.index, finding(goal, "A4", "warn", "weight", WEIGHT_MESSAGES.A4.zero()));
  if (goal.weight !== null && goal.weight < 0) sink.add(goal.index, finding(goal, "W3", "fail", "weight", WEIGHT_MESSAGES.W3(goal.weight)));
}

/** Whether a goal's Weight cell is blank (not merely unreadable): W2 is about those. */
export function isBlankWeight(g: Goal): boolean {
  return g.weight === null && g.invalid.weight === undefined;
}

/** What the weight rules need of each goal: its owner's number (-1 for none) and whether its Weight is blank. */
export interface WeightColumns {
  readonly ownerOf: Int32Array;
  readonly blankWeight: Uint8Array;
}

/**
 * W2 among siblings and over each owner's top goals, with A4 (share) and W1 for those
 * top goals (the goals without a parent of the same owner). `weights` is each goal's
 * Weight, NaN where blank or unreadable. Findings: each owner's A4 and W1, then every W2.
 */
export function weightRules(
  goals: readonly Goal[],
  links: FlatLinks,
  owners: OwnerGroups,
  weights: Float64Array,
  cols: WeightColumns,
  settings: Settings,
  sink: FindingSink,
): void {
  const n = goals.length;
  const w2 = new Uint8Array(n);
  for (let p = 0; p < n; p++) blankSiblingWeights(links, weights, cols, p, w2);
  const rules = new OwnerWeights(goals, links, owners, weights, cols, settings, sink, w2);
  for (let o = 0; o < owners.count; o++) rules.owner(o);
  for (let i = 0; i < n; i++) if (w2[i]) sink.add(i, finding(goals[i], "W2", "warn", "weight", WEIGHT_MESSAGES.W2()));
}

/** W2 among the children of parent p: a blank Weight beside weighted siblings (a Weight of 0 or more). */
function blankSiblingWeights(links: FlatLinks, weights: Float64Array, cols: WeightColumns, p: number, w2: Uint8Array): void {
  const from = links.childStart[p];
  const to = links.childStart[p + 1];
  if (to - from < 2) return;
  let weighted = false;
  for (let k = from; k < to && !weighted; k++) weighted = weights[links.linkChild[links.childLink[k]]] >= 0;
  if (!weighted) return;
  for (let k = from; k < to; k++) {
    const c = links.linkChild[links.childLink[k]];
    if (cols.blankWeight[c]) w2[c] = 1;
  }
}

/** A4 (share), W1 and W2 over one owner's top goals at a time, with room for their weights. */
export class OwnerWeights {
  private readonly tops: number[] = [];
  private readonly room = new WeightBuffer();
  constructor(
    private readonly goals: readonly Goal[],
    private readonly links: FlatLinks,
    private readonly owners: OwnerGroups,
    private readonly weights: Float64Array,
    private readonly cols: WeightColumns,
    private readonly settings: Settings,
    private readonly sink: FindingSink,
    private readonly w2: Uint8Array,
  ) {}

  owner(o: number): void {
    const { owners, links, tops, weights, settings } = this;
    tops.length = 0;
    for (let j = owners.start[o]; j < owners.start[o + 1]; j++) {
      const i = owners.goals[j];
      let top = true;
      for (let l = links.linkStart[i]; l < links.linkStart[i + 1]; l++) if (owners.of[links.linkParent[l]] === o) top = false;
      if (top) tops.push(i);
    }
    if (tops.length < 2) return;
    const w = this.room.room(tops.length);
    let anySet = false;
    for (let j = 0; j < tops.length; j++) {
      w[j] = weights[tops[j]];
      if (w[j] >= 0) anySet = true;
    }
    applyWeightRule(w, tops.length);
    let total = 0;
    for (let j = 0; j < tops.length; j++) total += w[j];
    const shareLimit = settings.maxWeightShare + 1e-12;
    const full = isFullTotal(total);
    for (let j = 0; j < tops.length; j++) {
      const t = tops[j];
      if (anySet && this.cols.blankWeight[t]) this.w2[t] = 1;
      const heavy = total > 0 && w[j] / total > shareLimit;
      const g = this.goals[t];
      if (heavy) this.sink.add(t, finding(g, "A4", "warn", "weight", WEIGHT_MESSAGES.A4.share(w[j], w[j] / total, g.owner, settings.maxWeightShare)));
      if (anySet && !full) this.sink.add(t, finding(g, "W1", "warn", "weight", WEIGHT_MESSAGES.W1(g.owner, total)));
    }
  }
}
