/**
 * Range arguments of every shape reach the range functions' fast paths (ranges read in
 * place, goals held column-wise) and come back as Excel would show them. The rewrite of
 * GOAL.ROLLUP, GOAL.SCORECARD and GOAL.WEIGHTED for speed was checked against the earlier
 * code on generated workbooks and random tables (docs/performance.md); these cases keep
 * the shapes that code accepted and refused.
 */
import { valueError } from "../../src/functions/errors";
import { rollup, scorecard, weighted } from "../../src/functions/functions";

const textWeight = valueError("E2: Weight is text 'G-1'; enter a number");
const empty = valueError("A range is empty; select at least one cell");
const ragged = valueError("A range is not rectangular; select a block of cells");

describe("range arguments of other shapes", () => {
  type Case = [string, unknown, unknown, unknown, unknown, unknown, unknown];
  const cases: Case[] = [
    ["one cell as a 1×1 range", [["G-1"]], [[""]], [[0.5]], [[0.5]], [["G-1", 0.5, 1, 1]], textWeight],
    ["one cell as a plain value", "G-1", "", 0.5, [[0.5]], [["G-1", 0.5, 1, 1]], textWeight],
    [
      "a row of goals",
      [["G-1", "G-2"]],
      [["", "G-1"]],
      [[0.5, 1]],
      [[1], [1]],
      [
        ["G-1", 0.5, 1, 1],
        ["G-2", 1, 1, 1],
      ],
      textWeight,
    ],
    [
      "a 1-D array (one row)",
      ["G-1", "G-2"],
      ["", "G-1"],
      [0.3, 0.6],
      [[0.6], [0.6]],
      [
        ["G-1", 0.3, 1, 1],
        ["G-2", 0.6, 1, 1],
      ],
      textWeight,
    ],
    ["no cells", [], [], [], [[empty]], [[empty]], empty],
    ["an empty row", [[]], [[]], [[]], [[empty]], [[empty]], empty],
    ["rows of different lengths", [["G-1"], ["G-2", "x"]], [[""], [""]], [[1], [2]], [[ragged]], [[ragged]], ragged],
  ];
  test.each(cases)("%s", (_name, ids, parents, scores, rolled, cards, weightedResult) => {
    const i = ids as unknown[][];
    const p = parents as unknown[][];
    const s = scores as unknown[][];
    expect(rollup(i, p, s)).toEqual(rolled);
    expect(scorecard(i, s, undefined, i, p)).toEqual(cards);
    // The IDs given as weights: text in a weight is reported, not read as blank.
    expect(weighted(s, i)).toEqual(weightedResult);
  });

  test("ranges of different sizes name both sizes", () => {
    const ids = [["G-1"], ["G-2"]];
    const parents = [[""], ["G-1"]];
    const scores = [[0.5]];
    expect(rollup(ids, parents, scores)).toEqual([[valueError("Ranges have different sizes: 2×1 and 1×1")]]);
    expect(scorecard(ids, scores, undefined, ids, parents)).toEqual([[valueError("Ranges have different sizes: 2×1 and 1×1")]]);
    expect(weighted(scores, ids)).toEqual(valueError("Ranges have different sizes: 1×1 and 2×1"));
  });
});
