/**
 * Worked examples for every formula and case of scoring.md, named after them (the eight
 * status rules are in rules/status.test.ts). Figures are compared within 1e-9.
 */
import { evaluate, EvaluateOptions } from "../../src/core/engine";
import { dayFromIso } from "../../src/core/dates";
import { inferDirection, pace, progress, score, tier, uncappedProgress, Outcome } from "../../src/core/scoring";
import { rollup, RollupNode } from "../../src/core/rollup";
import { scorecards } from "../../src/core/scorecard";
import { effectiveWeights } from "../../src/core/weights";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { workbookFromRecords, GoalRecord } from "../../src/core/tables";

const d = (iso: string): number => dayFromIso(iso) as number;

function num(o: Outcome): number {
  if (o.kind !== "value") throw new Error(`expected a value, got ${JSON.stringify(o)}`);
  return o.value;
}

function close(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9);
}

describe("Direction: inferred when blank", () => {
  test("T > B → Increase", () => expect(inferDirection(10, 5)).toBe("Increase"));
  test("T < B → Decrease", () => expect(inferDirection(5, 10)).toBe("Decrease"));
  test("T = B → At least", () => expect(inferDirection(5, 5)).toBe("At least"));
  test("Baseline blank counts as 0", () => {
    expect(inferDirection(5, null)).toBe("Increase");
    expect(inferDirection(-5, null)).toBe("Decrease");
    expect(inferDirection(0, null)).toBe("At least");
  });
});

describe("Progress", () => {
  test("Increase: (A − B) / (T − B)", () => close(num(progress({ actual: 70, target: 100, baseline: 40, direction: "Increase" })), 0.5));
  test("Increase: B blank → 0", () => close(num(progress({ actual: 30, target: 120, baseline: null, direction: "Increase" })), 0.25));
  test("Increase: invalid when T ≤ B (A1)", () => {
    const o = progress({ actual: 1, target: 90, baseline: 100, direction: "Increase" });
    expect(o).toMatchObject({ kind: "invalid", code: "A1" });
    expect(o.kind === "invalid" && o.message).toMatch(/^Target 90 is not above Baseline 100 for Increase/);
  });
  test("Decrease: (B − A) / (B − T)", () => close(num(progress({ actual: 16, target: 10, baseline: 20, direction: "Decrease" })), 0.4));
  test("Decrease: invalid when B blank (M3)", () =>
    expect(progress({ actual: 16, target: 10, baseline: null, direction: "Decrease" })).toMatchObject({ kind: "invalid", code: "M3" }));
  test("Decrease: invalid when T ≥ B (A1)", () =>
    expect(progress({ actual: 16, target: 20, baseline: 20, direction: "Decrease" })).toMatchObject({ kind: "invalid", code: "A1" }));
  test("At least: 1 if A ≥ T, else 0", () => {
    close(num(progress({ actual: 95, target: 95, direction: "At least" })), 1);
    close(num(progress({ actual: 94.9, target: 95, direction: "At least" })), 0);
  });
  test("At least: invalid when T blank (M1)", () =>
    expect(progress({ actual: 95, target: null, direction: "At least" })).toMatchObject({ kind: "invalid", code: "M1" }));
  test("At most: 1 if A ≤ T, else 0", () => {
    close(num(progress({ actual: 3, target: 3, direction: "At most" })), 1);
    close(num(progress({ actual: 3.1, target: 3, direction: "At most" })), 0);
  });
  test("At most: invalid when T blank (M1)", () =>
    expect(progress({ actual: 1, target: null, direction: "At most" })).toMatchObject({ kind: "invalid", code: "M1" }));
  test("Milestone: A boolean → 1/0", () => {
    close(num(progress({ actual: true, target: null, direction: "Milestone" })), 1);
    close(num(progress({ actual: false, target: null, direction: "Milestone" })), 0);
  });
  test("Milestone: A a number and T > 0 → A / T", () => close(num(progress({ actual: 3, target: 4, direction: "Milestone" })), 0.75));
  test("Milestone: A a number and T blank or ≤ 0 → 1 if A ≥ 1 else 0", () => {
    close(num(progress({ actual: 1, target: null, direction: "Milestone" })), 1);
    close(num(progress({ actual: 0.5, target: 0, direction: "Milestone" })), 0);
  });
  test("clamp to [0, cap]: cap 1 by default", () => {
    close(num(progress({ actual: 150, target: 100, baseline: 0 })), 1);
    close(num(progress({ actual: -20, target: 100, baseline: 0 })), 0);
  });
  test("clamp to [0, cap]: cap 1.5 shows over-achievement up to 150%", () => {
    close(num(progress({ actual: 130, target: 100, baseline: 0, cap: 1.5 })), 1.3);
    close(num(progress({ actual: 200, target: 100, baseline: 0, cap: 1.5 })), 1.5);
  });
  test("blank Actual gives no data, not zero", () => expect(progress({ actual: null, target: 100, baseline: 0 })).toEqual({ kind: "nodata" }));
  test("an invalid goal gives an error before no data", () =>
    expect(progress({ actual: null, target: 50, baseline: 100, direction: "Increase" })).toMatchObject({ kind: "invalid", code: "A1" }));
  test("uncapped progress keeps values above 1 and below 0", () => {
    close(num(uncappedProgress({ actual: 150, target: 100, baseline: 0 })), 1.5);
    close(num(uncappedProgress({ actual: -50, target: 100, baseline: 0 })), -0.5);
  });
});

