/**
 * R — Relevant (smart.md, src/core/rules/relevant.ts): R1–R5.
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { childGoal, expectFinding, expectQuiet, findingsOf, only, result, run, validGoal } from "./fixture";

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
