/**
 * SMART rules of smart.md (S1–S3, M1–M4, A1–A4, R1–R5, T1–T4): for each, a case that
 * fires it and near misses where it stays quiet. Every case starts from the one
 * valid goal of the fixture and changes one thing.
 */
import { AS_OF, cellOf, checkIn, childGoal, day, expectFinding, expectQuiet, findingsOf, only, result, run, summary, validGoal } from "./fixture";

describe("baseline", () => {
  test("the valid goal gives no findings at all", () => {
    const ev = run([validGoal()]);
    expect(summary(ev)).toEqual([]);
    const g = result(ev, "G-1");
    expect(g.smart).toBe("S M A R T");
    expect(g.blocked).toBe(false);
    expect(g.findings).toEqual([]);
    expect(g.score).toBeCloseTo(0.75, 9); // tier: 0.5 + (55 − 50) / (60 − 50) × 0.5
  });

  test("the valid goal with a valid child gives no findings at all", () => {
    const ev = run([validGoal(), childGoal("G-2", "G-1")]);
    expect(summary(ev)).toEqual([]);
    expect(result(ev, "G-2").parents).toEqual([0]);
  });
});

describe("S1 Title blank or fewer than 3 words", () => {
  test("fires for a two-word title and names it", () => {
    const ev = run([validGoal({ title: "Grow sales" })]);
    expectFinding(only(ev, "S1", "G-1"), { code: "S1", severity: "fail", goal: "G-1", field: "Title", cell: "Goals!B2", mentions: ["Grow sales"] });
  });

  test("fires for a blank title (white space only)", () => {
    const ev = run([validGoal({ title: "   " })]);
    expectFinding(only(ev, "S1", "G-1"), { code: "S1", severity: "fail", goal: "G-1", field: "Title", cell: "Goals!B2", mentions: ["Title"] });
  });

  test("quiet for exactly three words", () => {
    expectQuiet(run([validGoal({ title: "Grow north sales" })]), "S1");
  });
});

describe("S2 Owner blank", () => {
  test("fires for a blank Owner", () => {
    const ev = run([validGoal({ owner: null })]);
    expectFinding(only(ev, "S2", "G-1"), { code: "S2", severity: "fail", goal: "G-1", field: "Owner", cell: "Goals!F2", mentions: ["Owner"] });
  });

  test("fires for an Owner of only spaces", () => {
    expect(findingsOf(run([validGoal({ owner: "  " })]), "S2", "G-1")).toHaveLength(1);
  });

  test("quiet when the Owner is set", () => {
    expectQuiet(run([validGoal({ owner: "Bo" })]), "S2");
  });
});

describe("S3 same Owner and Cycle, same Title (case- and space-insensitive)", () => {
  const twin = (overrides = {}) =>
    run([
      validGoal({ id: "G-1", title: "Raise engagement score", weight: 0.5 }),
      validGoal({ id: "G-2", title: "  RAISE   engagement Score ", weight: 0.5, ...overrides }),
    ]);

  test("fires on both goals, naming the title", () => {
    const ev = twin();
    expectFinding(only(ev, "S3", "G-1"), { code: "S3", severity: "warn", goal: "G-1", field: "Title", cell: "Goals!B2", mentions: ["Raise engagement score"] });
    expectFinding(only(ev, "S3", "G-2"), { code: "S3", severity: "warn", goal: "G-2", field: "Title", cell: "Goals!B3", mentions: ["RAISE   engagement Score"] });
  });

  test("quiet for another owner", () => {
    expectQuiet(twin({ owner: "Bo" }), "S3");
  });

  test("quiet for another cycle", () => {
    expectQuiet(twin({ cycle: "2027", start: "2027-01-01", due: "2027-12-31" }), "S3");
  });

  test("quiet for a different title", () => {
    expectQuiet(twin({ title: "Raise engagement score in sales" }), "S3");
  });
});

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