describe("Tier score", () => {
  const base = { threshold: 80, target: 100, direction: "Increase" as const };
  test("A < Th → 0", () => close(num(tier({ ...base, actual: 79 })), 0));
  test("Th ≤ A < T → thresholdPay + (A − Th)/(T − Th) × (1 − thresholdPay)", () => {
    close(num(tier({ ...base, actual: 80 })), 0.5);
    close(num(tier({ ...base, actual: 90 })), 0.75);
  });
  test("A ≥ T, S blank → 1", () => close(num(tier({ ...base, actual: 130 })), 1));
  test("A ≥ T, S set → min(stretchPay, 1 + (A − T)/(S − T) × (stretchPay − 1))", () => {
    close(num(tier({ ...base, stretch: 120, actual: 110 })), 1.25);
    close(num(tier({ ...base, stretch: 120, actual: 150 })), 1.5);
  });
  test("thresholdPay and stretchPay are parameters", () => {
    close(num(tier({ ...base, actual: 90, thresholdPay: 0.2 })), 0.6);
    close(num(tier({ ...base, stretch: 120, actual: 120, stretchPay: 2 })), 2);
  });
  test("Decrease: negate A, Th, T and S", () => {
    const dec = { threshold: 120, target: 100, stretch: 80, direction: "Decrease" as const };
    close(num(tier({ ...dec, actual: 125 })), 0);
    close(num(tier({ ...dec, actual: 110 })), 0.75);
    close(num(tier({ ...dec, actual: 90 })), 1.25);
  });
  test("At least, At most and Milestone: the tier score equals the progress", () => {
    close(num(tier({ actual: 5, threshold: 1, target: 4, direction: "At least" })), 1);
    close(num(tier({ actual: 5, threshold: 1, target: 4, direction: "At most" })), 0);
    close(num(tier({ actual: 2, threshold: 1, target: 4, direction: "Milestone" })), 0.5);
  });
  test("invalid when Th ≥ T (A1)", () => expect(tier({ ...base, threshold: 100, actual: 1 })).toMatchObject({ kind: "invalid", code: "A1" }));
  test("invalid when S set and S ≤ T (A1)", () => expect(tier({ ...base, stretch: 100, actual: 1 })).toMatchObject({ kind: "invalid", code: "A1" }));
  test("invalid for Decrease when Th ≤ T after negation (A1)", () =>
    expect(tier({ threshold: 90, target: 100, direction: "Decrease", actual: 1 })).toMatchObject({ kind: "invalid", code: "A1" }));
});

describe("Score", () => {
  test("the tier score when Threshold is set", () => close(num(score({ actual: 90, threshold: 80, target: 100, baseline: 50, direction: "Increase" })), 0.75));
  test("else the progress with cap 1", () => close(num(score({ actual: 150, target: 100, baseline: 50 })), 1));
  test("blank Actual → no data", () => expect(score({ actual: null, threshold: 80, target: 100, baseline: 50 })).toEqual({ kind: "nodata" }));
});

