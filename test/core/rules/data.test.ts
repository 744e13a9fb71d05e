/**
 * Data rules (smart.md, src/core/rules/data.ts): E1–E4, D1, D2.
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { serialFromDay } from "../../../src/core/dates";
import { checkIn, day, expectFinding, expectQuiet, findingsOf, only, run, summary, validGoal } from "./fixture";

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
  test("a check-in's own cell: on the CheckIns table, marked as a check-in's finding; a goal's is not", () => {
    const ev = run([validGoal({ baseline: "forty" })], { checkIns: [checkIn("G-1", "2026-05-01", "lots")] });
    const [onCheckIn] = ev.findings.filter((f) => f.code === "E2" && f.field === "Value");
    expect(onCheckIn).toMatchObject({ goal: "G-1", cell: "CheckIns!C2", checkIn: true });
    expect(ev.findings.find((f) => f.code === "E2" && f.field === "Baseline")?.checkIn).toBeUndefined();
  });

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
    expectFinding(only(ev, "E4", "G-1"), {
      code: "E4",
      severity: "fail",
      goal: "G-1",
      field: "Direction",
      cell: "Goals!I2",
      mentions: ["sideways", "Increase"],
    });
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
    const ev = run([
      validGoal({ id: "G-1" }),
      validGoal({ id: "g-1", owner: "Bo" }),
      validGoal({ id: "G-1", owner: "Cy" }),
      validGoal({ id: "G-4", owner: "Di" }),
    ]);
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
