/** Spill ranges (ExcelApi 1.12) and chart sources: a chart keeps its fixed range until setData. */
import { ExcelHost, HostError } from "../../src/excel-host";

function host(): ExcelHost {
  const h = new ExcelHost();
  h.addSheet("S");
  h.registerFunctions({ GRID: (n: number) => Array.from({ length: n }, (_, i) => [`r${i}`, i]) });
  h.setValues("S", "A1", [["Name", "Value"]]);
  h.setCell("S", "D1", 3);
  h.setCell("S", "A2", "=GRID(D1)");
  return h;
}

async function rejects(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

describe("getSpillingToRange", () => {
  test("the anchor's spill, anchor included; it follows the formula's result", async () => {
    const h = host();
    const spill = async (): Promise<string> =>
      h.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A2").getSpillingToRange();
        r.load("address");
        await ctx.sync();
        return r.address;
      });
    expect(await spill()).toBe("S!A2:B4");
    h.setCell("S", "D1", 5);
    expect(await spill()).toBe("S!A2:B6");
  });

  test("a cell that does not spill: ItemNotFound, or a null object; more than one cell: InvalidArgument", async () => {
    const h = host();
    const e = await rejects(
      h.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1").getSpillingToRange();
        r.load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    const isNull = await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const plain = s.getRange("A1").getSpillingToRangeOrNullObject();
      const child = s.getRange("B3").getSpillingToRangeOrNullObject(); // a spilled cell, not the anchor
      plain.load("address");
      child.load("address");
      await ctx.sync();
      return [plain.isNullObject, child.isNullObject];
    });
    expect(isNull).toEqual([true, true]);
    h.setCell("S", "A4", "in the way");
    const blocked = await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A2").getSpillingToRangeOrNullObject();
      r.load("address");
      await ctx.sync();
      return r.isNullObject;
    });
    expect(blocked).toBe(true); // #SPILL!: nothing spilled
    const wide = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A2:A3").getSpillingToRange().load("address");
        await ctx.sync();
      }),
    );
    expect(wide.code).toBe("InvalidArgument");
  });
});

describe("chart sources", () => {
  async function withChart(h: ExcelHost): Promise<void> {
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const c = s.charts.add("ColumnClustered", s.getRange("A1:B4"), "Columns");
      c.name = "Scores";
      await ctx.sync();
    });
  }

  test("a chart's source is a fixed range: it does not grow with the spill; setData moves it", async () => {
    const h = host();
    await withChart(h);
    h.setCell("S", "D1", 6);
    expect(h.sheet("S")?.charts[0]).toMatchObject({ name: "Scores", source: "S!A1:B4", seriesBy: "Columns" });
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      s.charts.getItem("scores").setData(s.getRange("A1:B7"), "Rows");
      await ctx.sync();
    });
    expect(h.sheet("S")?.charts[0]).toMatchObject({ source: "S!A1:B7", seriesBy: "Rows" });
  });

  test("getItem of a missing chart fails, getItemOrNullObject gives a null object; setData needs allowEditObjects", async () => {
    const h = host();
    await withChart(h);
    const missing = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").charts.getItem("Other").load("name");
        await ctx.sync();
      }),
    );
    expect(missing.code).toBe("ItemNotFound");
    const isNull = await h.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("S").charts.getItemOrNullObject("Other");
      c.load("name");
      await ctx.sync();
      return c.isNullObject;
    });
    expect(isNull).toBe(true);
    const bad = await rejects(
      h.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("S");
        s.charts.getItem("Scores").setData(s.getRange("A1:B7"), "Diagonal" as Excel.ChartSeriesBy);
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    h.sheet("S")?.protect();
    const locked = await rejects(
      h.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("S");
        s.charts.getItem("Scores").setData(s.getRange("A1:B7"));
        await ctx.sync();
      }),
    );
    expect(locked.code).toBe("AccessDenied");
    h.sheet("S")?.unprotect();
    h.sheet("S")?.protect({ allowEditObjects: true });
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      s.charts.getItem("Scores").setData(s.getRange("A1:B7"));
      await ctx.sync();
    });
    expect(h.sheet("S")?.charts[0].source).toBe("S!A1:B7");
  });
});