describe("Pace", () => {
  test("clamp((asOf − start) / (due − start), 0, 1) in days", () => {
    close(pace(d("2026-01-01"), d("2026-01-11"), d("2026-01-06")), 0.5);
    close(pace(d("2026-01-01"), d("2026-01-11"), d("2025-12-01")), 0);
    close(pace(d("2026-01-01"), d("2026-01-11"), d("2026-02-01")), 1);
  });
  test("undefined when Start or Due is missing or Due ≤ Start", () => {
    expect(pace(null, d("2026-01-11"), d("2026-01-06"))).toBeNull();
    expect(pace(d("2026-01-01"), null, d("2026-01-06"))).toBeNull();
    expect(pace(d("2026-01-11"), d("2026-01-11"), d("2026-01-06"))).toBeNull();
  });
});

// ---- End-to-end through the engine ----

const asOf = d("2026-07-02"); // pace 0.5 for a goal running 2026-01-01 … 2026-12-31 (182/364)
const opts: EvaluateOptions = { asOf };

function goal(id: string, values: GoalRecord["values"] = {}): GoalRecord {
  return {
    values: {
      id,
      title: `Goal number ${id} for the test`,
      owner: "Dana Reyes",
      level: "Team",
      unit: "count",
      source: "CRM report",
      start: "2026-01-01",
      due: "2026-12-31",
      baseline: 0,
      target: 100,
      ...values,
    },
  };
}

function byId(ev: ReturnType<typeof evaluate>, id: string) {
  const g = ev.goals.find((x) => x.id === id);
  if (!g) throw new Error(`no goal ${id}`);
  return g;
}

describe("Actual: the Actual cell, or the latest check-in's Value", () => {
  test("blank Actual falls back to the latest check-in (greatest Date; on a tie the lower row)", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("G-1")],
        checkIns: [
          { values: { goalId: "G-1", date: "2026-06-20", value: 30 } },
          { values: { goalId: "g-1", date: "2026-06-25", value: 40 } },
          { values: { goalId: "G-1", date: "2026-06-25", value: 45 } },
          { values: { goalId: "G-1", date: "2026-05-01", value: 90 } },
        ],
      }),
      opts,
    );
    close(byId(ev, "G-1").progress, 0.45);
  });
  test("the Actual cell wins over check-ins", () => {
    const ev = evaluate(
      workbookFromRecords({ goals: [goal("G-1", { actual: 10 })], checkIns: [{ values: { goalId: "G-1", date: "2026-06-25", value: 45 } }] }),
      opts,
    );
    close(byId(ev, "G-1").progress, 0.1);
  });
});

describe("Start and Due fall back to the Cycle window", () => {
  test("blank Start/Due use the start/end of 2026-H1", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("G-1", { start: null, due: null, cycle: "2026-H1", actual: 10 })] }), { asOf: d("2026-07-15") });
    const g = byId(ev, "G-1");
    expect(g.start).toBe(d("2026-01-01"));
    expect(g.due).toBe(d("2026-06-30"));
    expect(g.status).toBe("Missed");
  });
});

describe("Weights: the weight rule", () => {
  test("all blank → each counts 1", () => expect(effectiveWeights([null, null])).toEqual([1, 1]));
  test("some set → a blank counts as the mean of the set ones", () => expect(effectiveWeights([2, 4, null])).toEqual([2, 4, 3]));
  test("a negative weight is treated as blank", () => expect(effectiveWeights([-1, 2])).toEqual([2, 2]));
  test("2 : 1 means the same as 66.7% : 33.3%", () => {
    const a = evaluate(
      workbookFromRecords({ goals: [goal("P"), goal("A", { parent: "P", weight: 2, actual: 100 }), goal("B", { parent: "P", weight: 1, actual: 40 })] }),
      opts,
    );
    const b = evaluate(
      workbookFromRecords({
        goals: [goal("P"), goal("A", { parent: "P", weight: "66.7%", actual: 100 }), goal("B", { parent: "P", weight: "33.3%", actual: 40 })],
      }),
      opts,
    );
    close(byId(a, "P").rolledUp, 0.8);
    close(byId(b, "P").rolledUp, (0.667 * 1 + 0.333 * 0.4) / 1);
  });
});

