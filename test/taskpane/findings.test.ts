import { Evaluation, evaluate } from "../../src/core/engine";

import { ALL_FINDINGS, LETTER_OPTIONS, NO_OWNER, goalLabel, groupFindings, ownerOptions, summarize, summaryLine } from "../../src/taskpane/logic/findings";
import { AS_OF, convertedMessy } from "./support";
import { workbookFromRecords, GoalRecord } from "../../src/core/tables";

function goal(values: GoalRecord["values"], row: number): GoalRecord {
  return { values, where: `Goals!A${row}` };
}

function small(): Evaluation {
  return evaluate(
    workbookFromRecords({
      goals: [
        goal(
          {
            id: "G-1",
            title: "Grow revenue in the north",
            owner: "Dana",
            target: 100,
            baseline: 50,
            unit: "USD",
            due: "2026-12-31",
            source: "CRM",
            level: "Company",
          },
          2,
        ),
        goal({ id: "G-2", title: "Hire", owner: "", due: "2026-12-31", level: "Company" }, 3),
        goal(
          {
            id: "G-3",
            title: "Cut churn in the south",
            owner: "sam",
            target: 5,
            baseline: 10,
            unit: "%",
            source: "Desk",
            parent: "G-1",
            level: "Team",
            due: "2026-12-31",
          },
          4,
        ),
      ],
      checkIns: [{ values: { goalId: "NOPE", date: "2026-01-01", value: "lots" } }],
    }),
    { asOf: AS_OF },
  );
}

describe("grouping findings by goal", () => {
  test("every finding appears once, under its goal; goals with failures first, in sheet order within each rank", () => {
    const ev = small();
    const groups = groupFindings(ev);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(ev.findings.length);
    const rank = (g: (typeof groups)[number]) => (g.blocking > 0 ? 0 : g.fails > 0 ? 1 : 2);
    const key = (g: (typeof groups)[number]) => [rank(g), g.goalIndex < 0 ? Infinity : g.goalIndex];
    const keys = groups.map(key);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const loose = groups.find((g) => g.goalIndex === -1);
    expect(loose && goalLabel(loose)).toMatch(/not in the workbook/);
    for (const g of groups) if (g.goalIndex >= 0) for (const f of g.findings) expect(f.goalIndex).toBe(g.goalIndex);
  });

  test("failures come before warnings within a goal, and counts match", () => {
    for (const g of groupFindings(small())) {
      const sev = g.findings.map((f) => f.severity);
      expect(sev).toEqual([...sev].sort((a, b) => (a === b ? 0 : a === "fail" ? -1 : 1)));
      expect(g.fails + g.warns).toBe(g.findings.length);
    }
  });

  test("filters: severity, letter, data rules, owner (and goals without owner)", () => {
    const ev = small();
    const fails = groupFindings(ev, { ...ALL_FINDINGS, severity: "fail" }).flatMap((g) => g.findings);
    expect(fails.length).toBeGreaterThan(0);
    expect(fails.every((f) => f.severity === "fail")).toBe(true);
    const s = groupFindings(ev, { ...ALL_FINDINGS, letter: "S" }).flatMap((g) => g.findings);
    expect(s.map((f) => f.code).every((c) => c.startsWith("S"))).toBe(true);
    expect(s.some((f) => f.code === "S2")).toBe(true);
    const data = groupFindings(ev, { ...ALL_FINDINGS, letter: "data" }).flatMap((g) => g.findings);
    expect(data.every((f) => /^[EDWU]/.test(f.code))).toBe(true);
    expect(data.some((f) => f.code === "E2")).toBe(true);
    const dana = groupFindings(ev, { ...ALL_FINDINGS, owner: "Dana" });
    expect(dana.map((g) => g.id)).toEqual(dana.length > 0 ? ["G-1"] : []);
    const nobody = groupFindings(ev, { ...ALL_FINDINGS, owner: NO_OWNER });
    expect(nobody.map((g) => g.id)).toEqual(["G-2"]);
    // An owner filter leaves out check-in findings that belong to no goal.
    expect(nobody.some((g) => g.goalIndex < 0)).toBe(false);
  });

  test("summary line and owner options", () => {
    const ev = small();
    const s = summarize(ev);
    expect(s.goals).toBe(3);
    expect(s.fails + s.warnings).toBe(ev.findings.length);
    expect(summaryLine({ goals: 1, fails: 0, warnings: 2, goalsFailing: 0 })).toBe("1 goal · 0 failures · 2 warnings");
    expect(ownerOptions(ev)).toEqual([
      { value: "Dana", label: "Dana" },
      { value: "sam", label: "sam" },
      { value: NO_OWNER, label: NO_OWNER },
    ]);
    expect(LETTER_OPTIONS.map((o) => o.value)).toEqual(["all", "S", "M", "A", "R", "T", "data"]);
  });

  test("the converted messy sheet: counts, and every finding with a cell names a cell of the goal sheet", async () => {
    const { report } = await convertedMessy();
    const ev = report.evaluation;
    const s = summarize(ev);
    expect(s.goals).toBe(5);
    expect(s.fails).toBeGreaterThan(0);
    for (const g of groupFindings(ev)) for (const f of g.findings) if (f.cell) expect(f.cell).toMatch(/^'Goals sheet'!\$?[A-Z]+\d+$/);
  });
});
