/**
 * Data rules of smart.md (E1–E4, D1, D2, W1–W3, U1): for each, a case that fires it
 * and near misses where it stays quiet, starting from the fixture's valid goal.
 */
import { serialFromDay } from "../../../src/core/dates";
import { checkIn, childGoal, day, expectFinding, expectQuiet, findingsOf, only, result, run, summary, validGoal } from "./fixture";

describe("E1 a cell holds an Excel error value", () => {
  test("fires for #N/A in Target, naming the error", () => {
    const ev = run([validGoal({ target: "#N/A" })]);
    expectFinding(only(ev, "E1", "G-1"), { code: "E1", severity: "fail", goal: "G-1", field: "Target", cell: "Goals!L2", mentions: ["#N/A"] });
  });

  test("fires for #REF! in Comment (a text field)", () => {
    const ev = run([validGoal({ comment: "#REF!" })]);
    expectFinding(only(ev, "E1", "G-1"), { code: "E1", severity: "fail", goal: "G-1", field: "Comment", cell: "Goals!T2", mentions: ["#REF!"] });
  });

  test("fires for an error in a date field (E1, not E3)", () => {
    const ev = run([validGoal({ due: "#VALUE!" })]);
    expectFinding(only(ev, "E1", "G-1"), { code: "E1", severity: "fail", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["#VALUE!"] });
    expectQuiet(ev, "E3");
  });

  test("fires for an error in an enumeration field (E1, not E4)", () => {
    const ev = run([validGoal({ direction: "#NAME?" })]);
    expectFinding(only(ev, "E1", "G-1"), { code: "E1", severity: "fail", goal: "G-1", field: "Direction", cell: "Goals!I2", mentions: ["#NAME?"] });
    expectQuiet(ev, "E4");
  });

  test("an error in Owner is E1, not a blank Owner (S2)", () => {
    const ev = run([validGoal({ owner: "#N/A" })]);
    expect(findingsOf(ev, "E1", "G-1")).toHaveLength(1);
    expectQuiet(ev, "S2");
  });

  test("fires for an error in a check-in's Value, naming the check-in cell", () => {
    const ev = run([validGoal({ actual: null })], { checkIns: [checkIn("G-1", "2026-05-31", "#DIV/0!")] });
    expectFinding(only(ev, "E1", "G-1"), { code: "E1", severity: "fail", goal: "G-1", field: "Value", cell: "CheckIns!C2", mentions: ["#DIV/0!"] });
  });

  test("quiet for text that merely starts with #", () => {
    expect(summary(run([validGoal({ comment: "#1 priority for HR" })]))).toEqual([]);
  });
});

describe("E2 a number field holds text that is not a number", () => {
  test("fires for Baseline 'forty', naming the text", () => {
    const ev = run([validGoal({ baseline: "forty" })]);
    expectFinding(only(ev, "E2", "G-1"), { code: "E2", severity: "fail", goal: "G-1", field: "Baseline", cell: "Goals!J2", mentions: ["forty"] });
    expectQuiet(ev, "M3"); // the Baseline is not blank; its own rule (E2) reports it
  });

  test("fires for Weight, Threshold, Stretch and Actual", () => {
    for (const [key, field, cell] of [
      ["weight", "Weight", "Goals!G2"],
      ["threshold", "Threshold", "Goals!K2"],
      ["stretch", "Stretch", "Goals!M2"],
      ["actual", "Actual", "Goals!N2"],
    ] as const) {
      const ev = run([validGoal({ [key]: "lots" })]);
      expectFinding(only(ev, "E2", "G-1"), { code: "E2", severity: "fail", goal: "G-1", field, cell, mentions: ["lots"] });
    }
  });

  test("fires for a check-in Value that is not a number", () => {
    const ev = run([validGoal({ actual: null })], { checkIns: [checkIn("G-1", "2026-05-31", "nearly there")] });
    expectFinding(only(ev, "E2", "G-1"), { code: "E2", severity: "fail", goal: "G-1", field: "Value", cell: "CheckIns!C2", mentions: ["nearly there"] });
  });

  test("quiet for number text: currency sign, ISO code, grouping, percent", () => {
    expect(summary(run([validGoal({ baseline: "$40", target: "60 USD", stretch: "70.0", weight: "100%", actual: "55" })]))).toEqual([]);
    expect(summary(run([validGoal({ baseline: "1,000", threshold: "1,200", target: "1,500", stretch: "1,800", actual: "1,100" })]))).toEqual([]);
  });
});

