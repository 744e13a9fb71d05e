/**
 * The fast paths of GOAL.SCORE, GOAL.WEIGHTED, GOAL.ROLLUP and GOAL.SCORECARD (and of the
 * core roll-up and scoring under them) give exactly what the earlier, plainer code gave:
 * the reference copies in ./reference are that code. Values and error messages are
 * compared as they are, on generated workbooks and on random tables with repeated IDs,
 * cycles, shares, odd weights and modes, error cells and data-type cells.
 */
import fc from "fast-check";
import { GOAL_HEADERS, generateWorkbook } from "../../bench/generate";
import { EXCEL_ERRORS } from "../../src/core/cells";
import { ROLLUP_MODES } from "../../src/core/columns";
import {
  FLAT_OWN,
  FLAT_WEIGHTED,
  FLAT_WORST,
  RollupNode,
  computeFlatRollup,
  findCycles,
  rollup as coreRollup,
  resolveFlatLinks,
  resolveLinks,
} from "../../src/core/rollup";
import { scorecards } from "../../src/core/scorecard";
import { progress as coreProgress, score as coreScore, tier as coreTier } from "../../src/core/scoring";
import { rollup, score, scorecard, weighted } from "../../src/functions/functions";
import * as Ref from "./reference/functions";
import * as RefRollup from "./reference/rollup";
import * as RefScorecard from "./reference/scorecard";
import * as RefScoring from "./reference/scoring";

const col = (h: string): number => GOAL_HEADERS.indexOf(h);

describe("on generated workbooks", () => {
  for (const seed of [1, 2, 3]) {
    const wb = generateWorkbook({ goals: 1500, seed });
    const rows = wb.goals.rows;
    const column = (h: string): unknown[][] => rows.map((r) => [r[col(h)]]);
    const ids = column("ID");
    const parents = column("Parent ID");
    const weights = column("Weight");
    const owners = column("Owner");
    const modes = column("Rollup");
    const scores: unknown[][] = rows.map((_, i) => [i % 17 === 0 ? "" : i % 101 === 0 ? "#N/A" : ((i * 7919) % 1000) / 1000]);

    test(`seed ${seed}: ROLLUP, SCORECARD and WEIGHTED`, () => {
      expect(rollup(ids, parents, scores, weights, modes)).toEqual(Ref.rollup(ids, parents, scores, weights, modes));
      const noSum = modes.map((m) => [m[0] === "Sum" ? "" : m[0]]);
      expect(rollup(ids, parents, scores, weights, noSum)).toEqual(Ref.rollup(ids, parents, scores, weights, noSum));
      expect(rollup(ids, parents, scores)).toEqual(Ref.rollup(ids, parents, scores));
      expect(scorecard(owners, scores, weights, ids, parents)).toEqual(Ref.scorecard(owners, scores, weights, ids, parents));
      expect(scorecard(owners, scores, weights)).toEqual(Ref.scorecard(owners, scores, weights));
      expect(weighted(scores, weights)).toEqual(Ref.weighted(scores, weights));
    });

    test(`seed ${seed}: SCORE per row`, () => {
      for (const r of rows) {
        const a = [r[col("Actual")], r[col("Target")], r[col("Baseline")], r[col("Direction")], r[col("Threshold")], r[col("Stretch")]] as const;
        expect(score(...a)).toEqual(Ref.score(...a));
      }
    });
  }
});

// ------------------------------------------------------------------ random tables

const POOL = ["G-1", "g-1", "G-2", "G-3", "O-1", "O-2", "K-1", "K-2", "K-3"];
const errorCell = fc.constantFrom(...EXCEL_ERRORS);
const dataTypeCell = fc.oneof(
  errorCell.map((code) => ({ type: "Error", code })),
  fc.constantFrom(2, "40%", "G-1", "Own", "").map((basicValue) => ({ type: "String", basicValue })),
);
const idCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", " G-2 ") },
  { weight: 1, arbitrary: errorCell },
  { weight: 1, arbitrary: fc.constantFrom(7, true) },
);
const parentCell = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.constantFrom(...POOL, "X-9") },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...POOL, "X-9", ""), fc.constantFrom("", "=60%", "=40%", "=0.5", "=50", "=abc", "=-1", "=0")), { minLength: 1, maxLength: 4 })
      .chain((refs) => fc.constantFrom("; ", ",", ";").map((sep) => refs.map(([id, share]) => id + share).join(sep))),
  },
  { weight: 1, arbitrary: errorCell },
);
const weightCell = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 0.4, "40%", "1,000", 1e308, 5e-324, -0) },
  { weight: 1, arbitrary: fc.constantFrom(-1, "abc", true) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: errorCell },
);
const modeCell = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 6, arbitrary: fc.constantFrom(...ROLLUP_MODES, "worst", "own", "min") },
  { weight: 1, arbitrary: fc.constantFrom("Sum", "bogus", 3) },
  { weight: 1, arbitrary: errorCell },
);
const scoreCell = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 6, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "45%", "abc", true, "#REF!", Infinity) },
);
const groupCell = fc.oneof(fc.constantFrom("Ann", "Bob", "ann", " Bob", ""), errorCell, fc.constantFrom(3, true));
const withDataTypes = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary: a }, { weight: 1, arbitrary: dataTypeCell });

