/**
 * The Scorecards view's data: sorting the scorecards and the status mix of each
 * group (for the stacked bar and its text). Pure.
 */
import type { Status } from "../../core/columns";
import type { Scorecard } from "../../core/scorecard";
import { percent } from "./format";

export type ScorecardSort = "group" | "score-desc" | "score-asc" | "complete-asc" | "complete-desc";

/** The Sort by options; `group` names the grouping column ("Owner (A to Z)"). */
export function sortOptions(group: string): { value: ScorecardSort; label: string }[] {
  return [
    { value: "group", label: `${group} (A to Z)` },
    { value: "score-desc", label: "Score, highest first" },
    { value: "score-asc", label: "Score, lowest first" },
    { value: "complete-asc", label: "Complete, lowest first" },
    { value: "complete-desc", label: "Complete, highest first" },
  ];
}

const COLLATOR = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The group "(blank)" sorts last by name: it is not a name. */
function byGroup(a: Scorecard, b: Scorecard): number {
  const blankA = a.group === "(blank)";
  const blankB = b.group === "(blank)";
  if (blankA !== blankB) return blankA ? 1 : -1;
  return COLLATOR.compare(a.group, b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
}

/** Numbers in the direction asked; groups without a number (no data) always last; ties by name. */
function byNumber(pick: (c: Scorecard) => number | null, descending: boolean) {
  return (a: Scorecard, b: Scorecard): number => {
    const x = pick(a);
    const y = pick(b);
    const okX = x !== null && Number.isFinite(x);
    const okY = y !== null && Number.isFinite(y);
    if (okX !== okY) return okX ? -1 : 1;
    if (okX && okY && x !== y) return descending ? y - x : x - y;
    return byGroup(a, b);
  };
}

/** A sorted copy of the scorecards (the engine's list is left as it is). */
export function sortScorecards(cards: readonly Scorecard[], sort: ScorecardSort): Scorecard[] {
  const out = cards.slice();
  switch (sort) {
    case "group":
      return out.sort(byGroup);
    case "score-desc":
      return out.sort(byNumber((c) => c.score, true));
    case "score-asc":
      return out.sort(byNumber((c) => c.score, false));
    case "complete-asc":
      return out.sort(byNumber((c) => c.completeness, false));
    case "complete-desc":
      return out.sort(byNumber((c) => c.completeness, true));
  }
}

/** The order statuses appear in, in the bar and its text: good news first. */
export const STATUS_ORDER: readonly Status[] = ["Achieved", "On track", "At risk", "Off track", "Missed", "Stale", "Not started", "No data"];

export interface StatusSegment {
  status: Status;
  count: number;
  /** Where the segment starts and how wide it is, as shares of the group's goals (0–1). */
  start: number;
  share: number;
}

/** The stacked bar's segments: one per status present, in STATUS_ORDER, adding up to 1. */
export function statusSegments(counts: Partial<Record<Status, number>>): StatusSegment[] {
  const present = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0);
  const total = present.reduce((n, s) => n + (counts[s] ?? 0), 0);
  let start = 0;
  return present.map((status) => {
    const count = counts[status] ?? 0;
    const seg = { status, count, start, share: count / total };
    start += count / total;
    return seg;
  });
}

/** How many goals have a status. */
export function statusTotal(counts: Partial<Record<Status, number>>): number {
  return STATUS_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** The text alternative of one group's bar: "Dana Reyes, 5 goals: 3 On track, 1 At risk, 1 Missed". */
export function statusMixText(card: Pick<Scorecard, "group" | "statusCounts">): string {
  const segs = statusSegments(card.statusCounts);
  const total = statusTotal(card.statusCounts);
  if (total === 0) return `${card.group}: no goal has a status yet`;
  return `${card.group}, ${total} goal${total === 1 ? "" : "s"}: ${segs.map((s) => `${s.count} ${s.status}`).join(", ")}`;
}

/** The score chart's text alternative: "Dana Reyes 82%, Tom Becker 61%". */
export function scoreChartText(cards: readonly Pick<Scorecard, "group" | "score">[]): string {
  return cards.map((c) => `${c.group} ${percent(c.score)}`).join(", ");
}
