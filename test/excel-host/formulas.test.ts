import { ExcelHost } from "../../src/excel-host";
import { pace, progress, rollup, score, status, tier, weighted, scorecard, smart } from "../../src/functions/functions";

function goals(): ExcelHost {
  const h = new ExcelHost({ today: () => new Date(2026, 2, 31) });
  h.registerFunctions({ progress, tier, score, pace, status, weighted, rollup, scorecard, smart });
  h.addSheet("Goals");
  h.setValues("Goals", "A1", [
    ["ID", "Parent ID", "Baseline", "Target", "Actual", "Score"],
    ["G-1", "", 0, 100, 50, "=GOAL.SCORE([@Actual],[@Target],[@Baseline])"],
    ["G-2", "G-1", 0, 10, 10, "=GOAL.SCORE(Goals[@Actual],Goals[@Target],Goals[@Baseline])"],
    ["G-3", "G-1", 100, 50, 75, "=GOAL.SCORE(E4,D4,C4)"],
  ]);
  h.addTable("Goals", "A1:F4", "Goals");
  return h;
}

describe("formulas", () => {
  test("GOAL functions with cell references, [@Col] and Table[@Col]", () => {
    const h = goals();
    expect(h.getValues("Goals", "F2:F4")).toEqual([[0.5], [1], [0.5]]);
    expect(h.getFormula("Goals", "F2")).toBe("=GOAL.SCORE([@Actual],[@Target],[@Baseline])");
  });

  test("values of formula cells are computed, formulas give the text (through the API too)", async () => {
    const h = goals();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Goals").getRange("F2:F3").load("values, formulas");
      await ctx.sync();
      expect(r.values).toEqual([[0.5], [1]]);
      expect(r.formulas[0][0]).toBe("=GOAL.SCORE([@Actual],[@Target],[@Baseline])");
    });
  });

  test("structured column references pass the data body as a 2-D array; results spill", () => {
    const h = goals();
    h.setCell("Goals", "H1", "=GOAL.WEIGHTED(Goals[Score])");
    expect(h.getValue("Goals", "H1")).toBeCloseTo(2 / 3);
    h.setCell("Goals", "H3", "=GOAL.ROLLUP(Goals[ID],Goals[Parent ID],Goals[Score])");
    expect(h.getValues("Goals", "H3:H5").map((r) => typeof r[0])).toEqual(["number", "number", "number"]);
    expect(h.getFormula("Goals", "H4")).toBe(h.getValue("Goals", "H4")); // a spilled cell has no formula of its own
  });

  test("operators over arrays work element by element, as Excel's dynamic arrays", () => {
    const h = goals();
    h.setCell("Goals", "H1", '=Goals[Parent ID]&""');
    expect(h.getValues("Goals", "H1:H3").map((r) => r[0])).toEqual(["", "G-1", "G-1"]);
    h.setCell("Goals", "I1", "=Goals[Target]*2");
    expect(h.getValues("Goals", "I1:I3").map((r) => r[0])).toEqual([200, 20, 100]);
    h.setCell("Goals", "J1", "=C2:D3+C2:C4"); // 2×2 + 3×1: the column repeats across, row 3 is outside the first
    expect(h.getValues("Goals", "J1:K3")).toEqual([
      [0, 100],
      [0, 10],
      ["#N/A", "#N/A"],
    ]);
    h.setCell("Goals", "L1", '=Goals[Parent ID]<>""');
    expect(h.getValues("Goals", "L1:L3").map((r) => r[0])).toEqual([false, true, true]);
  });

  test("FILTER keeps the rows whose include is TRUE; VSTACK stacks ranges", () => {
    const h = goals();
    h.setCell("Goals", "H1", '=FILTER(Goals[ID],Goals[Parent ID]<>"")');
    expect(h.getValues("Goals", "H1:H3").map((r) => r[0])).toEqual(["G-2", "G-3", ""]);
    h.setCell("Goals", "I1", "=FILTER(A2:B4,E2:E4>60)");
    expect(h.getValues("Goals", "I1:J2")).toEqual([
      ["G-3", "G-1"],
      ["", ""],
    ]);
    h.setCell("Goals", "K1", "=FILTER(C2:D2,C2:D2>0)"); // a one-row include picks columns
    expect(h.getValue("Goals", "K1")).toBe(100);
    h.setCell("Goals", "L1", '=FILTER(Goals[ID],Goals[ID]="none")');
    expect(h.getValue("Goals", "L1")).toBe("#CALC!");
    h.setCell("Goals", "L1", '=FILTER(Goals[ID],Goals[ID]="none","nothing")');
    expect(h.getValue("Goals", "L1")).toBe("nothing");
    h.setCell("Goals", "L1", "=FILTER(Goals[ID],C2:C3>0)");
    expect(h.getValue("Goals", "L1")).toBe("#VALUE!");
    h.setCell("Goals", "L1", "=FILTER(Goals[ID],Goals[ID])"); // text is no TRUE or FALSE
    expect(h.getValue("Goals", "L1")).toBe("#VALUE!");
    h.setCell("Goals", "M1", "=VSTACK(Goals[ID],A2:B2)");
    expect(h.getValues("Goals", "M1:N4")).toEqual([
      ["G-1", "#N/A"],
      ["G-2", "#N/A"],
      ["G-3", "#N/A"],
      ["G-1", ""],
    ]);
  });

  test("a spill into a non-empty cell gives #SPILL!, and clears when the cell is emptied", () => {
    const h = goals();
    h.setCell("Goals", "H4", "in the way");
    h.setCell("Goals", "H3", "=GOAL.ROLLUP(Goals[ID],Goals[Parent ID],Goals[Score])");
    expect(h.getValue("Goals", "H3")).toBe("#SPILL!");
    h.setCell("Goals", "H4", "");
    expect(h.getValue("Goals", "H3")).not.toBe("#SPILL!");
  });

  test("errors from functions show as their codes; empty args; TODAY and DATE as serials", () => {
    const h = goals();
    h.setCell("Goals", "J1", "=GOAL.SCORE(,100)");
    expect(h.getValue("Goals", "J1")).toBe("#N/A");
    h.setCell("Goals", "J2", "=GOAL.SCORE(90,100,50,,80)");
    expect(typeof h.getValue("Goals", "J2")).toBe("number");
    h.setCell("Goals", "J3", "=TODAY()");
    expect(h.getValue("Goals", "J3")).toBe(46112); // 2026-03-31
    h.setCell("Goals", "J4", "=DATE(2026,3,31)");
    expect(h.getValue("Goals", "J4")).toBe(46112);
    h.setCell("Goals", "J5", "=GOAL.PACE(DATE(2026,1,1),DATE(2026,12,31),DATE(2026,7,2))");
    expect(h.getValue("Goals", "J5")).toBeCloseTo(0.5, 1);
    h.setCell("Goals", "J6", '=VLOOKUP("x",A1:B2,2)');
    expect(h.getValue("Goals", "J6")).toBe("#NAME?");
    h.setCell("Goals", "J7", "=SUM(C2:E2)+1");
    expect(h.getValue("Goals", "J7")).toBe(151);
    h.setCell("Goals", "J8", "=Other!A1");
    expect(h.getValue("Goals", "J8")).toBe("#REF!");
  });

  test("1904 date system", () => {
    const h = new ExcelHost({ dateSystem: 1904 });
    h.setCell("Sheet1", "A1", "=DATE(2026,3,31)");
    expect(h.getValue("Sheet1", "A1")).toBe(46112 - 1462);
    h.setCell("Sheet1", "A2", "2026-03-31");
    expect(h.getValue("Sheet1", "A2")).toBe(46112 - 1462);
  });

  test("formulas recalculate after the cells they read change", async () => {
    const h = goals();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("E2").values = [[100]];
      const f = ctx.workbook.worksheets.getItem("Goals").getRange("F2").load("values");
      await ctx.sync();
      expect(f.values).toEqual([[1]]);
    });
  });
});

