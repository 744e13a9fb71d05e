/** How a rule reports: a finding on a goal's cell, handed to a sink. */
import { ColumnKey, Direction, GoalType, headerOf } from "../columns";
import { Day, Window } from "../dates";
import { Finding, RuleCode, Severity } from "../findings";
import { Goal, goalCell } from "../model";
import { Settings } from "../settings";

/** A finding on goal `goal`'s `field` cell. */
export function finding(goal: Goal, code: RuleCode, severity: Severity, field: ColumnKey, message: string): Finding {
  return {
    code,
    severity,
    goal: goal.id,
    goalIndex: goal.index,
    field: headerOf(field),
    cell: goalCell(goal, field),
    message,
  };
}

/** Where rules put the findings of goal `i`: the engine's per-goal lists, or a plain list. */
export interface FindingSink {
  add(i: number, f: Finding): void;
}

/** A sink that collects findings in one list, in the order found. */
export class ListSink implements FindingSink {
  readonly out: Finding[] = [];
  add(_i: number, f: Finding): void {
    this.out.push(f);
  }
}

/** The findings list of a goal without any (shared, never changed). */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Each goal's findings, in the order they were found. A goal's list is made at its
 * first finding, so the many goals without one cost nothing.
 */
export class FindingLists implements FindingSink {
  private readonly lists: (Finding[] | undefined)[];
  constructor(n: number) {
    this.lists = new Array<Finding[] | undefined>(n);
  }
  add(i: number, f: Finding): void {
    const l = this.lists[i];
    if (l) l.push(f);
    else this.lists[i] = [f];
  }
  of(i: number): readonly Finding[] {
    return this.lists[i] ?? NO_FINDINGS;
  }
}

/** What a row rule needs besides the goal's own cells. */
export interface RowContext {
  direction: Direction;
  type: GoalType;
  hasChildren: boolean;
  start: Day | null;
  due: Day | null;
  /** The date window Due should fall in (the goal's Cycle, else the review cycle's). */
  dueWindow: Window | null;
  /** The name of that window's cycle, for messages. */
  windowLabel?: string | null;
  settings: Settings;
}

/** True when a field's cell was rejected by the reader (its E1–E4 finding speaks for it). */
export function isInvalid(goal: Goal, key: ColumnKey): boolean {
  return goal.invalid[key] !== undefined;
}

/** Why a goal cannot be scored: the rule, the field to fix, and what to do (no code prefix). */
export interface Problem {
  code: RuleCode;
  field: ColumnKey;
  message: string;
}