describe("Cascade roll-up", () => {
  test("no children → Score(g)", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("G-1", { actual: 25 })] }), opts);
    close(byId(ev, "G-1").rolledUp, 0.25);
    expect(byId(ev, "G-1").coverage).toBe(1);
  });
  test("Weighted (default): Σ w·a·R / Σ w·a over children with data", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [
          goal("P", { actual: 5 }),
          goal("A", { parent: "P", weight: 1, actual: 50 }),
          goal("B", { parent: "P", weight: 3, actual: 100 }),
          goal("C", { parent: "P", weight: 4 }), // no data
        ],
      }),
      opts,
    );
    const p = byId(ev, "P");
    close(p.rolledUp, (1 * 0.5 + 3 * 1) / 4);
    close(p.coverage, 4 / 8);
    close(p.score, 0.05); // its own metric is ignored in the roll-up
  });
  test("roll-up with attribution shares (G-1=60%; G-2=40%)", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("G-1"), goal("G-2"), goal("X", { parent: "G-1=60%; G-2=40%", actual: 100 }), goal("Y", { parent: "G-1", actual: 0 })],
      }),
      opts,
    );
    // G-1: X share 0.6 (R 1), Y share 1 (R 0), both weight 1
    close(byId(ev, "G-1").rolledUp, 0.6 / 1.6);
    close(byId(ev, "G-2").rolledUp, 1);
  });
  test("k parents without shares → 1/k each", () => {
    const ev = evaluate(
      workbookFromRecords({ goals: [goal("G-1"), goal("G-2"), goal("X", { parent: "G-1; G-2", actual: 100 }), goal("Y", { parent: "G-1", actual: 0 })] }),
      opts,
    );
    close(byId(ev, "G-1").rolledUp, 0.5 / 1.5);
  });
  test("shares that do not total 100% are used divided by their total (R5)", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("G-1"), goal("G-2"), goal("X", { parent: "G-1=60%; G-2=60%", actual: 100 }), goal("Y", { parent: "G-1", actual: 0 })],
      }),
      opts,
    );
    close(byId(ev, "G-1").rolledUp, 0.5 / 1.5);
    expect(byId(ev, "X").findings).toContain("R5");
  });
  test("Worst: min over children with data", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("P", { rollup: "Worst" }), goal("A", { parent: "P", actual: 30 }), goal("B", { parent: "P", actual: 80 }), goal("C", { parent: "P" })],
      }),
      opts,
    );
    close(byId(ev, "P").rolledUp, 0.3);
  });
  test("Sum: the Score of g with Actual := Σ a·Actual′ (nested Sum goals pass their own sum up)", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [
          goal("P", { rollup: "Sum", target: 1000, baseline: 0 }),
          goal("A", { parent: "P", rollup: "Sum", target: 400 }),
          goal("A1", { parent: "A", actual: 100 }),
          goal("A2", { parent: "A", actual: 150 }),
          goal("B", { parent: "P", actual: 250 }),
        ],
      }),
      opts,
    );
    close(byId(ev, "A").rolledUp, 250 / 400);
    close(byId(ev, "P").rolledUp, 500 / 1000);
  });
  test("Own: the goal's own Score even with children", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("P", { rollup: "Own", actual: 10 }), goal("A", { parent: "P", actual: 90 })] }), opts);
    close(byId(ev, "P").rolledUp, 0.1);
    expect(byId(ev, "P").coverage).toBe(1);
  });
  test("when no child has data, R(g) = Score(g)", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("P", { actual: 20 }), goal("A", { parent: "P" })] }), opts);
    close(byId(ev, "P").rolledUp, 0.2);
    expect(byId(ev, "P").coverage).toBe(0);
  });
  test("cycles: every goal on the cycle gets R4 and no value; a parent treats a cycle child as no data", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [
          goal("TOP", { actual: 10 }),
          goal("A", { parent: "B; TOP", actual: 50 }),
          goal("B", { parent: "A", actual: 50 }),
          goal("OK", { parent: "TOP", actual: 80 }),
        ],
      }),
      opts,
    );
    expect(byId(ev, "A").rolledUp).toBeNull();
    expect(byId(ev, "B").rolledUp).toBeNull();
    expect(byId(ev, "A").findings).toContain("R4");
    expect(byId(ev, "B").findings).toContain("R4");
    close(byId(ev, "TOP").rolledUp, 0.8);
    expect(ev.cycles).toHaveLength(1);
  });
  test("unknown parents: the link is dropped (R1) and the goal is a root", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("A", { parent: "NOPE", actual: 40 })] }), opts);
    expect(byId(ev, "A").findings).toContain("R1");
    close(byId(ev, "A").rolledUp, 0.4);
    expect(byId(ev, "A").parents).toEqual([]);
  });
  test("a blocked child counts as no data", () => {
    const ev = evaluate(
      workbookFromRecords({ goals: [goal("P"), goal("A", { parent: "P", actual: 40 }), goal("B", { parent: "P", actual: 90, weight: -1 })] }),
      opts,
    );
    expect(byId(ev, "B").blocked).toBe(true);
    close(byId(ev, "P").rolledUp, 0.4);
  });
  test("the rollup function directly: linear over a chain without depth limit", () => {
    const nodes: RollupNode[] = [];
    for (let i = 0; i < 50_000; i++)
      nodes.push({
        key: `G${i}`,
        parents: i === 0 ? [] : [{ key: `G${i - 1}`, share: null }],
        weight: null,
        mode: "Weighted",
        score: i === 49_999 ? 0.7 : null,
      });
    const r = rollup(nodes);
    close(r.rolledUp[0], 0.7);
  });
});

