/**
 * The rules that need only the goal's own row, in the order a row's findings are listed:
 * E1–E4 (its rejected cells) are data.ts goalCellRules; then D2, S1, S2, M1, M2, M3, M4,
 * A1, A2, A4 (weight 0), W3, T1, T2, T3. Each lives in its family's file.
 */
import { Finding } from "../findings";
import { Goal } from "../model";
import { ambition, targetSides } from "./achievable";
import { blankId, goalCellRules } from "./data";
import { FindingSink, ListSink, RowContext } from "./finding";
import { baselineGiven, sourceGiven, targetGiven, unitGiven } from "./measurable";
import { ownerGiven, titleWords } from "./specific";
import { dueRules } from "./timebound";
import { rowWeight } from "./weights";

/** The row rules of one goal, each finding handed to `sink` (under the goal's index). */
export function rowRules(goal: Goal, ctx: RowContext, sink: FindingSink): void {
  blankId(goal, sink);
  titleWords(goal, sink);
  ownerGiven(goal, sink);
  targetGiven(goal, ctx, sink);
  unitGiven(goal, ctx, sink);
  baselineGiven(goal, ctx, sink);
  sourceGiven(goal, ctx, sink);
  targetSides(goal, ctx, sink);
  ambition(goal, ctx, sink);
  rowWeight(goal, sink);
  dueRules(goal, ctx, sink);
}

/** The row rules of one goal, as a list. */
export function rowFindings(goal: Goal, ctx: RowContext): Finding[] {
  const sink = new ListSink();
  rowRules(goal, ctx, sink);
  return sink.out;
}

/** E1–E4 of one goal's rejected cells, as a list. */
export function dataFindings(goal: Goal): Finding[] {
  const sink = new ListSink();
  goalCellRules(goal, sink);
  return sink.out;
}
