/**
 * The SMART column (five characters: letter / `!` / `✗`) and the blocking list of
 * smart.md: a goal with a fail from E1–E4 in a scoring field, D1, W3, A1, R4, M1 or
 * M3 has no Score and no Rolled Up; every other goal is still scored (src/core/rules/blocking.ts).
 */
import { RuleCode } from "../../../src/core/findings";
import { GoalValues, childGoal, result, run, validGoal } from "./fixture";

/** Score of the fixture's valid goal: tier 0.5 + (55 − 50) / (60 − 50) × 0.5. */
const CLEAN_SCORE = 0.75;

describe("SMART column", () => {
  const smart = (values: GoalValues) => result(run([validGoal(values)]), (values.id as string | undefined) ?? "G-1").smart;

  test("all letters when nothing fired", () => {
    expect(smart({})).toBe("S M A R T");
  });

  test("'S M ! R ✗': Achievable warned (A2) and Time-bound failed (T1)", () => {
    expect(smart({ target: 100, stretch: 120, due: null })).toBe("S M ! R ✗");
  });

  test("a failure shows ✗ in its letter's place", () => {
    expect(smart({ title: "Grow" })).toBe("✗ M A R T");
    expect(smart({ target: 30, threshold: null, stretch: null })).toBe("S M ✗ R T");
  });

  test("a warning shows ! in its letter's place", () => {
    expect(smart({ unit: null })).toBe("S ! A R T");
    expect(smart({ level: "Team" })).toBe("S M A ! T");
  });

  test("the worst severity of a letter wins (M2 warn + M1 fail → ✗)", () => {
    expect(smart({ unit: null, target: null })).toBe("S ✗ A R T");
  });

  test("M3 shows ✗ for Decrease and ! for Increase", () => {
    expect(smart({ direction: "Decrease", baseline: null, threshold: 35, target: 30, stretch: 20 })).toBe("S ✗ A R T");
    expect(smart({ baseline: null })).toBe("S ! A R T");
  });

  test("data rules do not show in the SMART column", () => {
    expect(smart({ comment: "#N/A" })).toBe("S M A R T");
    expect(smart({ type: "Stretch goal" })).toBe("S M A R T");
    expect(result(run([validGoal({ id: null })]), null).smart).toBe("S M A R T");
  });

  test("every goal's SMART value is five characters separated by spaces", () => {
    const ev = run([
      validGoal({ id: "G-1", title: "Grow", owner: null }),
      validGoal({ id: "G-2", unit: null, target: 100, stretch: 120, parent: "G-404", due: null }),
      validGoal({ id: "G-3", owner: "Bo", direction: "Decrease", baseline: null, level: "Team" }),
    ]);
    for (const g of ev.goals) expect(g.smart).toMatch(/^[S!✗] [M!✗] [A!✗] [R!✗] [T!✗]$/);
    expect(result(ev, "G-2").smart).toBe("S ! ! ✗ ✗");
  });
});

