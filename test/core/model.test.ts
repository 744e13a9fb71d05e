import { CellReader, goalCell, goalFromRecord, goalValue, parseParents } from "../../src/core/model";
import { goalTable, workbookInput } from "../../src/core/tables";
import { dayFromIso } from "../../src/core/dates";

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

describe("reading a goal", () => {
  test("reads every field through the cell reader and keeps rejected cells", () => {
    const g = goalFromRecord({
      values: { id: " G-1 ", title: "Ship it", direction: "↑", weight: "40%", due: 46022, start: "2026-01-01", actual: "#N/A", rollup: "sideways" },
    });
    expect(g.id).toBe("G-1");
    expect(g.key).toBe("G-1");
    expect(g.directionGiven).toBe("Increase");
    expect(g.weight).toBeCloseTo(0.4, 12);
    expect(g.due).toBe(dayFromIso("2025-12-31"));
    expect(g.start).toBe(dayFromIso("2026-01-01"));
    expect(g.invalid.actual).toEqual({ code: "E1", text: "#N/A" });
    expect(g.invalid.rollup).toEqual({ code: "E4", text: "sideways" });
    // A record sits on sheet Goals, row 2, in canonical column order (ID in A … Actual in N).
    expect(goalCell(g, "id")).toBe("Goals!A2");
    expect(goalCell(g, "actual")).toBe("Goals!N2");
    expect(goalValue(g, "rollup")).toBe("sideways");
  });
  test("the 1904 date system adds 1462 days", () => {
    const a = goalFromRecord({ values: { due: 100 } }, 1900).due as number;
    const b = goalFromRecord({ values: { due: 100 } }, 1904).due as number;
    expect(b - a).toBe(1462);
  });
});

describe("reading a table", () => {
  const table = {
    name: "Goals_Sales",
    sheet: "Sales goals",
    headerRow: 3,
    firstColumn: 1,
    headers: ["Objective", "Goal ID", "Owner", "Target value"],
    rows: [
      ["Grow EMEA revenue", "S-1", "Ana", "lots"],
      ["", "", "", " "],
      ["Cut churn", "s-2", "Ben", 5],
    ],
  };
  test("blank rows hold no goal; each goal names its cells where the table has them", () => {
    const input = workbookInput([goalTable(table)], null);
    expect(input.goalCount).toBe(2);
    const reader = new CellReader();
    const [a, b] = [reader.goal(input, 0), reader.goal(input, 1)];
    expect([a.id, a.title, a.owner, a.target]).toEqual(["S-1", "Grow EMEA revenue", "Ana", null]);
    expect(a.invalid.target).toEqual({ code: "E2", text: "lots" });
    expect(goalCell(a, "target")).toBe("'Sales goals'!E4");
    expect(goalCell(b, "id")).toBe("'Sales goals'!C6");
    expect(b.key).toBe("S-2");
    // A field the table lacks: the row's first cell.
    expect(goalCell(b, "due")).toBe("'Sales goals'!B6");
  });
  test("a reader keeps no state from one input to the next", () => {
    const reader = new CellReader();
    const first = reader.goal(workbookInput([goalTable(table)], null), 0);
    const again = new CellReader().goal(workbookInput([goalTable(table)], null), 0);
    expect(first).toEqual(again);
    expect(reader.goal(workbookInput([goalTable(table)], null), 1).invalid).toEqual({});
  });
});
