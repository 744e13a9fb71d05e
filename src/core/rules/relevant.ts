/**
 * R — Relevant (smart.md): R1 a Parent ID that names a goal, R2 a goal aligned to a
 * parent (Company goals need none), R3 a parent at a higher Level, R4 no alignment
 * cycle, R5 attribution shares that are percentages and add up to 100%.
 */
import { quote } from "../findings";
import { messageNumber as fmt } from "../findings";
import { Goal, ParentRef } from "../model";
import { FlatLinks } from "../rollup";
import { FindingSink, finding } from "./finding";

export const RELEVANT_MESSAGES = {
  R1: (key: string) => `Parent ID ${quote(key)} names no goal in the workbook; correct the ID or clear it`,
  R2: (level: string | null) => `${level ?? "This"} goal has no Parent ID, so it is not aligned; name the goal it supports`,
  R3: (parentId: string | null, parentLevel: string | null, level: string | null) =>
    `Parent ${parentId} is a ${parentLevel} goal, not above this ${level} goal; align to a goal at a higher level`,
  /** `ids`: the goals on the cycle, in order (an ID, or `row N`). */
  R4: (ids: readonly string[]) => `Goal is on an alignment cycle ${[...ids, ids[0]].join(" → ")}; remove one of these Parent ID links`,
  R5: {
    total: (parentText: string | null, total: number) =>
      `Attribution shares in Parent ID ${quote(parentText)} total ${fmt(Math.round(total * 10000) / 100)}%; make them add up to 100%`,
    notPercent: (share: string, parentId: string) => `Share ${quote(share)} for parent ${parentId} is not a percentage; write it like ${parentId}=40%`,
  },
} as const;

/** What R2 and R3 need of each goal: no Parent ID and not a Company goal (R2), and its Level's rank (0 for none, higher for a higher Level). */
export interface AlignmentColumns {
  readonly unaligned: Uint8Array;
  readonly levelRank: Uint8Array;
}

/** R1, R5, R2, R3, R4, in that order. `refStart` says which goals wrote a Parent ID (rollup.ts FlatGoals). */
export function parentRules(goals: readonly Goal[], links: FlatLinks, refStart: Int32Array, cols: AlignmentColumns, sink: FindingSink): void {
  const n = goals.length;
  // R1
  for (const u of links.unknownParents) sink.add(u.node, finding(goals[u.node], "R1", "fail", "parent", RELEVANT_MESSAGES.R1(u.key)));
  // R5: shares that do not add up, else a share that is not a percentage.
  const badTotal = new Uint8Array(n);
  for (const b of links.badShares) badTotal[b.node] = 1;
  for (const b of links.badShares)
    sink.add(b.node, finding(goals[b.node], "R5", "fail", "parent", RELEVANT_MESSAGES.R5.total(goals[b.node].parentText, b.total)));
  for (let i = 0; i < n; i++) if (refStart[i + 1] > refStart[i] && !badTotal[i]) shareText(goals[i], sink);
  for (let i = 0; i < n; i++) alignment(goals, links, i, cols, sink);
  // R4
  for (const cycle of links.cycles) {
    const ids = cycle.map((i) => goals[i].id ?? `row ${i + 1}`);
    for (const i of cycle) sink.add(i, finding(goals[i], "R4", "fail", "parent", RELEVANT_MESSAGES.R4(ids)));
  }
}

/** R5: the first share written that is not a percentage. */
function shareText(g: Goal, sink: FindingSink): void {
  const bad = firstBadShare(g.parentRefs);
  if (bad) sink.add(g.index, finding(g, "R5", "fail", "parent", RELEVANT_MESSAGES.R5.notPercent(bad.badShare as string, bad.id)));
}

function firstBadShare(refs: readonly ParentRef[]): ParentRef | undefined {
  for (let k = 0; k < refs.length; k++) if (refs[k].badShare !== null) return refs[k];
  return undefined;
}

/** R2 (no Parent ID) and R3 (a parent not above the goal's Level) for goal i. */
function alignment(goals: readonly Goal[], links: FlatLinks, i: number, cols: AlignmentColumns, sink: FindingSink): void {
  const g = goals[i];
  if (cols.unaligned[i]) sink.add(i, finding(g, "R2", "warn", "parent", RELEVANT_MESSAGES.R2(g.level)));
  const rank = cols.levelRank[i];
  if (rank === 0) return;
  for (let l = links.linkStart[i]; l < links.linkStart[i + 1]; l++) {
    const parent = links.linkParent[l];
    const pr = cols.levelRank[parent];
    if (pr === 0 || pr > rank) continue;
    sink.add(i, finding(g, "R3", "warn", "parent", RELEVANT_MESSAGES.R3(goals[parent].id, goals[parent].level, g.level)));
  }
}

/** Whether a goal counts as unaligned for R2: no Parent ID written (nor an unreadable one), and not a Company goal. */
export function isUnaligned(g: Goal): boolean {
  return g.parentText === null && g.invalid.parent === undefined && g.level !== "Company";
}