describe("blocking", () => {
  /** The changed goal G-1 beside a clean goal G-2 of another owner. */
  const pairWith = (values: GoalValues) => run([validGoal({ id: "G-1", ...values }), validGoal({ id: "G-2", owner: "Bo" })]);

  const expectBlocked = (values: GoalValues, code: RuleCode) => {
    const ev = pairWith(values);
    const g = ev.goals[0];
    expect(g.findings).toContain(code);
    expect({ blocked: g.blocked, score: g.score, rolledUp: g.rolledUp }).toEqual({ blocked: true, score: null, rolledUp: null });
    expect(g.error).not.toBeNull();
    const other = result(ev, "G-2");
    expect(other.blocked).toBe(false);
    expect(other.score).toBeCloseTo(CLEAN_SCORE, 9);
    expect(other.rolledUp).toBeCloseTo(CLEAN_SCORE, 9);
  };

  const expectScored = (values: GoalValues, code: RuleCode) => {
    const ev = pairWith(values);
    const g = ev.goals[0];
    expect(g.findings).toContain(code);
    expect(g.blocked).toBe(false);
    expect(g.error).toBeNull();
    expect(g.score).not.toBeNull();
    expect(g.rolledUp).not.toBeNull();
  };

  describe("E1 in each field that scoring uses blocks", () => {
    test.each(["weight", "direction", "baseline", "threshold", "target", "stretch", "actual", "start", "due", "rollup"])("%s", (key) => {
      expectBlocked({ [key]: "#N/A" }, "E1");
    });
  });

  test.each<[string, GoalValues, RuleCode]>([
    ["E2 in Target", { target: "sixty" }, "E2"],
    ["E2 in Actual", { actual: "fifty-five" }, "E2"],
    ["E2 in Weight", { weight: "heavy" }, "E2"],
    ["E2 in Baseline", { baseline: "forty" }, "E2"],
    ["E3 in Due", { due: "soon" }, "E3"],
    ["E3 in Start", { start: "January" }, "E3"],
    ["E4 in Direction", { direction: "sideways" }, "E4"],
    ["E4 in Rollup", { rollup: "average" }, "E4"],
    ["W3", { weight: -1 }, "W3"],
    ["A1 (Target below Baseline)", { target: 30, threshold: null, stretch: null }, "A1"],
    ["A1 (Threshold ≥ Target)", { threshold: 60 }, "A1"],
    ["A1 (Stretch ≤ Target)", { stretch: 60 }, "A1"],
    ["R4 (own parent)", { parent: "G-1" }, "R4"],
    ["M1 (Target blank)", { target: null }, "M1"],
    ["M3 fail (Decrease without Baseline)", { direction: "Decrease", baseline: null, threshold: 35, target: 30, stretch: 20, actual: 33 }, "M3"],
  ])("%s blocks the goal; the other goal is still scored", (_name, values, code) => {
    expectBlocked(values, code);
  });

  test("D1 blocks every occurrence; the goal with a unique ID is still scored", () => {
    const ev = run([validGoal({ id: "G-1" }), validGoal({ id: "G-1", owner: "Bo" }), validGoal({ id: "G-3", owner: "Cy" })]);
    for (const g of ev.goals.slice(0, 2))
      expect({ blocked: g.blocked, score: g.score, rolledUp: g.rolledUp }).toEqual({ blocked: true, score: null, rolledUp: null });
    expect(ev.goals[2].blocked).toBe(false);
    expect(ev.goals[2].score).toBeCloseTo(CLEAN_SCORE, 9);
  });

  test("R4 blocks both goals of a cycle; a goal outside it is still scored", () => {
    const ev = run([childGoal("G-1", "G-2"), childGoal("G-2", "G-1"), validGoal({ id: "G-3", owner: "Cy" })]);
    for (const id of ["G-1", "G-2"]) expect(result(ev, id)).toMatchObject({ blocked: true, score: null, rolledUp: null });
    expect(result(ev, "G-3").score).toBeCloseTo(CLEAN_SCORE, 9);
  });

  test("a blocked child counts as no data for its parent", () => {
    const ev = run([validGoal({ id: "G-1" }), childGoal("G-2", "G-1", { weight: -1 }), childGoal("G-3", "G-1", { threshold: null, actual: 50 })]);
    expect(result(ev, "G-2").blocked).toBe(true);
    expect(result(ev, "G-1").rolledUp).toBeCloseTo(0.5, 9);
  });

  test.each<[string, GoalValues, RuleCode]>([
    ["S1 fail", { title: "Grow" }, "S1"],
    ["S2 fail", { owner: null }, "S2"],
    ["R1 fail", { level: "Department", parent: "G-99" }, "R1"],
    ["T1 fail", { due: null }, "T1"],
    ["T2 fail", { start: "2026-12-31", due: "2026-12-01" }, "T2"],
    ["E1 in Comment", { comment: "#N/A" }, "E1"],
    ["E1 in Unit", { unit: "#REF!" }, "E1"],
    ["E1 in Title", { title: "#N/A" }, "E1"],
    ["E1 in Data Source", { source: "#REF!" }, "E1"],
    ["E4 in Level", { level: "Division" }, "E4"],
    ["E4 in Type", { type: "Stretch goal" }, "E4"],
    ["M3 warn (Increase without Baseline)", { baseline: null }, "M3"],
    ["M2 warn", { unit: null }, "M2"],
    ["A2 warn", { target: 100, stretch: 120 }, "A2"],
    ["R2 warn", { level: "Team" }, "R2"],
    ["T3 warn", { cycle: "2026-H1" }, "T3"],
  ])("%s does not block", (_name, values, code) => {
    expectScored(values, code);
  });

  test("R5 fail does not block", () => {
    const ev = run([validGoal({ id: "G-1" }), validGoal({ id: "G-2", owner: "Bo" }), childGoal("G-3", "G-1=60%; G-2=30%")]);
    const g = result(ev, "G-3");
    expect(g.findings).toContain("R5");
    expect(g.blocked).toBe(false);
    expect(g.score).toBeCloseTo(CLEAN_SCORE, 9);
  });

  test("D2 fail does not block (the goal is scored)", () => {
    const ev = run([validGoal({ id: null })]);
    expect(ev.goals[0].findings).toContain("D2");
    expect(ev.goals[0].blocked).toBe(false);
    expect(ev.goals[0].score).toBeCloseTo(CLEAN_SCORE, 9);
  });
});