const table = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    cols: fc.constantFrom(1, 1, 1, 2),
    ids: fc.array(withDataTypes(idCell), { minLength: n, maxLength: n }),
    parents: fc.array(withDataTypes(parentCell), { minLength: n, maxLength: n }),
    weights: fc.array(withDataTypes(weightCell), { minLength: n, maxLength: n }),
    modes: fc.array(withDataTypes(modeCell), { minLength: n, maxLength: n }),
    scores: fc.array(withDataTypes(scoreCell), { minLength: n, maxLength: n }),
    groups: fc.array(withDataTypes(groupCell), { minLength: n, maxLength: n }),
  }),
);

/** A column as a range of `cols` columns (row-major), padded with blanks. */
function grid(cells: unknown[], cols: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < cells.length; i += cols) {
    const row = cells.slice(i, i + cols);
    while (row.length < cols) row.push("");
    out.push(row);
  }
  return out;
}

describe("on random tables", () => {
  test("ROLLUP gives the reference's values and messages", () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.boolean(), (t, withWeights, withModes) => {
        const g = (c: unknown[]) => grid(c, t.cols);
        const args = [g(t.ids), g(t.parents), g(t.scores), withWeights ? g(t.weights) : undefined, withModes ? g(t.modes) : undefined] as const;
        expect(rollup(...args)).toEqual(Ref.rollup(...args));
      }),
      { numRuns: 400 },
    );
  });

  test("SCORECARD and WEIGHTED give the reference's values and messages", () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.boolean(), (t, withWeights, withLinks) => {
        const g = (c: unknown[]) => grid(c, t.cols);
        const w = withWeights ? g(t.weights) : undefined;
        const args = [g(t.groups), g(t.scores), w, withLinks ? g(t.ids) : undefined, withLinks ? g(t.parents) : undefined] as const;
        expect(scorecard(...args)).toEqual(Ref.scorecard(...args));
        expect(weighted(g(t.scores), w)).toEqual(Ref.weighted(g(t.scores), w));
      }),
      { numRuns: 400 },
    );
  });

  test("range arguments of other shapes", () => {
    const cases: unknown[][] = [
      [[["G-1"]], [[""]], [[0.5]]],
      ["G-1", "", 0.5],
      [[["G-1", "G-2"]], [["", "G-1"]], [[0.5, 1]]],
      [[["G-1"], ["G-2"]], [[""], ["G-1"]], [[0.5]]],
      [[], [], []],
      [[["G-1"], ["G-2", "x"]], [[""], [""]], [[1], [2]]],
      [[[]], [[]], [[]]],
      [["G-1", "G-2"], ["", "G-1"], [0.3, 0.6]],
    ];
    for (const [a, b, c] of cases) {
      const ids = a as unknown[][];
      const parents = b as unknown[][];
      const scores = c as unknown[][];
      expect(rollup(ids, parents, scores)).toEqual(Ref.rollup(ids, parents, scores));
      expect(scorecard(ids, scores, undefined, ids, parents)).toEqual(Ref.scorecard(ids, scores, undefined, ids, parents));
      expect(weighted(scores, ids)).toEqual(Ref.weighted(scores, ids));
    }
  });
});

// ------------------------------------------------------------------ core

const nodeArb = (n: number): fc.Arbitrary<RollupNode[]> =>
  fc.array(
    fc.record({
      key: fc.option(fc.constantFrom("A", "B", "C", "D", "E", "F"), { nil: null }),
      parents: fc.array(
        fc.record({ key: fc.constantFrom("A", "B", "C", "D", "E", "F", "Z"), share: fc.option(fc.constantFrom(0, 0.2, 0.4, 0.5, 0.6, 1, 1.5), { nil: null }) }),
        { maxLength: 3 },
      ),
      weight: fc.option(fc.constantFrom(0, 1, 2, 0.5, -1, 1e308, 5e-324, Infinity, NaN), { nil: null }),
      mode: fc.constantFrom(...ROLLUP_MODES),
      score: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: null }),
      blocked: fc.boolean(),
      actual: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    }),
    { minLength: 0, maxLength: n },
  );

