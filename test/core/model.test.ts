import { goalCell, parseParents, parseWorkbookInput, readGoal } from "../../src/core/model";
import { dayFromIso } from "../../src/core/dates";

describe("parseWorkbookInput (zod at the edge)", () => {
  test("accepts rows of cells and drops unknown keys", () => {
    const r = parseWorkbookInput({ goals: [{ values: { id: "G-1", target: 5, bogus: 1 }, cells: { id: "Goals!A2", bogus: "x" } }], dateSystem: 1904 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.goals[0].values).toEqual({ id: "G-1", target: 5 });
    expect(r.input.goals[0].cells).toEqual({ id: "Goals!A2" });
    expect(r.input.dateSystem).toBe(1904);
  });
  test("a wrong shape is a message naming where, not an exception", () => {
    const r = parseWorkbookInput({ goals: [{ values: "nope" }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/goals\.0\.values/);
    expect(parseWorkbookInput(null).ok).toBe(false);
    expect(parseWorkbookInput({ goals: [], dateSystem: 1901 }).ok).toBe(false);
  });
});

describe("Parent ID", () => {
  test("one ID, several with ; or , (equal shares), or with attribution shares", () => {
    expect(parseParents("G-1")).toEqual([{ id: "G-1", share: null, badShare: null }]);
    expect(parseParents("G-1; G-2, G-3").map((p) => p.id)).toEqual(["G-1", "G-2", "G-3"]);
    expect(parseParents("G-1=60%; G-2=0.4").map((p) => p.share)).toEqual([0.6, 0.4]);
  });
  test("a share above 1 without % is read as a percentage", () => expect(parseParents("G-1=60")[0].share).toBeCloseTo(0.6, 12));
  test("an unreadable share is kept as text (rule R5) with share 0", () =>
    expect(parseParents("G-1=lots")[0]).toEqual({ id: "G-1", share: 0, badShare: "lots" }));
  test("blank parts are ignored", () => expect(parseParents(" ; G-1 ;; ")).toHaveLength(1));
});

describe("readGoal", () => {
  test("reads every field through the cell reader and keeps rejected cells", () => {
    const g = readGoal(
      {
        values: { id: " G-1 ", title: "Ship it", direction: "↑", weight: "40%", due: 46022, start: "2026-01-01", actual: "#N/A", rollup: "sideways" },
        cells: { actual: "Goals!N2" },
      },
      0,
    );
    expect(g.id).toBe("G-1");
    expect(g.key).toBe("G-1");
    expect(g.directionGiven).toBe("Increase");
    expect(g.weight).toBeCloseTo(0.4, 12);
    expect(g.due).toBe(dayFromIso("2025-12-31"));
    expect(g.start).toBe(dayFromIso("2026-01-01"));
    expect(g.invalid.actual).toEqual({ code: "E1", text: "#N/A" });
    expect(g.invalid.rollup).toEqual({ code: "E4", text: "sideways" });
    expect(g.row.cells?.actual).toBe("Goals!N2");
    expect(goalCell(g, "actual")).toBe("Goals!N2");
  });
  test("the 1904 date system adds 1462 days", () => {
    const a = readGoal({ values: { due: 100 } }, 0, 1900).due as number;
    const b = readGoal({ values: { due: 100 } }, 0, 1904).due as number;
    expect(b - a).toBe(1462);
  });
});
