/**
 * M — Measurable (smart.md, src/core/rules/measurable.ts): M1–M4, and U1 (a Sum roll-up
 * over children in another Unit).
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { childGoal, expectFinding, expectQuiet, only, result, run, summary, validGoal } from "./fixture";

describe("M1 Target blank or not a number (Objective, Milestone and goals with children exempt)", () => {
  test("fires for a blank Target", () => {
    const ev = run([validGoal({ target: null })]);
    expectFinding(only(ev, "M1", "G-1"), { code: "M1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["Target"] });
  });

  test("fires for a Target that is not a number, naming the text", () => {
    const ev = run([validGoal({ target: "about 60" })]);
    expectFinding(only(ev, "M1", "G-1"), { code: "M1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["about 60"] });
  });

  test("quiet for a Target written as number text", () => {
    expectQuiet(run([validGoal({ target: "60" })]), "M1");
  });

  test("exempt: Objective", () => {
    const ev = run([validGoal({ type: "Objective", target: null, threshold: null, stretch: null })]);
    expectQuiet(ev, "M1");
    expect(result(ev, "G-1").blocked).toBe(false);
  });

  test("exempt: Milestone", () => {
    const ev = run([validGoal({ direction: "Milestone", target: null, threshold: null, stretch: null, actual: true })]);
    expectQuiet(ev, "M1");
    expect(result(ev, "G-1").blocked).toBe(false);
  });

  test("exempt: a goal with children (Type given as Key Result)", () => {
    const ev = run([validGoal({ target: null, threshold: null, stretch: null }), childGoal("G-2", "G-1")]);
    expectQuiet(ev, "M1");
    expect(result(ev, "G-1").blocked).toBe(false);
  });
});

describe("M2 Unit blank (Objective and Milestone exempt)", () => {
  test("fires for a blank Unit", () => {
    const ev = run([validGoal({ unit: null })]);
    expectFinding(only(ev, "M2", "G-1"), { code: "M2", severity: "warn", goal: "G-1", field: "Unit", cell: "Goals!H2", mentions: ["Unit"] });
  });

  test("quiet when the Unit is set", () => {
    expectQuiet(run([validGoal({ unit: "count" })]), "M2");
  });

  test("exempt: Objective", () => {
    expectQuiet(run([validGoal({ type: "Objective", unit: null })]), "M2");
  });

  test("exempt: Objective by inference (Type blank, has children, no Target)", () => {
    const ev = run([validGoal({ type: null, unit: null, source: null, target: null, threshold: null, stretch: null }), childGoal("G-2", "G-1")]);
    expect(result(ev, "G-1").type).toBe("Objective");
    expectQuiet(ev, "M2", "G-1");
    expectQuiet(ev, "M4", "G-1");
  });

  test("exempt: Milestone", () => {
    expectQuiet(run([validGoal({ direction: "Milestone", unit: null, threshold: null, stretch: null, actual: true })]), "M2");
  });
});

describe("M3 Baseline blank: fail for Decrease, warn for Increase (Direction as given or inferred)", () => {
  const decrease = { direction: "Decrease", baseline: 40, threshold: 35, target: 30, stretch: 20, actual: 33 };

  test("fail for Decrease given", () => {
    const ev = run([validGoal({ ...decrease, baseline: null })]);
    expectFinding(only(ev, "M3", "G-1"), { code: "M3", severity: "fail", goal: "G-1", field: "Baseline", cell: "Goals!J2", mentions: ["Baseline"] });
  });

  test("fail for Decrease inferred (Target below the blank Baseline's 0)", () => {
    const ev = run([validGoal({ direction: null, baseline: null, threshold: null, target: -10, stretch: null, actual: -5 })]);
    expectFinding(only(ev, "M3", "G-1"), { code: "M3", severity: "fail", goal: "G-1", field: "Baseline", cell: "Goals!J2", mentions: ["Baseline"] });
    expect(result(ev, "G-1").direction).toBe("Decrease");
  });

  test("warn for Increase given", () => {
    const ev = run([validGoal({ baseline: null })]);
    expectFinding(only(ev, "M3", "G-1"), { code: "M3", severity: "warn", goal: "G-1", field: "Baseline", cell: "Goals!J2", mentions: ["Baseline"] });
  });

  test("warn for Increase inferred", () => {
    const ev = run([validGoal({ direction: null, baseline: null })]);
    expectFinding(only(ev, "M3", "G-1"), { code: "M3", severity: "warn", goal: "G-1", field: "Baseline", cell: "Goals!J2", mentions: ["Baseline"] });
    expect(result(ev, "G-1").direction).toBe("Increase");
  });

  test("quiet for Decrease with a Baseline of 0 (not blank)", () => {
    expectQuiet(run([validGoal({ ...decrease, baseline: 0, threshold: -5, target: -10, stretch: -20, actual: -6 })]), "M3");
  });

  test("quiet for At least, At most and Milestone", () => {
    expectQuiet(run([validGoal({ direction: "At least", baseline: null, threshold: null, stretch: null })]), "M3");
  });

  test("quiet when Direction is blank and Target is blank too (no Direction can be inferred) [engine disagrees]", () => {
    // smart.md: rules whose input is missing do not fire; scoring.md infers Direction from Target vs Baseline.
    expectQuiet(run([validGoal({ direction: null, baseline: null, target: null, threshold: null, stretch: null })]), "M3");
  });

  test("quiet for an inferred Objective without Target, Baseline or Direction [engine disagrees]", () => {
    const ev = run([validGoal({ type: null, direction: null, baseline: null, target: null, threshold: null, stretch: null }), childGoal("G-2", "G-1")]);
    expect(result(ev, "G-1").type).toBe("Objective");
    expectQuiet(ev, "M3", "G-1");
  });

  test("quiet for At most and Milestone", () => {
    expectQuiet(run([validGoal({ direction: "At most", baseline: null, threshold: null, stretch: null })]), "M3");
    expectQuiet(run([validGoal({ direction: "Milestone", baseline: null, threshold: null, stretch: null, actual: true })]), "M3");
  });
});

describe("M4 Data Source blank (Objective exempt)", () => {
  test("fires for a blank Data Source", () => {
    const ev = run([validGoal({ source: null })]);
    expectFinding(only(ev, "M4", "G-1"), { code: "M4", severity: "warn", goal: "G-1", field: "Data Source", cell: "Goals!R2", mentions: ["Data Source"] });
  });

  test("quiet when the Data Source is set", () => {
    expectQuiet(run([validGoal({ source: "CRM" })]), "M4");
  });

  test("exempt: Objective", () => {
    expectQuiet(run([validGoal({ type: "Objective", source: null })]), "M4");
  });
});

describe("U1 Sum roll-up over children whose Unit differs from the parent's", () => {
  const sumTree = (childUnit: string, rollup = "Sum") =>
    run([
      validGoal({ id: "G-1", rollup, unit: "USD", baseline: 0, threshold: null, target: 100, stretch: null }),
      childGoal("G-2", "G-1", { unit: "USD", baseline: 0, threshold: null, target: 50, stretch: null, actual: 30 }),
      childGoal("G-3", "G-1", { unit: childUnit, baseline: 0, threshold: null, target: 50, stretch: null, actual: 20 }),
    ]);

  test("fires on the parent, naming the other unit", () => {
    const ev = sumTree("EUR");
    expectFinding(only(ev, "U1", "G-1"), { code: "U1", severity: "warn", goal: "G-1", field: "Unit", cell: "Goals!H2", mentions: ["EUR"] });
  });

  test("quiet when every child has the parent's Unit", () => {
    const ev = sumTree("USD");
    expect(summary(ev)).toEqual([]);
    expect(result(ev, "G-1").rolledUp).toBeCloseTo(0.5, 9);
  });

  test("quiet for a Weighted roll-up over children in another unit", () => {
    expectQuiet(sumTree("EUR", "Weighted"), "U1");
  });
});