describe("core", () => {
  test("rollup, resolveLinks and findCycles give the reference's graph and values", () => {
    fc.assert(
      fc.property(nodeArb(12), (nodes) => {
        const sumScore = (i: number, a: number): number => a / 100 + i;
        expect(coreRollup(nodes, sumScore)).toEqual(RefRollup.rollup(nodes, sumScore));
        expect(resolveLinks(nodes)).toEqual(RefRollup.resolveLinks(nodes));
        const parentsOf = RefRollup.resolveLinks(nodes).parentsOf;
        expect(findCycles(parentsOf)).toEqual(RefRollup.findCycles(parentsOf));
      }),
      { numRuns: 1000 },
    );
  });

  test("the column-wise roll-up gives rollup()'s values and cycles", () => {
    fc.assert(
      fc.property(nodeArb(12), (all) => {
        // Column-wise: no Sum; NaN stands for a blank weight or score.
        const nodes = all.map((x) => (x.mode === "Sum" ? { ...x, mode: "Weighted" as const } : x));
        const refStart = new Int32Array(nodes.length + 1);
        const refKeys: string[] = [];
        const refShares: number[] = [];
        nodes.forEach((x, i) => {
          for (const r of x.parents) {
            refKeys.push(r.key);
            refShares.push(r.share ?? NaN);
          }
          refStart[i + 1] = refKeys.length;
        });
        const links = resolveFlatLinks({
          keys: nodes.map((x) => x.key),
          refStart,
          refKeys,
          refShares,
          weights: Float64Array.from(nodes, (x) => x.weight ?? NaN),
        });
        const mode = Uint8Array.from(nodes, (x) => (x.mode === "Worst" ? FLAT_WORST : x.mode === "Own" ? FLAT_OWN : FLAT_WEIGHTED));
        const score = Float64Array.from(nodes, (x) => x.score ?? NaN);
        const blocked = Uint8Array.from(nodes, (x) => (x.blocked ? 1 : 0));
        const flat = Array.from(computeFlatRollup(links, mode, score, blocked).rolledUp, (r) => (Number.isNaN(r) ? null : r));
        const ref = RefRollup.rollup(nodes);
        expect(flat).toEqual(ref.rolledUp);
        expect(links.cycles).toEqual(ref.cycles);
        expect(links.cycleOf).toEqual(ref.cycleOf);
        expect(links.indexOf).toEqual(ref.indexOf);
      }),
      { numRuns: 1000 },
    );
  });

  test("scorecards give the reference's cards", () => {
    const item = fc.record({
      group: fc.constantFrom("a", "b", "c"),
      score: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: null }),
      weight: fc.option(fc.constantFrom(0, 1, 2, 0.5, -1, 1e308, 5e-324, Infinity, NaN), { nil: null }),
      top: fc.boolean(),
      status: fc.option(fc.constantFrom("On track" as const, "At risk" as const, "Achieved" as const), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom("exclude" as const, "zero" as const), (items, missing) => {
        expect(scorecards(items, missing)).toEqual(RefScorecard.scorecards(items, missing));
      }),
      { numRuns: 500 },
    );
  });

  test("score, progress and tier give the reference's outcomes", () => {
    const num = fc.option(fc.constantFrom(0, 1, 2, 5, 10, -3, 0.5, 100, 1e308), { nil: null });
    const input = fc.record({
      actual: fc.option(fc.oneof(fc.constantFrom(0, 3, 7, 12, -1, 1e308), fc.boolean()), { nil: null }),
      target: num,
      baseline: num,
      direction: fc.option(fc.constantFrom("Increase" as const, "Decrease" as const, "At least" as const, "At most" as const, "Milestone" as const), { nil: null }),
      threshold: num,
      stretch: num,
      cap: fc.option(fc.constantFrom(0.5, 1, 1.5, Infinity), { nil: undefined }),
    });
    fc.assert(
      fc.property(input, (i) => {
        expect(coreScore(i)).toEqual(RefScoring.score(i));
        expect(coreProgress(i)).toEqual(RefScoring.progress(i));
        const ti = { ...i, threshold: i.threshold };
        expect(coreTier(ti)).toEqual(RefScoring.tier(ti));
      }),
      { numRuns: 2000 },
    );
  });
});