describe("writing cells: what Excel makes of input", () => {
  const cases: Array<[unknown, unknown, unknown]> = [
    // input, value read back, formula read back
    ['\'=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
    ["'+1", "+1", "+1"],
    ["'@SUM(A1)", "@SUM(A1)", "@SUM(A1)"],
    ["'45", "45", "45"],
    ["45", 45, 45],
    ["1,234.5", 1234.5, 1234.5],
    ["45%", 0.45, 0.45],
    ["+1", 1, 1],
    ["-1", -1, -1],
    ["TRUE", true, true],
    ["2026-03-31", 46112, 46112],
    ["plain text", "plain text", "plain text"],
    ["-", "-", "-"],
  ];
  test.each(cases)("values = %p", async (input, value, formula) => {
    const h = new ExcelHost();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[input]];
      await ctx.sync();
    });
    expect(h.getValue("Sheet1", "A1")).toEqual(value);
    expect(h.getFormula("Sheet1", "A1")).toEqual(formula);
  });

  test("=HYPERLINK(...), +A1 and @SUM(...) without the quote prefix become formulas", async () => {
    const h = new ExcelHost();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [['=HYPERLINK("http://x","y")', "+A2", "@SUM(A2)"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[3]];
      await ctx.sync();
    });
    expect(h.getFormulas("Sheet1", "A1:C1")).toEqual([['=HYPERLINK("http://x","y")', "=+A2", "=SUM(A2)"]]);
    expect(h.getValues("Sheet1", "A1:C1")).toEqual([["y", 3, 3]]);
  });

  test("percent and date input set a number format on General cells", () => {
    const h = new ExcelHost();
    h.setCell("Sheet1", "A1", "45%");
    h.setCell("Sheet1", "A2", "2026-03-31");
    expect(h.getNumberFormat("Sheet1", "A1")).toBe("0%");
    expect(h.getNumberFormat("Sheet1", "A2")).toBe("yyyy-mm-dd");
  });

  test("NaN and Infinity are refused", async () => {
    const h = new ExcelHost();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[NaN]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