describe("Status of a goal whose Rolled Up comes from its children", () => {
  test("Weighted: P = R(g)", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("P"), goal("A", { parent: "P", actual: 50 }), goal("B", { parent: "P", actual: 10 })] }), opts);
    // R = 0.3, pace 0.5, gap 0.2 → At risk
    expect(byId(ev, "P").status).toBe("At risk");
  });
  test("Weighted / Worst with an At least Direction: children at 95% of plan mid-cycle are On track", () => {
    for (const rollup of ["Weighted", "Worst"]) {
      // Target = Baseline infers At least; the children are at 47.5% with pace 0.5.
      const ev = evaluate(
        workbookFromRecords({ goals: [goal("P", { target: 0, rollup }), goal("A", { parent: "P", actual: 47.5 }), goal("B", { parent: "P", actual: 47.5 })] }),
        opts,
      );
      expect(byId(ev, "P").direction).toBe("At least");
      expect(byId(ev, "P").status).toBe("On track");
    }
    const atMost = evaluate(workbookFromRecords({ goals: [goal("P", { direction: "At most", target: 10 }), goal("A", { parent: "P", actual: 47.5 })] }), opts);
    expect(byId(atMost, "P").status).toBe("On track");
  });
  test("Weighted with a Threshold: rule 3 tests R(g) ≥ 1, not the goal's own Score", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("P", { threshold: 10, actual: 100 }), goal("A", { parent: "P", actual: 50 })] }), opts);
    // Own Actual 100 would be Achieved; the children's blend is 0.5 at pace 0.5.
    expect(byId(ev, "P").status).toBe("On track");
  });
  test("Own mode and Sum keep rule 2: the goal's own metric", () => {
    const own = evaluate(
      workbookFromRecords({ goals: [goal("P", { direction: "At least", actual: 90, rollup: "Own" }), goal("A", { parent: "P", actual: 100 })] }),
      opts,
    );
    expect(byId(own, "P").status).toBe("Off track");
    const sum = evaluate(
      workbookFromRecords({
        goals: [
          goal("P", { direction: "At least", target: 100, rollup: "Sum" }),
          goal("A", { parent: "P", actual: 45 }),
          goal("B", { parent: "P", actual: 45 }),
        ],
      }),
      opts,
    );
    expect(byId(sum, "P").status).toBe("Off track");
  });
  test("Sum: P from the summed Actual", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("P", { rollup: "Sum", target: 200 }), goal("A", { parent: "P", actual: 50 }), goal("B", { parent: "P", actual: 50 })],
      }),
      opts,
    );
    expect(byId(ev, "P").status).toBe("On track"); // P = 0.5, pace 0.5
  });
});

