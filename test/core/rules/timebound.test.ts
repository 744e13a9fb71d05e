/**
 * T — Time-bound (smart.md, src/core/rules/timebound.ts): T1–T4.
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { AS_OF, day, expectFinding, expectQuiet, findingsOf, only, result, run, validGoal } from "./fixture";

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