describe("E3 a date field holds something that is not a date", () => {
  test("fires for Due 'end of June', naming the text", () => {
    const ev = run([validGoal({ due: "end of June" })]);
    expectFinding(only(ev, "E3", "G-1"), { code: "E3", severity: "fail", goal: "G-1", field: "Due", cell: "Goals!P2", mentions: ["end of June"] });
    expectQuiet(ev, "T1"); // Due is not blank
  });

  test("fires for a Start in another format", () => {
    const ev = run([validGoal({ start: "01/13/2026" })]);
    expectFinding(only(ev, "E3", "G-1"), { code: "E3", severity: "fail", goal: "G-1", field: "Start", cell: "Goals!O2", mentions: ["01/13/2026"] });
  });

  test("fires for an impossible ISO date", () => {
    expect(findingsOf(run([validGoal({ due: "2026-02-30" })]), "E3", "G-1")).toHaveLength(1);
  });

  test("fires for a check-in Date that is not a date", () => {
    const ev = run([validGoal()], { checkIns: [checkIn("G-1", "last Friday", 50)] });
    expectFinding(only(ev, "E3", "G-1"), { code: "E3", severity: "fail", goal: "G-1", field: "Date", cell: "CheckIns!B2", mentions: ["last Friday"] });
  });

  test("quiet for an Excel serial and a Date object", () => {
    const serial = serialFromDay(day("2026-12-31"));
    expect(summary(run([validGoal({ due: serial, start: new Date(Date.UTC(2026, 0, 1)) })]))).toEqual([]);
  });
});

describe("E4 an enumeration field holds an unknown value", () => {
  test("fires for Direction 'sideways', naming it and the allowed values", () => {
    const ev = run([validGoal({ direction: "sideways" })]);
    expectFinding(only(ev, "E4", "G-1"), { code: "E4", severity: "fail", goal: "G-1", field: "Direction", cell: "Goals!I2", mentions: ["sideways", "Increase"] });
  });

  test("fires for Type, Level and Rollup", () => {
    for (const [key, value, field, cell] of [
      ["type", "Stretch goal", "Type", "Goals!C2"],
      ["level", "Division", "Level", "Goals!D2"],
      ["rollup", "average", "Rollup", "Goals!S2"],
    ] as const) {
      const ev = run([validGoal({ [key]: value })]);
      expectFinding(only(ev, "E4", "G-1"), { code: "E4", severity: "fail", goal: "G-1", field, cell, mentions: [value] });
    }
  });

  test("quiet for synonyms in any case", () => {
    expect(summary(run([validGoal({ direction: "Higher is better", type: "key result", level: "COMPANY", rollup: "weighted" })]))).toEqual([]);
    expectQuiet(run([validGoal({ direction: "↑" })]), "E4");
    expectQuiet(run([validGoal({ direction: "UP" })]), "E4");
    expectQuiet(run([validGoal({ direction: "lower is better", baseline: 40, threshold: 35, target: 30, stretch: 20, actual: 33 })]), "E4");
  });
});

describe("D1 the same ID appears more than once (every occurrence is reported)", () => {
  test("fires on all three occurrences, case-insensitively, each with its own cell", () => {
    const ev = run([validGoal({ id: "G-1" }), validGoal({ id: "g-1", owner: "Bo" }), validGoal({ id: "G-1", owner: "Cy" }), validGoal({ id: "G-4", owner: "Di" })]);
    const d1 = findingsOf(ev, "D1");
    expect(d1.map((f) => [f.goalIndex, f.cell])).toEqual([
      [0, "Goals!A2"],
      [1, "Goals!A3"],
      [2, "Goals!A4"],
    ]);
    expectFinding(d1[0], { code: "D1", severity: "fail", goal: "G-1", field: "ID", cell: "Goals!A2", mentions: ["G-1"] });
    expectFinding(d1[1], { code: "D1", severity: "fail", goal: "g-1", field: "ID", cell: "Goals!A3", mentions: ["g-1"] });
    expectFinding(d1[2], { code: "D1", severity: "fail", goal: "G-1", field: "ID", cell: "Goals!A4", mentions: ["G-1"] });
    expectQuiet(ev, "D1", "G-4");
  });

  test("quiet for similar but different IDs", () => {
    expectQuiet(run([validGoal({ id: "G-1" }), validGoal({ id: "G-10", owner: "Bo" })]), "D1");
  });

  test("quiet for two goals with blank IDs (that is D2)", () => {
    expectQuiet(run([validGoal({ id: null }), validGoal({ id: null, owner: "Bo", title: "Cut staff turnover rate" })]), "D1");
  });
});

describe("D2 ID blank", () => {
  test("fires for a blank ID; the goal is still scored", () => {
    const ev = run([validGoal({ id: null })]);
    expectFinding(only(ev, "D2", null), { code: "D2", severity: "fail", goal: null, field: "ID", cell: "Goals!A2", mentions: ["ID"] });
    expect(ev.goals[0].blocked).toBe(false);
    expect(ev.goals[0].score).toBeCloseTo(0.75, 9);
  });

  test("fires for an ID of only spaces", () => {
    expect(findingsOf(run([validGoal({ id: "   " })]), "D2")).toHaveLength(1);
  });

  test("quiet when the ID is set", () => {
    expectQuiet(run([validGoal({ id: "G-7" })]), "D2");
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
