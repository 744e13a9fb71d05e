/**
 * Weight rules (smart.md, src/core/rules/weights.ts): A4, W1–W3.
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { childGoal, expectFinding, expectQuiet, findingsOf, only, result, run, validGoal } from "./fixture";

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

describe("W1 an Owner's top-goal weights total neither 100% nor 1 (±0.5%)", () => {
  const pair = (w1: unknown, w2: unknown) => run([validGoal({ id: "G-1", weight: w1 }), validGoal({ id: "G-2", weight: w2 })]);

  test("fires on each top goal for 40 + 40, naming the total", () => {
    const ev = pair(40, 40);
    expectFinding(only(ev, "W1", "G-1"), { code: "W1", severity: "warn", goal: "G-1", field: "Weight", cell: "Goals!G2", mentions: ["80"] });
    expectFinding(only(ev, "W1", "G-2"), { code: "W1", severity: "warn", goal: "G-2", field: "Weight", cell: "Goals!G3", mentions: ["80"] });
  });

  test("fires for fractions outside ±0.5% (0.6 + 0.41)", () => {
    const ev = pair(0.6, 0.41);
    expect(findingsOf(ev, "W1")).toHaveLength(2);
  });

  test("fires when a blank weight counts as the mean (40 + blank = 80)", () => {
    const ev = pair(40, null);
    expect(findingsOf(ev, "W1").map((f) => f.goal)).toEqual(["G-1", "G-2"]);
  });

  test("quiet for 60 + 40, 0.6 + 0.4, 60% + 40%, and 0.6 + 0.402 (within ±0.5%)", () => {
    expectQuiet(pair(60, 40), "W1");
    expectQuiet(pair(0.6, 0.4), "W1");
    expectQuiet(pair("60%", "40%"), "W1");
    expectQuiet(pair(0.6, 0.402), "W1");
  });

  test("quiet when no top goal is weighted", () => {
    expectQuiet(pair(null, null), "W1");
  });

  test("boundary: 60 + 40.5 is quiet, 60 + 40.6 fires", () => {
    expectQuiet(pair(60, 40.5), "W1");
    expect(findingsOf(pair(60, 40.6), "W1")).toHaveLength(2);
  });

  test("quiet when none of three top goals is weighted", () => {
    expectQuiet(run([validGoal({ id: "G-1", weight: null }), validGoal({ id: "G-2", weight: null }), validGoal({ id: "G-3", weight: null })]), "W1");
  });

  test("quiet for a single top goal (the owner's Key Result under it is not a top goal)", () => {
    expectQuiet(run([validGoal({ weight: 40 })]), "W1");
    expectQuiet(run([validGoal({ id: "G-1", weight: 100 }), childGoal("G-2", "G-1", { owner: "Ann Lee", weight: 40 })]), "W1");
  });

  test("owners are separate: 40 for Ann and 40 for Bo is quiet", () => {
    expectQuiet(run([validGoal({ id: "G-1", weight: 40 }), validGoal({ id: "G-2", weight: 40, owner: "Bo" })]), "W1");
  });
});

describe("W2 Weight blank while a sibling's (or another top goal's of the same Owner) is set", () => {
  test("fires on the blank sibling; the blank counts as the mean of the set ones", () => {
    const ev = run([
      validGoal({ id: "G-1" }),
      childGoal("G-2", "G-1", { weight: 3, threshold: null, actual: 60 }), // progress 1
      childGoal("G-3", "G-1", { weight: null, threshold: null, actual: 50 }), // progress 0.5, weight mean(3, 1) = 2
      childGoal("G-4", "G-1", { weight: 1, threshold: null, actual: 40 }), // progress 0
    ]);
    expectFinding(only(ev, "W2", "G-3"), { code: "W2", severity: "warn", goal: "G-3", field: "Weight", cell: "Goals!G4", mentions: ["Weight"] });
    expectQuiet(ev, "W2", "G-2");
    expectQuiet(ev, "W2", "G-4");
    expect(result(ev, "G-1").rolledUp).toBeCloseTo((3 * 1 + 2 * 0.5 + 1 * 0) / 6, 9);
  });

  test("fires on the blank one of an owner's top goals", () => {
    const ev = run([validGoal({ id: "G-1", weight: 0.5 }), validGoal({ id: "G-2", weight: null })]);
    expectFinding(only(ev, "W2", "G-2"), { code: "W2", severity: "warn", goal: "G-2", field: "Weight", cell: "Goals!G3", mentions: ["Weight"] });
    expectQuiet(ev, "W1"); // 0.5 + mean 0.5 = 1
  });

  test("quiet when every sibling's weight is blank", () => {
    expectQuiet(run([validGoal(), childGoal("G-2", "G-1", { weight: null }), childGoal("G-3", "G-1", { weight: null })]), "W2");
  });

  test("quiet when every sibling's weight is set", () => {
    expectQuiet(run([validGoal(), childGoal("G-2", "G-1", { weight: 1 }), childGoal("G-3", "G-1", { weight: 2 })]), "W2");
  });

  test("quiet for a lone top goal with a blank weight", () => {
    expectQuiet(run([validGoal({ weight: null })]), "W2");
  });
});

describe("W3 Weight is negative", () => {
  test("fires for -1, naming it", () => {
    const ev = run([validGoal({ weight: -1 })]);
    expectFinding(only(ev, "W3", "G-1"), { code: "W3", severity: "fail", goal: "G-1", field: "Weight", cell: "Goals!G2", mentions: ["-1"] });
  });

  test("fires for -10% written as text", () => {
    expect(findingsOf(run([validGoal({ weight: "-10%" })]), "W3", "G-1")).toHaveLength(1);
  });

  test("quiet for 0", () => {
    expectQuiet(run([validGoal({ weight: 0 })]), "W3");
  });
});