describe("Escalation", () => {
  test("a Missed goal is flagged escalate", () => {
    const ev = evaluate(workbookFromRecords({ goals: [goal("G-1", { actual: 10, due: "2026-06-30" })] }), opts);
    expect(byId(ev, "G-1").status).toBe("Missed");
    expect(byId(ev, "G-1").escalate).toBe(true);
  });
  test("Off track at each of the last two check-ins → escalate", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("G-1")],
        checkIns: [
          { values: { goalId: "G-1", date: "2026-03-01", value: 0 } }, // pace ≈ 0.16, P 0 → Off track
          { values: { goalId: "G-1", date: "2026-05-01", value: 5 } }, // pace ≈ 0.33 → Off track
          { values: { goalId: "G-1", date: "2026-06-28", value: 10 } }, // pace ≈ 0.49 → Off track
        ],
      }),
      opts,
    );
    expect(byId(ev, "G-1").escalate).toBe(true);
  });
  test("each check-in is scored as the goal's own Score is, with the workbook's pays", () => {
    const records = workbookFromRecords({
      goals: [goal("G-1", { threshold: 2 })],
      checkIns: [
        { values: { goalId: "G-1", date: "2026-05-01", value: 5 } }, // P 0.05, pace ≈ 0.33
        { values: { goalId: "G-1", date: "2026-06-28", value: 10 } }, // P 0.1, pace ≈ 0.49
      ],
    });
    const usual = byId(evaluate(records, opts), "G-1");
    expect([usual.status, usual.escalate]).toEqual(["Off track", true]);
    // A Threshold that pays in full: above it the tier score is 1, so each check-in is Achieved (rule 3), as the goal is.
    const full = byId(evaluate(records, { ...opts, settings: { ...DEFAULT_SETTINGS, thresholdPay: 1 } }), "G-1");
    expect([full.status, full.escalate]).toEqual(["Achieved", false]);
  });
  test("only one of the last two check-ins Off track → no escalation", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("G-1")],
        checkIns: [
          { values: { goalId: "G-1", date: "2026-05-01", value: 30 } }, // pace ≈ 0.33, P 0.3 → On track
          { values: { goalId: "G-1", date: "2026-06-28", value: 10 } }, // Off track
        ],
      }),
      opts,
    );
    expect(byId(ev, "G-1").status).toBe("Off track");
    expect(byId(ev, "G-1").escalate).toBe(false);
  });
  test("a goal rolled up from children escalates only when Missed", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("P"), goal("A", { parent: "P", actual: 1 })],
        checkIns: [{ values: { goalId: "P", date: "2026-05-01", value: 0 } }, { values: { goalId: "P", date: "2026-06-28", value: 0 } }],
      }),
      opts,
    );
    expect(byId(ev, "P").escalate).toBe(false);
  });
});

