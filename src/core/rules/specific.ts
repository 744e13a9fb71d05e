/**
 * S — Specific (smart.md): S1 a Title of at least three words, S2 an Owner, S3 no two
 * goals of one Owner and Cycle with the same Title.
 */
import { Goal } from "../model";
import { OwnerGroups } from "../owners";
import { countWords, sameLooseText } from "../text";
import { quote } from "../findings";
import { FindingSink, finding, isInvalid } from "./finding";

export const SPECIFIC_MESSAGES = {
  S1: {
    blank: () => "Title is blank; describe the goal in at least 3 words",
    short: (title: string) => `Title ${quote(title)} has fewer than 3 words; say what will be achieved`,
  },
  S2: () => "Owner is blank; name the person or team accountable",
  S3: (owner: string | null, title: string | null, otherId: string | null) =>
    `${owner} has another goal titled ${quote(title)} (${otherId ?? "no ID"}); merge them or make the titles distinct`,
} as const;

/** S1: the Title says what will be achieved, in three words or more. */
export function titleWords(goal: Goal, sink: FindingSink): void {
  if (isInvalid(goal, "title")) return;
  if (goal.title === null) sink.add(goal.index, finding(goal, "S1", "fail", "title", SPECIFIC_MESSAGES.S1.blank()));
  else if (countWords(goal.title, 3) < 3) sink.add(goal.index, finding(goal, "S1", "fail", "title", SPECIFIC_MESSAGES.S1.short(goal.title)));
}

/** S2: someone is accountable. */
export function ownerGiven(goal: Goal, sink: FindingSink): void {
  if (goal.owner === null && !isInvalid(goal, "owner")) sink.add(goal.index, finding(goal, "S2", "fail", "owner", SPECIFIC_MESSAGES.S2()));
}

/** What S3 needs of each goal: whether it has a Title, and hashes of its loose Title and Cycle (text.ts). */
export interface TitleColumns {
  readonly hasTitle: Uint8Array;
  readonly titleHash: Int32Array;
  readonly cycleHash: Int32Array;
}

/**
 * S3 over every owner's goals. Titles and cycles are compared by a hash of their loose
 * form first, then letter by letter: each goal is reported with the first other goal (in
 * row order) of its owner that reads alike.
 */
export function sameTitles(goals: readonly Goal[], owners: OwnerGroups, cols: TitleColumns, sink: FindingSink): void {
  const s3 = new SameTitles(goals, cols, sink);
  for (let o = 0; o < owners.count; o++) s3.owner(owners, o);
}

/** sameTitles' work for one owner at a time, with its room for the owner's goals. */
export class SameTitles {
  private readonly group: number[] = [];
  private titleHash = new Int32Array(16);
  private cycleHash = new Int32Array(16);
  constructor(
    private readonly goals: readonly Goal[],
    private readonly cols: TitleColumns,
    private readonly sink: FindingSink,
  ) {}

  owner(owners: OwnerGroups, o: number): void {
    const { group, cols } = this;
    group.length = 0;
    for (let j = owners.start[o]; j < owners.start[o + 1]; j++) if (cols.hasTitle[owners.goals[j]]) group.push(owners.goals[j]);
    if (group.length < 2) return;
    if (this.titleHash.length < group.length) {
      this.titleHash = new Int32Array(group.length * 2);
      this.cycleHash = new Int32Array(group.length * 2);
    }
    const { titleHash, cycleHash } = this;
    for (let a = 0; a < group.length; a++) {
      titleHash[a] = cols.titleHash[group[a]];
      cycleHash[a] = cols.cycleHash[group[a]];
    }
    if (group.length <= 16) {
      for (let a = 0; a < group.length; a++) {
        for (let b = 0; b < group.length; b++) {
          if (a !== b && titleHash[a] === titleHash[b] && cycleHash[a] === cycleHash[b] && this.alike(a, b)) break;
        }
      }
      return;
    }
    // A large group: the goals with the same hashes in a list each.
    const byHash = new Map<number, number[]>();
    for (let a = 0; a < group.length; a++) {
      const key = titleHash[a] ^ Math.imul(cycleHash[a], 0x9e3779b1);
      const list = byHash.get(key);
      if (list) list.push(a);
      else byHash.set(key, [a]);
    }
    for (let a = 0; a < group.length; a++) {
      const list = byHash.get(titleHash[a] ^ Math.imul(cycleHash[a], 0x9e3779b1)) as number[];
      if (list.length < 2) continue;
      for (const b of list) {
        if (a !== b && titleHash[a] === titleHash[b] && cycleHash[a] === cycleHash[b] && this.alike(a, b)) break;
      }
    }
  }

  /** Whether the group's goals a and b have the same Title and Cycle (loosely); reports a if so. */
  private alike(a: number, b: number): boolean {
    const x = this.goals[this.group[a]];
    const y = this.goals[this.group[b]];
    if (!(sameLooseText(x.title as string, y.title as string) && sameLooseText(x.cycle ?? "", y.cycle ?? ""))) return false;
    this.sink.add(x.index, finding(x, "S3", "warn", "title", SPECIFIC_MESSAGES.S3(x.owner, x.title, y.id)));
    return true;
  }
}
