/**
 * S — Specific (smart.md, src/core/rules/specific.ts): S1–S3.
 * For each rule, a case that fires it and near misses where it stays quiet; every case
 * starts from the one valid goal of the fixture and changes one thing.
 */
import { expectFinding, expectQuiet, findingsOf, only, run, validGoal } from "./fixture";

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
    expectFinding(only(ev, "S3", "G-2"), {
      code: "S3",
      severity: "warn",
      goal: "G-2",
      field: "Title",
      cell: "Goals!B3",
      mentions: ["RAISE   engagement Score"],
    });
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
