/**
 * Weighted scorecards (scoring.md "Weighted scorecards") against a naive computation:
 * score = Σ w·R / Σ w over the group's top goals with R defined and w > 0, weights by
 * the weight rule among the group's top goals (all blank → 1 each; a blank or negative
 * one → mean of the set ones), weightTotal = Σ w, completeness = Σ w with data ÷ Σ w,
 * groups in order of first appearance, `missing: "zero"` counts top goals without data
 * as 0, statusCounts over all the group's goals, W1 flag.
 */
import fc from "fast-check";
import { STATUSES, Status } from "../../../src/core/columns";
import { Missing, ScorecardItem, scorecards } from "../../../src/core/scorecard";

const EPS = 1e-9;

const itemArb: fc.Arbitrary<ScorecardItem> = fc.record({
  group: fc.constantFrom("Ann", "Bob", "(blank)", "ann", "Cy"),
  score: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
  weight: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, -0.25) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }) },
    { weight: 2, arbitrary: fc.double({ min: 0.001, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0.4, 0.6, 40, 60, 0.5) },
  ),
  top: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  status: fc.oneof(fc.constantFrom<Status | null>(...STATUSES, null), fc.constant(undefined)),
});

interface NaiveCard {
  group: string;
  score: number | null;
  weightTotal: number;
  completeness: number | null;
  statusCounts: Partial<Record<Status, number>>;
  weightsOff: boolean;
  topGoals: number;
}

function naive(items: readonly ScorecardItem[], missing: Missing): NaiveCard[] {
  const order: string[] = [];
  for (const it of items) if (!order.includes(it.group)) order.push(it.group);
  return order.map((group) => {
    const all = items.filter((it) => it.group === group);
    const tops = all.filter((it) => it.top);
    const isSet = (w: number | null): w is number => w !== null && w >= 0;
    const set = tops.map((t) => t.weight).filter(isSet);
    const fill = set.length === 0 ? 1 : set.reduce((a, b) => a + b, 0) / set.length;
    const w = tops.map((t) => (isSet(t.weight) ? t.weight : fill));
    let num = 0;
    let den = 0;
    let withData = 0;
    let total = 0;
    tops.forEach((t, j) => {
      total += w[j];
      if (t.score !== null) withData += w[j];
      if (w[j] > 0 && t.score !== null) {
        num += w[j] * t.score;
        den += w[j];
      } else if (w[j] > 0 && missing === "zero") den += w[j]; // counts as 0
    });
    const statusCounts: Partial<Record<Status, number>> = {};
    for (const it of all) if (it.status) statusCounts[it.status] = (statusCounts[it.status] ?? 0) + 1;
    const full = Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
    return {
      group,
      score: den > 0 ? num / den : null,
      weightTotal: total,
      completeness: total > 0 ? withData / total : null,
      statusCounts,
      weightsOff: tops.length >= 2 && set.length > 0 && !full,
      topGoals: tops.length,
    };
  });
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(b));
}

describe("scorecards equal the naive computation", () => {
  test.each<Missing>(["exclude", "zero"])("missing = %s", (missing) => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 30 }), (items) => {
        const got = scorecards(items, missing);
        const want = naive(items, missing);
        expect(got.map((c) => c.group)).toEqual(want.map((c) => c.group));
        got.forEach((c, i) => {
          const w = want[i];
          if (!close(c.score, w.score)) throw new Error(`${c.group}: score ${c.score}, naive ${w.score}`);
          if (!close(c.weightTotal, w.weightTotal)) throw new Error(`${c.group}: weightTotal ${c.weightTotal}, naive ${w.weightTotal}`);
          if (!close(c.completeness, w.completeness)) throw new Error(`${c.group}: completeness ${c.completeness}, naive ${w.completeness}`);
          expect(c.statusCounts).toEqual(w.statusCounts);
          expect(c.topGoals).toBe(w.topGoals);
          expect(c.weightsOff).toBe(w.weightsOff);
        });
      }),
      { seed: 515151, numRuns: 1000 },
    );
  });

  test("the default is missing = exclude", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 20 }), (items) => {
        expect(scorecards(items)).toEqual(scorecards(items, "exclude"));
      }),
      { seed: 515152, numRuns: 200 },
    );
  });

  test('missing = "zero" never scores above missing = "exclude", and equals it when every top goal has data', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 30 }), (items) => {
        const ex = scorecards(items, "exclude");
        const zero = scorecards(items, "zero");
        ex.forEach((c, i) => {
          const z = zero[i];
          if (c.score !== null && z.score !== null) expect(z.score).toBeLessThanOrEqual(c.score + EPS);
          const complete = items.filter((it) => it.group === c.group && it.top).every((it) => it.score !== null);
          if (complete) expect(close(z.score, c.score)).toBe(true);
        });
      }),
      { seed: 515153, numRuns: 500 },
    );
  });

  test("extreme weights (1e308, 5e-324 …): score stays finite and between the smallest and largest R", () => {
    const extreme = fc.constantFrom(1e308, 1.7976931348623157e308, 1e300, 5e-324, 1e-310, 1, null);
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.double({ min: 0, max: 1.5, noNaN: true }), weight: extreme }), { minLength: 1, maxLength: 5 }), (rows) => {
        const [card] = scorecards(rows.map((r) => ({ group: "Ann", top: true, ...r })));
        const rs = rows.map((r) => r.score);
        if (card.score === null) return; // every weight 0 after the rule: no score is fine
        if (!Number.isFinite(card.score)) throw new Error(`score ${card.score}`);
        if (card.score < Math.min(...rs) - EPS || card.score > Math.max(...rs) + EPS)
          throw new Error(`score ${card.score} outside [${Math.min(...rs)}, ${Math.max(...rs)}]`);
        if (card.completeness === null || !Number.isFinite(card.completeness)) throw new Error(`completeness ${card.completeness}`);
      }),
      { seed: 515154, numRuns: 300 },
    );
  });
});