describe("A1 Target on the wrong side of Baseline, Target = Baseline, Threshold ≥ Target or Stretch ≤ Target (Decrease mirrored)", () => {
  const a1 = (values: Record<string, unknown>) => only(run([validGoal(values)]), "A1", "G-1");

  describe("Increase", () => {
    test("Target below Baseline", () => {
      expectFinding(a1({ target: 30, threshold: null, stretch: null }), { code: "A1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["30", "40"] });
    });
    test("Target = Baseline", () => {
      expectFinding(a1({ target: 40, threshold: null, stretch: null }), { code: "A1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["40"] });
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
      expectFinding(a1({ ...dec, target: 50, threshold: null, stretch: null }), { code: "A1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["50", "40"] });
    });
    test("Target = Baseline", () => {
      expectFinding(a1({ ...dec, target: 40, threshold: null, stretch: null }), { code: "A1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["40"] });
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
  const series = (values: number[]) => values.map((v, i) => checkIn("G-1", ["2026-01-31", "2026-02-28", "2026-03-31"][i], v, i));

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
    const pts = [checkIn("G-1", "2026-01-01", 0, 0), checkIn("G-1", "2026-01-11", 10, 1), checkIn("G-1", "2026-01-21", 20, 2)];
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

describe("A4 weight: a top goal with more than [maxWeightShare = 0.5] of its Owner's weight total; or Weight 0", () => {
  const pair = (w1: unknown, w2: unknown, patch = {}) =>
    run([validGoal({ id: "G-1", weight: w1 }), validGoal({ id: "G-2", weight: w2 })], { settingsPatch: patch });

  test("fires on the goal carrying 60% of the owner's weight", () => {
    const ev = pair(60, 40);
    expectFinding(only(ev, "A4", "G-1"), { code: "A4", severity: "warn", goal: "G-1", field: "Weight", cell: "Goals!G2", mentions: ["60"] });
    expectQuiet(ev, "A4", "G-2");
  });

  test("quiet at exactly 50% / 50%", () => {
    expectQuiet(pair(50, 50), "A4");
  });

  test("maxWeightShare raised to 0.7: 60% / 40% is quiet", () => {
    expectQuiet(pair(60, 40, { maxWeightShare: 0.7 }), "A4");
  });

  test("quiet for an owner with a single top goal (the Key Result under it is not a top goal)", () => {
    const ev = run([validGoal({ id: "G-1", weight: 100 }), childGoal("G-2", "G-1", { owner: "Ann Lee", weight: 100 })]);
    expectQuiet(ev, "A4");
  });

  test("fires for Weight 0 on a lone goal", () => {
    const ev = run([validGoal({ weight: 0 })]);
    expectFinding(only(ev, "A4", "G-1"), { code: "A4", severity: "warn", goal: "G-1", field: "Weight", cell: "Goals!G2", mentions: ["0"] });
  });

  test("quiet for a blank Weight on a lone goal", () => {
    expectQuiet(run([validGoal({ weight: null })]), "A4");
  });
});

describe("R1 Parent ID names no goal in the workbook", () => {
  test("fires, naming the unknown ID", () => {
    const ev = run([validGoal(), childGoal("G-2", "G-99")]);
    expectFinding(only(ev, "R1", "G-2"), { code: "R1", severity: "fail", goal: "G-2", field: "Parent ID", cell: "Goals!E3", mentions: ["G-99"] });
    expect(result(ev, "G-2").parents).toEqual([]);
  });

  test("fires for the unknown one of two parents; the known link stays", () => {
    const ev = run([validGoal(), childGoal("G-2", "G-1; G-99")]);
    expectFinding(only(ev, "R1", "G-2"), { code: "R1", severity: "fail", goal: "G-2", field: "Parent ID", cell: "Goals!E3", mentions: ["G-99"] });
    expect(result(ev, "G-2").parents).toEqual([0]);
  });

  test("quiet: IDs match case-insensitively", () => {
    expectQuiet(run([validGoal(), childGoal("G-2", "g-1")]), "R1");
  });
});

describe("R2 a goal below Company level (or with no Level) has no Parent ID", () => {
  test("fires for a Team goal without a parent", () => {
    const ev = run([validGoal({ level: "Team" })]);
    expectFinding(only(ev, "R2", "G-1"), { code: "R2", severity: "warn", goal: "G-1", field: "Parent ID", cell: "Goals!E2", mentions: ["Parent ID"] });
  });

  test("fires for a goal with no Level and no parent", () => {
    expect(findingsOf(run([validGoal({ level: null })]), "R2", "G-1")).toHaveLength(1);
  });

  test("quiet for a Company goal", () => {
    expectQuiet(run([validGoal({ level: "Company" })]), "R2");
  });

  test("quiet for a Team goal with a parent", () => {
    expectQuiet(run([validGoal(), childGoal("G-2", "G-1", { level: "Team" })]), "R2");
  });
});

describe("R3 the parent's Level is not above the goal's Level", () => {
  test("fires for a parent at the same level, naming the parent", () => {
    const ev = run([validGoal({ level: "Department" }), childGoal("G-2", "G-1", { level: "Department" })]);
    expectFinding(only(ev, "R3", "G-2"), { code: "R3", severity: "warn", goal: "G-2", field: "Parent ID", cell: "Goals!E3", mentions: ["G-1"] });
  });

  test("fires for a parent below the goal", () => {
    const ev = run([validGoal({ level: "Individual" }), childGoal("G-2", "G-1", { level: "Team" })]);
    expect(findingsOf(ev, "R3", "G-2")).toHaveLength(1);
  });

  test("fires for a Company goal with a parent (nothing is above Company)", () => {
    const ev = run([validGoal({ level: "Company" }), childGoal("G-2", "G-1", { level: "Company" })]);
    expectFinding(only(ev, "R3", "G-2"), { code: "R3", severity: "warn", goal: "G-2", field: "Parent ID", cell: "Goals!E3", mentions: ["G-1"] });
  });

  test("quiet for a parent one or more levels above", () => {
    expectQuiet(run([validGoal({ level: "Company" }), childGoal("G-2", "G-1", { level: "Department" })]), "R3");
    expectQuiet(run([validGoal({ level: "Company" }), childGoal("G-2", "G-1", { level: "Individual" })]), "R3");
  });

  test("quiet when a Level is missing (cannot be evaluated)", () => {
    expectQuiet(run([validGoal({ level: null }), childGoal("G-2", "G-1", { level: "Team" })]), "R3");
    expectQuiet(run([validGoal({ level: "Team" }), childGoal("G-2", "G-1", { level: null })]), "R3");
  });
});

describe("R4 the goal is on an alignment cycle (the message lists the cycle)", () => {
  test("fires on both goals of a 2-cycle, listing it", () => {
    const ev = run([childGoal("G-1", "G-2", { level: "Department" }), childGoal("G-2", "G-1")]);
    const f1 = only(ev, "R4", "G-1");
    const f2 = only(ev, "R4", "G-2");
    expectFinding(f1, { code: "R4", severity: "fail", goal: "G-1", field: "Parent ID", cell: "Goals!E2", mentions: ["G-1", "G-2"] });
    expectFinding(f2, { code: "R4", severity: "fail", goal: "G-2", field: "Parent ID", cell: "Goals!E3", mentions: ["G-1", "G-2"] });
  });

  test("fires for a goal that is its own parent", () => {
    const ev = run([validGoal({ parent: "G-1" })]);
    expectFinding(only(ev, "R4", "G-1"), { code: "R4", severity: "fail", goal: "G-1", field: "Parent ID", cell: "Goals!E2", mentions: ["G-1"] });
  });

  test("a 3-cycle lists all three goals", () => {
    const ev = run([childGoal("G-1", "G-3"), childGoal("G-2", "G-1"), childGoal("G-3", "G-2")]);
    for (const id of ["G-1", "G-2", "G-3"]) {
      const f = only(ev, "R4", id);
      for (const member of ["G-1", "G-2", "G-3"]) expect(f.message).toContain(member);
    }
  });

  test("quiet for a chain, and for a goal hanging below a cycle", () => {
    expectQuiet(run([validGoal(), childGoal("G-2", "G-1", { level: "Team" }), childGoal("G-3", "G-2", { level: "Individual" })]), "R4");
    const ev = run([childGoal("G-1", "G-2"), childGoal("G-2", "G-1"), childGoal("G-3", "G-1")]);
    expectQuiet(ev, "R4", "G-3");
  });
});

describe("R5 attribution shares in Parent ID do not total 100%", () => {
  const parents = [validGoal({ id: "G-1" }), validGoal({ id: "G-2", owner: "Bo" })];

  test("fires for 60% + 30%", () => {
    const ev = run([...parents, childGoal("G-3", "G-1=60%; G-2=30%")]);
    expectFinding(only(ev, "R5", "G-3"), { code: "R5", severity: "fail", goal: "G-3", field: "Parent ID", cell: "Goals!E4", mentions: ["90"] });
  });

  test("quiet for 60% + 40%", () => {
    expectQuiet(run([...parents, childGoal("G-3", "G-1=60%; G-2=40%")]), "R5");
  });

  test("quiet for fractions 0.6 + 0.4, separated by a comma", () => {
    expectQuiet(run([...parents, childGoal("G-3", "G-1=0.6, G-2=0.4")]), "R5");
  });

  test("quiet within ±0.5%", () => {
    expectQuiet(run([...parents, childGoal("G-3", "G-1=60%; G-2=40.4%")]), "R5");
  });

  test("quiet for parents listed without shares (equal shares)", () => {
    expectQuiet(run([...parents, childGoal("G-3", "G-1; G-2")]), "R5");
  });

  test("fires for 60% + 40.6% (outside ±0.5%)", () => {
    expect(findingsOf(run([...parents, childGoal("G-3", "G-1=60%; G-2=40.6%")]), "R5", "G-3")).toHaveLength(1);
  });

  test("fires when one parent has a share and another none (it counts 0: total 60%)", () => {
    const ev = run([...parents, childGoal("G-3", "G-1=60%; G-2")]);
    expectFinding(only(ev, "R5", "G-3"), { code: "R5", severity: "fail", goal: "G-3", field: "Parent ID", cell: "Goals!E4", mentions: ["60"] });
  });
});

describe("T1 Due blank (KPI exempt)", () => {
  test("fires for a blank Due", () => {
    const ev = run([validGoal({ due: null })]);
    expectFinding(only(ev, "T1", "G-1"), { code: "T1", severity: "fail", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["Due"] });
  });

  test("fires even when the Cycle gives a window (the Due cell itself is blank)", () => {
    expect(findingsOf(run([validGoal({ due: null, cycle: "2026-H2" })]), "T1", "G-1")).toHaveLength(1);
  });

  test("exempt: KPI", () => {
    expectQuiet(run([validGoal({ type: "KPI", due: null })]), "T1");
  });

  test("quiet when Due is set", () => {
    expectQuiet(run([validGoal({ due: "2026-09-30" })]), "T1");
  });
});

describe("T2 Due before Start", () => {
  test("fires, naming both dates", () => {
    const ev = run([validGoal({ start: "2026-06-01", due: "2026-03-31" })], { asOf: day("2026-01-15") });
    expectFinding(only(ev, "T2", "G-1"), { code: "T2", severity: "fail", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["2026-03-31", "2026-06-01"] });
  });

  test("quiet when Due equals Start", () => {
    expectQuiet(run([validGoal({ start: "2026-12-31", due: "2026-12-31" })]), "T2");
  });
});

describe("T3 Due outside the Cycle's date window", () => {
  test("fires for Cycle 2026-H1 and Due in July, naming the date and the cycle", () => {
    const ev = run([validGoal({ cycle: "2026-H1", due: "2026-07-15" })]);
    expectFinding(only(ev, "T3", "G-1"), { code: "T3", severity: "warn", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["2026-07-15", "2026-H1"] });
  });

  test("fires for a Due before the window starts", () => {
    expect(findingsOf(run([validGoal({ cycle: "2026-Q3", start: "2026-01-01", due: "2026-06-30" })]), "T3", "G-1")).toHaveLength(1);
  });

  test("quiet on the last day of the window", () => {
    expectQuiet(run([validGoal({ cycle: "2026-H1", due: "2026-06-30" })], { asOf: day("2026-03-31") }), "T3");
  });

  test("quiet on the first day of a month cycle", () => {
    expectQuiet(run([validGoal({ cycle: "2026-12", start: "2026-12-01", due: "2026-12-01" })]), "T3");
  });

  test("quiet for a Cycle that is a label only", () => {
    expectQuiet(run([validGoal({ cycle: "FY plan", due: "2027-03-31" })]), "T3");
  });
});

describe("T4 Due before asOf and status not Achieved", () => {
  test("fires for a passed Due with the goal not achieved", () => {
    const ev = run([validGoal({ due: "2026-03-31" })]);
    expect(AS_OF).toBe(day("2026-06-30"));
    expectFinding(only(ev, "T4", "G-1"), { code: "T4", severity: "warn", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["2026-03-31"] });
  });

  test("fires for the same goal when asOf moves past Due", () => {
    expect(findingsOf(run([validGoal()], { asOf: day("2027-01-01") }), "T4", "G-1")).toHaveLength(1);
  });

  test("quiet on the Due day itself (not before asOf)", () => {
    expectQuiet(run([validGoal()], { asOf: day("2026-12-31") }), "T4");
  });

  test("quiet when the goal is Achieved", () => {
    const ev = run([validGoal({ due: "2026-03-31", actual: 60 })]);
    expect(result(ev, "G-1").status).toBe("Achieved");
    expectQuiet(ev, "T4");
  });
});

describe("finding cells", () => {
  test("each finding names the cell of its own row", () => {
    const ev = run([validGoal(), childGoal("G-2", "G-1", { title: "Grow sales" })]);
    expect(only(ev, "S1", "G-2").cell).toBe(cellOf(1, "title"));
  });
});