describe("Weighted scorecards", () => {
  test("scorecards with weights: Σ w·R / Σ w over top goals", () => {
    const cards = scorecards([
      { group: "Ann", score: 0.5, weight: 60, top: true },
      { group: "Ann", score: 1, weight: 40, top: true },
      { group: "Ann", score: 0.1, weight: 10, top: false },
    ]);
    close(cards[0].score, 0.7);
    expect(cards[0].weightTotal).toBe(100);
    expect(cards[0].completeness).toBe(1);
  });
  test("scorecards without weights: each top goal counts 1", () => {
    const cards = scorecards([
      { group: "Ann", score: 0.5, weight: null, top: true },
      { group: "Ann", score: 1, weight: null, top: true },
    ]);
    close(cards[0].score, 0.75);
    expect(cards[0].weightTotal).toBe(2);
  });
  test("goals without data are left out, or count 0 with missing = zero; completeness", () => {
    const items = [
      { group: "Ann", score: 0.8, weight: 3, top: true },
      { group: "Ann", score: null, weight: 1, top: true },
    ];
    close(scorecards(items)[0].score, 0.8);
    close(scorecards(items, "zero")[0].score, 0.6);
    close(scorecards(items)[0].completeness, 0.75);
  });
  test("groups in order of first appearance; a blank owner is (blank)", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("A", { owner: "Zed", actual: 10 }), goal("B", { owner: null, actual: 20 }), goal("C", { owner: "Amy", actual: 30 })],
      }),
      opts,
    );
    expect(ev.scorecards.map((c) => c.group)).toEqual(["Zed", "(blank)", "Amy"]);
  });
  test("an owner's Objective and the Key Results under it are not counted twice", () => {
    const ev = evaluate(
      workbookFromRecords({
        goals: [goal("O", { target: null, type: "Objective" }), goal("K1", { parent: "O", actual: 50 }), goal("K2", { parent: "O", actual: 100 })],
      }),
      opts,
    );
    const card = ev.scorecards[0];
    close(card.score, 0.75);
    expect(card.weightTotal).toBe(1);
    // statusCounts covers all three goals, not only top goals: O (0.75) and K1 (0.5) on track at pace 0.5, K2 achieved.
    expect(card.statusCounts).toEqual({ "On track": 2, Achieved: 1 });
  });
  test("W1 warning flag: two top goals, one weighted, total neither 1 nor 100", () => {
    expect(
      scorecards([
        { group: "A", score: 1, weight: 40, top: true },
        { group: "A", score: 1, weight: 40, top: true },
      ])[0].weightsOff,
    ).toBe(true);
    expect(
      scorecards([
        { group: "A", score: 1, weight: 0.6, top: true },
        { group: "A", score: 1, weight: 0.4, top: true },
      ])[0].weightsOff,
    ).toBe(false);
  });
  test("group by another column", () => {
    const ev = evaluate(
      workbookFromRecords({ goals: [goal("A", { actual: 10, cycle: "Q1" }), goal("B", { actual: 30, cycle: "Q2" }), goal("C", { actual: 50, cycle: "Q1" })] }),
      { ...opts, groupBy: "cycle" },
    );
    expect(ev.scorecards.map((c) => [c.group, Math.round((c.score ?? 0) * 100)])).toEqual([
      ["Q1", 30],
      ["Q2", 30],
    ]);
  });
  test("an enumeration column groups by its canonical value: team, Team and ' TEAM' are Team", () => {
    const goals = [
      goal("A", { actual: 10, level: "team" }),
      goal("B", { actual: 30, level: "Team" }),
      goal("C", { actual: 50, level: " TEAM" }),
      goal("D", { actual: 70, level: "dept" }),
      goal("E", { actual: 90, level: "Squad" }),
      goal("F", { actual: 20, level: "" }),
    ];
    const ev = evaluate(workbookFromRecords({ goals }), { ...opts, groupBy: "level" });
    expect(ev.scorecards.map((c) => [c.group, Math.round((c.score ?? 0) * 100)])).toEqual([
      ["Team", 30],
      ["Department", 70],
      ["Squad", 90],
      ["(blank)", 20],
    ]);
    const dirs = evaluate(workbookFromRecords({ goals: [goal("A", { actual: 10, direction: "up" }), goal("B", { actual: 30, direction: "Increase" })] }), {
      ...opts,
      groupBy: "direction",
    });
    expect(dirs.scorecards.map((c) => c.group)).toEqual(["Increase"]);
  });
  test("free text (Owner, a user column) groups values spelled alike apart from case and spaces, as first written", () => {
    const goals = [
      goal("A", { actual: 10, owner: "ana" }),
      goal("B", { actual: 30, owner: " Ana " }),
      goal("C", { actual: 50, owner: "Chen  Wei" }),
      goal("D", { actual: 70, owner: "chen wei" }),
    ];
    const ev = evaluate(workbookFromRecords({ goals }), opts);
    expect(ev.scorecards.map((c) => [c.group, Math.round((c.score ?? 0) * 100)])).toEqual([
      ["ana", 20],
      ["Chen  Wei", 60],
    ]);
    // An owner called Max is no At most.
    expect(evaluate(workbookFromRecords({ goals: [goal("A", { owner: "Max" })] }), opts).scorecards[0].group).toBe("Max");
    const user = evaluate(workbookFromRecords({ goals: goals.slice(0, 2) }), { ...opts, groups: ["North", "NORTH "] });
    expect(user.scorecards.map((c) => c.group)).toEqual(["North"]);
  });
});
