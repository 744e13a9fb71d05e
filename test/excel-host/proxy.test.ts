import { ExcelHost, HostError } from "../../src/excel-host";

async function rejects(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

function seeded(): ExcelHost {
  const host = new ExcelHost();
  host.addSheet("Goals");
  host.setValues("Goals", "A1", [
    ["ID", "Title", "Actual"],
    ["G-1", "Revenue", 40],
    ["G-2", "Churn", 5],
  ]);
  return host;
}

describe("proxy objects and sync", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Goals").getRange("A1:C3");
      expect(() => r.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method/);
      try {
        void r.address;
      } catch (e) {
        expect((e as HostError).code).toBe("PropertyNotLoaded");
      }
      r.load("values, address");
      expect(() => r.values).toThrow(/not available/); // loaded only after sync
      await ctx.sync();
      expect(r.values).toEqual([
        ["ID", "Title", "Actual"],
        ["G-1", "Revenue", 40],
        ["G-2", "Churn", 5],
      ]);
      expect(r.address).toBe("Goals!A1:C3");
      expect(() => r.formulas).toThrow(/'formulas' is not available/);
    });
  });

  test("load accepts arrays, {select}, and no argument (all scalars)", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      const a = s.getRange("A1").load(["values"]);
      const b = s.getRange("B1").load({ select: "formulas, rowIndex" });
      const c = s.getRange("C2").load();
      await ctx.sync();
      expect(a.values).toEqual([["ID"]]);
      expect(b.formulas).toEqual([["Title"]]);
      expect(b.rowIndex).toBe(0);
      expect(c.values).toEqual([[40]]);
      expect(c.columnCount).toBe(1);
      expect(() => b.values).toThrow(/not available/);
    });
  });

  test("a value set is read back as given (Office.js caches the setter input), not as Excel stores it", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Goals").getRange("D1");
      r.values = [["=1+1"]];
      expect(r.values).toEqual([["=1+1"]]); // the input, not 2
      expect(() => r.formulas).toThrow(/not available/);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  test("collections load items/name; items unreadable before sync", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      expect(() => sheets.items).toThrow(/'items' is not available/);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Goals"]);
      expect(() => sheets.items[0].visibility).toThrow(/not available/);
    });
  });

  test("ClientResult.value is readable only after sync", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(/sync/);
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound, not before", async () => {
    const host = seeded();
    const err = await rejects(
      host.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Nope"); // no throw here
        s.load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("getItemOrNullObject gives isNullObject after sync", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("goals");
      missing.load("name");
      there.load("name");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe("Goals");
      const t = ctx.workbook.tables.getItemOrNullObject("Goals").load("name");
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
    });
  });

  test("queued operations apply in order at sync", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Goals").getRange("E1");
      r.values = [["first"]];
      const before = r.load("values");
      expect(host.getValue("Goals", "E1")).toBe(""); // nothing applied yet
      r.values = [["second"]];
      const after = ctx.workbook.worksheets.getItem("Goals").getRange("E1").load("values");
      await ctx.sync();
      // The load ran between the two writes; its result overwrites the cached setter input.
      expect(before.values).toEqual([["first"]]);
      expect(after.values).toEqual([["second"]]);
      expect(host.getValue("Goals", "E1")).toBe("second");
    });
  });

  test("a load between two writes sees the first write", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      s.getRange("E1").values = [["first"]];
      const mid = s.getRange("E1").load("values");
      s.getRange("E1").values = [["second"]];
      await ctx.sync();
      expect(mid.values).toEqual([["first"]]);
    });
  });

  test("dimension mismatch fails at sync with InvalidArgument; a scalar fills the range", async () => {
    const host = seeded();
    const err = await rejects(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").getRange("A5:B6").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toBe("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    const err2 = await rejects(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").getRange("A5:B5").values = [["only one"]];
        await ctx.sync();
      }),
    );
    expect(err2.code).toBe("InvalidArgument");
    await host.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem("Goals").getRange("A5:B6") as unknown as { values: unknown }).values = 7;
      await ctx.sync();
    });
    expect(host.getValues("Goals", "A5:B6")).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test("null in a values array leaves the cell unchanged; '' clears it", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("A2:C2").values = [[null, "", 41]];
      await ctx.sync();
    });
    expect(host.getValues("Goals", "A2:C2")).toEqual([["G-1", "", 41]]);
  });

  test("Excel.run does a final sync of what is still queued, and must get a promise", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("F1").values = [["late"]];
    });
    expect(host.getValue("Goals", "F1")).toBe("late");
    await expect(host.run((() => undefined) as unknown as (ctx: Excel.RequestContext) => Promise<void>)).rejects.toThrow(/didn't return a promise/);
  });

  test("derived ranges: getCell, getOffsetRange, getResizedRange, getRow, getColumn, used range", async () => {
    const host = seeded();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      const base = s.getRange("B2:C3");
      const cell = base.getCell(1, 1).load("address");
      const off = base.getOffsetRange(1, 0).load("address");
      const big = base.getResizedRange(1, 2).load("address");
      const row = base.getRow(0).load("address");
      const col = base.getColumn(1).load("address, values");
      const used = s.getUsedRange().load("address");
      const idx = s.getRangeByIndexes(0, 0, 2, 2).load("address");
      const empty = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject().load("address");
      await ctx.sync();
      expect(cell.address).toBe("Goals!C3");
      expect(off.address).toBe("Goals!B3:C4");
      expect(big.address).toBe("Goals!B2:E4");
      expect(row.address).toBe("Goals!B2:C2");
      expect(col.address).toBe("Goals!C2:C3");
      expect(col.values).toEqual([[40], [5]]);
      expect(used.address).toBe("Goals!A1:C3");
      expect(idx.address).toBe("Goals!A1:B2");
      expect(empty.isNullObject).toBe(true);
    });
  });

  test("addresses of sheets with spaces are quoted", async () => {
    const host = new ExcelHost();
    host.addSheet("My Goals");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("My Goals").getRange("A1:B2").load("address");
      await ctx.sync();
      expect(r.address).toBe("'My Goals'!A1:B2");
    });
  });
});
