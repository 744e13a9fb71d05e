/**
 * A — Achievable (smart.md, src/core/rules/achievable.ts): A1–A3. A4 is with the weight
 * rules (weights.test.ts).
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { checkIn, day, expectFinding, expectQuiet, findingsOf, only, result, run, summary, validGoal } from "./fixture";

describe("A1 Target on the wrong side of Baseline, Target = Baseline, Threshold ≥ Target or Stretch ≤ Target (Decrease mirrored)", () => {
  const a1 = (values: Record<string, unknown>) => only(run([validGoal(values)]), "A1", "G-1");

  describe("Increase", () => {
    test("Target below Baseline", () => {
      expectFinding(a1({ target: 30, threshold: null, stretch: null }), {
        code: "A1",
        severity: "fail",
        goal: "G-1",
        field: "Target",
        cell: "Goals!L2",
        mentions: ["30", "40"],
      });
    });
    test("Target = Baseline", () => {
      expectFinding(a1({ target: 40, threshold: null, stretch: null }), {
        code: "A1",
        severity: "fail",
        goal: "G-1",
        field: "Target",
        cell: "Goals!L2",
        mentions: ["40"],
      });
    });
    test("Threshold = Target", () => {
      expectFinding(a1({ threshold: 60 }), { code: "A1", severity: "fail", goal: "G-1", field: "Threshold", cell: "Goals!K2", mentions: ["60"] });
    });
    test("Threshold above Target", () => {
      expectFinding(a1({ threshold: 65 }), { code: "A1", severity: "fail", goal: "G-1", field: "Threshold", cell: "Goals!K2", mentions: ["65", "60"] });
    });
    test("Stretch = Target", () => {
      expectFinding(a1({ stretch: 60 }), { code: "A1", severity: "fail", goal: "G-1", field: "Stretch", cell: "Goals!M2", mentions: ["60"] });
    });
    test("Stretch below Target", () => {
      expectFinding(a1({ stretch: 55 }), { code: "A1", severity: "fail", goal: "G-1", field: "Stretch", cell: "Goals!M2", mentions: ["55", "60"] });
    });
    test("quiet: Threshold just below Target, Stretch just above, or both blank", () => {
      expectQuiet(run([validGoal({ threshold: 59.9, stretch: 60.1 })]), "A1");
      expectQuiet(run([validGoal({ threshold: null, stretch: null })]), "A1");
    });
  });

  describe("Decrease (mirrored)", () => {
    const dec = { direction: "Decrease", baseline: 40, threshold: 35, target: 30, stretch: 20, actual: 33 };
    test("the clean Decrease goal is quiet", () => {
      expect(summary(run([validGoal(dec)]))).toEqual([]);
    });
    test("Target above Baseline", () => {
      expectFinding(a1({ ...dec, target: 50, threshold: null, stretch: null }), {
        code: "A1",
        severity: "fail",
        goal: "G-1",
        field: "Target",
        cell: "Goals!L2",
        mentions: ["50", "40"],
      });
    });
    test("Target = Baseline", () => {
      expectFinding(a1({ ...dec, target: 40, threshold: null, stretch: null }), {
        code: "A1",
        severity: "fail",
        goal: "G-1",
        field: "Target",
        cell: "Goals!L2",
        mentions: ["40"],
      });
    });
    test("Threshold at or below Target", () => {
      expectFinding(a1({ ...dec, threshold: 30 }), { code: "A1", severity: "fail", goal: "G-1", field: "Threshold", cell: "Goals!K2", mentions: ["30"] });
      expectFinding(a1({ ...dec, threshold: 25 }), { code: "A1", severity: "fail", goal: "G-1", field: "Threshold", cell: "Goals!K2", mentions: ["25", "30"] });
    });
    test("Stretch at or above Target", () => {
      expectFinding(a1({ ...dec, stretch: 30 }), { code: "A1", severity: "fail", goal: "G-1", field: "Stretch", cell: "Goals!M2", mentions: ["30"] });
      expectFinding(a1({ ...dec, stretch: 35 }), { code: "A1", severity: "fail", goal: "G-1", field: "Stretch", cell: "Goals!M2", mentions: ["35", "30"] });
    });
    test("quiet: Threshold just above Target and Stretch just below", () => {
      expectQuiet(run([validGoal({ ...dec, threshold: 30.1, stretch: 29.9 })]), "A1");
    });
  });

  test("quiet: Target = Baseline with Direction blank infers At least", () => {
    const ev = run([validGoal({ direction: null, target: 40, threshold: null, stretch: null })]);
    expectQuiet(ev, "A1");
    expect(result(ev, "G-1").direction).toBe("At least");
  });

  test("quiet: At least / At most with Target below Baseline", () => {
    expectQuiet(run([validGoal({ direction: "At least", target: 30, threshold: null, stretch: null })]), "A1");
    expectQuiet(run([validGoal({ direction: "At most", target: 30, threshold: null, stretch: null })]), "A1");
  });
});

describe("A2 ambition |T − B| / |B| > [ambitionLimit = 1.0] (B ≠ 0)", () => {
  test("fires when the Target is 150% away from the Baseline", () => {
    const ev = run([validGoal({ target: 100, threshold: 50, stretch: 120 })]);
    expectFinding(only(ev, "A2", "G-1"), { code: "A2", severity: "warn", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["100", "40"] });
  });

  test("fires for a negative Baseline (|B| is used)", () => {
    const ev = run([validGoal({ baseline: -10, threshold: 0, target: 15, stretch: 20 })]);
    expect(findingsOf(ev, "A2", "G-1")).toHaveLength(1);
  });

  test("quiet at exactly the limit (100%)", () => {
    expectQuiet(run([validGoal({ target: 80, threshold: 50, stretch: 90 })]), "A2");
  });

  test("quiet when the Baseline is 0", () => {
    expectQuiet(run([validGoal({ baseline: 0, target: 60 })]), "A2");
  });

  test("fires for a Milestone too (smart.md lists no exemption for A2) [engine disagrees]", () => {
    const ev = run([validGoal({ direction: "Milestone", baseline: 1, threshold: null, target: 5, stretch: null, actual: 2 })]);
    expectFinding(only(ev, "A2", "G-1"), { code: "A2", severity: "warn", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["5", "1"] });
  });

  test("ambitionLimit lowered to 0.4: a 50% step fires", () => {
    const ev = run([validGoal()], { settingsPatch: { ambitionLimit: 0.4 } });
    expectFinding(only(ev, "A2", "G-1"), { code: "A2", severity: "warn", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["60", "40"] });
  });

  test("ambitionLimit raised to 2: a 150% step is quiet", () => {
    expectQuiet(run([validGoal({ target: 100, threshold: 50, stretch: 120 })], { settingsPatch: { ambitionLimit: 2 } }), "A2");
  });
});

describe("A3 trend: least-squares line at Due reaches less than [trendShortfall = 0.8] of the way from Baseline to Target", () => {
  // Baseline 40, Target 60, Due 2026-12-31; monthly check-ins from January to March.
  const series = (values: number[]) => values.map((v, i) => checkIn("G-1", ["2026-01-31", "2026-02-28", "2026-03-31"][i], v));

  test("fires when the check-ins trend short (+1 a month → about 52, 60% of the way)", () => {
    const ev = run([validGoal()], { checkIns: series([41, 42, 43]) });
    expectFinding(only(ev, "A3", "G-1"), { code: "A3", severity: "warn", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["60"] });
  });

  test("quiet when the check-ins are on course (+2 a month → about 64)", () => {
    expectQuiet(run([validGoal()], { checkIns: series([42, 44, 46]) }), "A3");
  });

  test("quiet with only two check-ins, however short", () => {
    expectQuiet(run([validGoal()], { checkIns: series([41, 42]) }), "A3");
  });

  test("boundary: exactly 80% of the way is quiet, just under fires", () => {
    // y = Value rises 1 a day from 0 on 2026-01-01; Due 2026-03-22 is day 80.
    const pts = [checkIn("G-1", "2026-01-01", 0), checkIn("G-1", "2026-01-11", 10), checkIn("G-1", "2026-01-21", 20)];
    const g = { baseline: 0, threshold: null, stretch: null, start: "2026-01-01", due: "2026-03-22", cycle: "2026-Q1" };
    expectQuiet(run([validGoal({ ...g, target: 100 })], { checkIns: pts, asOf: day("2026-02-01") }), "A3");
    expect(findingsOf(run([validGoal({ ...g, target: 101 })], { checkIns: pts, asOf: day("2026-02-01") }), "A3", "G-1")).toHaveLength(1);
  });

  test("trendShortfall lowered to 0.5: the short trend (60%) is quiet", () => {
    expectQuiet(run([validGoal()], { checkIns: series([41, 42, 43]), settingsPatch: { trendShortfall: 0.5 } }), "A3");
  });

  test("Decrease: fires when falling too slowly, quiet when on course", () => {
    const dec = { direction: "Decrease", baseline: 60, threshold: 45, target: 40, stretch: 30, actual: 57 };
    expect(findingsOf(run([validGoal(dec)], { checkIns: series([59, 58, 57]) }), "A3", "G-1")).toHaveLength(1);
    expectQuiet(run([validGoal(dec)], { checkIns: series([58, 56, 54]) }), "A3");
  });

  test("Increase with a blank Baseline measures from 0", () => {
    // From 0 to 60: +1 a month from 41 reaches about 52, 87% of the way: quiet.
    expectQuiet(run([validGoal({ baseline: null })], { checkIns: series([41, 42, 43]) }), "A3");
    // +0.5 a month from 20 reaches about 24.5, 41% of the way: fires.
    expect(findingsOf(run([validGoal({ baseline: null })], { checkIns: series([20, 20.5, 21]) }), "A3", "G-1")).toHaveLength(1);
  });

  test("quiet for At least (only Increase and Decrease)", () => {
    expectQuiet(run([validGoal({ direction: "At least", threshold: null, stretch: null })], { checkIns: series([41, 42, 43]) }), "A3");
  });
});
