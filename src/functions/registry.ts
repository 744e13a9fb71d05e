/**
 * The nine GOAL.* functions by the names Excel shows (without the namespace), for
 * hosts that evaluate formulas themselves: the in-memory Excel host of the tests
 * and the preview. In Excel, functions.json and CustomFunctions.associate do this.
 */
import { pace, progress, rollup, score, scorecard, smart, status, tier, weighted } from "./functions";

export const GOAL_FUNCTIONS = {
  PROGRESS: progress,
  TIER: tier,
  SCORE: score,
  PACE: pace,
  STATUS: status,
  WEIGHTED: weighted,
  ROLLUP: rollup,
  SCORECARD: scorecard,
  SMART: smart,
} as const;
