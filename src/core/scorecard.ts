/** Weighted scorecards (scoring.md): score per group over its top goals. */
import { readEnum, readText } from "./cells";
import { EnumField, Status } from "./columns";
import { WeightBuffer, applyWeightRule, effectiveWeights, isFullTotal, relativeWeights, weightScale } from "./weights";

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

/** The enumeration columns (model.md): grouped by their canonical value, so `team` and `Team` are one group. */
const ENUM_GROUP_FIELDS: ReadonlySet<string> = new Set<EnumField>(["type", "level", "direction", "rollup"]);

/** The enumeration a column holds (Type, Level, Direction, Rollup), by key or header; null for free text. */
export function enumGroupField(column: string | null | undefined): EnumField | null {
  if (typeof column !== "string") return null;
  const k = column.trim().toLowerCase();
  return ENUM_GROUP_FIELDS.has(k) ? (k as EnumField) : null;
}

/**
 * The group a cell puts its goal in, before spellings are merged (GroupLabels): for an
 * enumeration column its canonical value (`team` → `Team`, `up` → `Increase`), else the
 * cell's text as the reader reads it (trimmed); an unreadable enumeration value or an
 * error cell its text; a blank cell `(blank)`.
 */
export function groupOfCell(raw: unknown, field: EnumField | null): string {
  if (field !== null) {
    const e = readEnum(field, raw);
    if (e.kind === "value") return e.value;
    if (e.kind === "invalid") return e.text;
    return BLANK_GROUP;
  }
  const t = readText(raw);
  return t.kind === "value" ? t.value : t.kind === "invalid" ? t.text : BLANK_GROUP;
}

/** The normal form groups are matched by: trimmed, lower case, runs of white space as one space. */
export function groupKey(text: string): string {
  const t = text.trim().toLowerCase();
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, " ") : t;
}

/**
 * Free-text groups spelled alike are one group: `ana`, `Ana ` and `ANA` are one person, shown
 * as the first spelling met (trimmed). The engine's owner rules (W1, A4, S3) match owners the
 * same way. Each spelling is normalised once.
 */
export class GroupLabels {
  private readonly byKey = new Map<string, string>();
  private readonly bySpelling = new Map<string, string>();
  /** The last value looked up and its label: goals of one group are often listed together. */
  private lastValue: string | null = null;
  private lastLabel = "";
  /** The label of a group value (from groupOfCell). */
  of(value: string): string {
    if (value === this.lastValue) return this.lastLabel;
    let label = this.bySpelling.get(value);
    if (label === undefined) label = this.labelOf(value);
    this.lastValue = value;
    this.lastLabel = label;
    return label;
  }
  private labelOf(value: string): string {
    const key = groupKey(value);
    let label = this.byKey.get(key);
    if (label === undefined) this.byKey.set(key, (label = value.trim() === "" ? BLANK_GROUP : value.trim()));
    this.bySpelling.set(value, label);
    return label;
  }
}

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
  const cols = {
    group: new Array<string>(n),
    score: new Array<number | null>(n),
    weight: new Array<number | null>(n),
    top: new Array<boolean>(n),
    status: new Array<Status | null | undefined>(n),
  };
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
  const weights = new WeightBuffer();
  for (let k = 0; k < order.length; k++) {
    const statusCounts: Partial<Record<Status, number>> = {};
    // The weight rule (weights.ts) over the group's top goals, in item order.
    let topGoals = 0;
    let anyWeighted = false;
    for (let i = first[k]; i >= 0; i = next[i]) {
      const s = items.status[i];
      if (s) statusCounts[s] = (statusCounts[s] ?? 0) + 1;
      if (!items.top[i]) continue;
      const w = items.weight[i];
      if (w !== null && w >= 0) anyWeighted = true;
      weights.room(topGoals + 1)[topGoals++] = w ?? NaN;
    }
    const w = weights.room(topGoals);
    const scale = weightScale(applyWeightRule(w, topGoals));
    let weightTotal = 0;
    let scaledTotal = 0;
    let withData = 0;
    let num = 0;
    let den = 0;
    let j = 0;
    for (let i = first[k]; i >= 0; i = next[i]) {
      if (!items.top[i]) continue;
      const raw = w[j++];
      const wt = raw / scale;
      const r = items.score[i];
      weightTotal += raw;
      scaledTotal += wt;
      if (r !== null) withData += wt;
      if (!(wt > 0)) continue;
      if (r !== null) {
        num += wt * r;
        den += wt;
      } else if (missing === "zero") den += wt;
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
