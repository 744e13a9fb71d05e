/**
 * The fixture's valid goal gives no findings (the baseline every rule test starts from), and
 * each finding names its own row's cell (rules/finding.ts).
 */
import { cellOf, childGoal, only, result, run, summary, validGoal } from "./fixture";

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

describe("finding cells", () => {
  test("each finding names the cell of its own row", () => {
    const ev = run([validGoal(), childGoal("G-2", "G-1", { title: "Grow sales" })]);
    expect(only(ev, "S1", "G-2").cell).toBe(cellOf(1, "title"));
  });
});
