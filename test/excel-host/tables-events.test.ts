import { ExcelHost, HostChangeEvent, HostError } from "../../src/excel-host";

async function rejects(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function withSheet(): ExcelHost {
  const h = new ExcelHost();
  h.addSheet("Goals");
  h.setValues("Goals", "A1", [
    ["ID", "Title", "Actual"],
    ["G-1", "Revenue", 40],
  ]);
  return h;
}

describe("tables", () => {
  test("add creates Table1, rename (unique, case-insensitive, valid), header and body ranges", async () => {
    const h = withSheet();
    await h.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Goals").tables.add("A1:C2", true);
      t.load("name");
      await ctx.sync();
      expect(t.name).toBe("Table1");
      t.name = "Goals";
      const header = t.getHeaderRowRange().load("values, address");
      const body = t.getDataBodyRange().load("address");
      const cols = t.columns.load("items/name");
      await ctx.sync();
      expect(header.values).toEqual([["ID", "Title", "Actual"]]);
      expect(header.address).toBe("Goals!A1:C1");
      expect(body.address).toBe("Goals!A2:C2");
      expect(cols.items.map((c) => c.name)).toEqual(["ID", "Title", "Actual"]);
    });
    expect(h.tableNames()).toEqual(["Goals"]);
    h.setValues("Goals", "E1", [["X"], [1]]);
    for (const bad of ["goals", "A1", "has space", "1st"]) {
      const err = await rejects(
        h.run(async (ctx) => {
          const t = ctx.workbook.worksheets.getItem("Goals").tables.add("E1:E2", true);
          t.name = bad;
          await ctx.sync();
        }),
      );
      expect(["ItemAlreadyExists", "InvalidArgument"]).toContain(err.code);
      expect(h.tableNames()).toEqual(["Goals"]); // the add in the same sync was rolled back
    }
  });

  test("getItem of a missing table fails at sync with ItemNotFound", async () => {
    const h = withSheet();
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.tables.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("rows.add appends and grows the table, shifting cells below; count and columns.add", async () => {
    const h = withSheet();
    h.setCell("Goals", "A5", "below");
    h.addTable("Goals", "A1:C2", "Goals");
    await h.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Goals");
      t.rows.add(undefined, [
        ["G-2", "Churn", 5],
        ["G-3", "NPS", 30],
      ]);
      const count = t.rows.load("count");
      const range = t.getRange().load("address");
      await ctx.sync();
      expect(count.count).toBe(3);
      expect(range.address).toBe("Goals!A1:C4");
      t.columns.add(undefined, [["Score"], [1], [2], [3]]);
      t.columns.add(undefined, undefined, "Status");
      const col = t.columns.getItem("Score").getDataBodyRange().load("values");
      const missing = t.columns.getItemOrNullObject("Nope").load("name");
      await ctx.sync();
      expect(col.values).toEqual([[1], [2], [3]]);
      expect(missing.isNullObject).toBe(true);
    });
    expect(h.getValue("Goals", "A7")).toBe("below"); // moved down by the two inserted rows
    expect(h.table("Goals")).toMatchObject({ address: "Goals!A1:E4", columns: ["ID", "Title", "Actual", "Score", "Status"], rowCount: 3 });
  });

  test("rows.add with the wrong width fails; a table made from a header row has one empty data row", async () => {
    const h = new ExcelHost();
    h.addSheet("Meta");
    h.setValues("Meta", "A1", [["Key", "Value"]]);
    h.addTable("Meta", "A1:B1", "GoalMeta");
    expect(h.table("GoalMeta")?.rowCount).toBe(1);
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.tables.getItem("GoalMeta").rows.add(undefined, [["only one"]]);
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    await h.run(async (ctx) => {
      ctx.workbook.tables.getItem("GoalMeta").rows.add(undefined, [["schema", 1]]);
      await ctx.sync();
    });
    // Like Excel: the empty first row stays; the new row is appended after it.
    expect(h.getValues("Meta", "A2:B3")).toEqual([
      ["", ""],
      ["schema", 1],
    ]);
  });

  test("duplicate and blank headers become unique names, as in Excel", async () => {
    const h = new ExcelHost();
    h.addSheet("S");
    h.setValues("S", "A1", [["Name", "name", ""]]);
    expect(h.addTable("S", "A1:C3").columns).toEqual(["Name", "name2", "Column3"]);
  });

  test("tables cannot overlap and cannot be added on a protected sheet", async () => {
    const h = withSheet();
    h.addTable("Goals", "A1:C2", "Goals");
    const overlap = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").tables.add("B2:D4", true);
        await ctx.sync();
      }),
    );
    expect(overlap.code).toBe("InvalidArgument");
    h.sheet("Goals")?.protect();
    const prot = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.tables.getItem("Goals").rows.add(undefined, [["G-9", "x", 1]]);
        await ctx.sync();
      }),
    );
    expect(prot.code).toBe("AccessDenied");
  });

  test("typing right below a table extends it (AutoExpansion)", () => {
    const h = withSheet();
    h.addTable("Goals", "A1:C2", "Goals");
    h.setCell("Goals", "A3", "G-2");
    expect(h.table("Goals")?.address).toBe("Goals!A1:C3");
  });

  test("on a protected sheet a table does not grow, even when the cells below are unlocked", async () => {
    const h = withSheet();
    h.addTable("Goals", "A1:C2", "Goals");
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Goals");
      ws.getRange("A2:C10").format.protection.locked = false;
      ws.protection.protect();
      await ctx.sync();
    });
    h.setCell("Goals", "A3", "G-2");
    expect([h.table("Goals")?.address, h.getValue("Goals", "A3")]).toEqual(["Goals!A1:C2", "G-2"]);
    h.sheet("Goals")?.unprotect();
    h.setCell("Goals", "A4", "G-3"); // not right below the table (A3 is outside it)
    expect(h.table("Goals")?.address).toBe("Goals!A1:C2");
  });
});

describe("events", () => {
  test("worksheet and table onChanged fire asynchronously for user edits", async () => {
    const h = withSheet();
    h.addTable("Goals", "A1:C2", "Goals");
    const sheetEvents: HostChangeEvent[] = [];
    const tableEvents: HostChangeEvent[] = [];
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      handler = s.onChanged.add(async (e) => void sheetEvents.push(e as unknown as HostChangeEvent));
      ctx.workbook.tables.getItem("Goals").onChanged.add(async (e) => void tableEvents.push(e as unknown as HostChangeEvent));
      await ctx.sync();
    });
    h.setCell("Goals", "C2", 42);
    expect(sheetEvents).toHaveLength(0); // not synchronous
    await tick();
    const id = h.sheet("Goals")?.id;
    expect(sheetEvents).toEqual([
      expect.objectContaining({
        address: "C2",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
        worksheetId: id,
        details: { valueBefore: 40, valueAfter: 42 },
      }),
    ]);
    expect(tableEvents).toEqual([expect.objectContaining({ address: "C2", tableId: h.table("Goals")?.id, type: "TableChanged" })]);
    h.setCell("Goals", "F9", "outside");
    await tick();
    expect(sheetEvents).toHaveLength(2);
    expect(tableEvents).toHaveLength(1);
    // Office.js: an event handler is removed with the context that added it.
    const added = handler as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    await h.run(added, async (ctx) => {
      added.remove();
      await ctx.sync();
    });
    h.setCell("Goals", "F9", "again");
    await tick();
    expect(sheetEvents).toHaveLength(2);
  });

  test("removing a handler in a new context removes nothing: only its own context does", async () => {
    const h = withSheet();
    let fired = 0;
    let added: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await h.run(async (ctx) => {
      added = ctx.workbook.worksheets.getItem("Goals").onChanged.add(async () => void fired++);
      await ctx.sync();
    });
    const result = added as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    await h.run(async (ctx) => {
      result.remove(); // queued on the context that added it, which this sync does not send
      await ctx.sync();
    });
    h.setCell("Goals", "B2", 1);
    await tick();
    expect(fired).toBe(1);
    await h.run(result, async (ctx) => {
      result.remove();
      await ctx.sync();
    });
    h.setCell("Goals", "B2", 2);
    await tick();
    expect(fired).toBe(1);
  });

  test("the add-in's own writes fire too (triggerSource ThisLocalAddin) unless runtime.enableEvents is false", async () => {
    const h = withSheet();
    const events: HostChangeEvent[] = [];
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").onChanged.add(async (e) => void events.push(e as unknown as HostChangeEvent));
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Goals").getRange("B2").values = [["api"]];
      await ctx.sync();
    });
    await tick();
    expect(events).toEqual([expect.objectContaining({ address: "B2", triggerSource: "ThisLocalAddin" })]);
    await h.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Goals").getRange("B2").values = [["quiet"]];
      await ctx.sync();
    });
    h.setCell("Goals", "B2", "user, also quiet");
    await tick();
    expect(events).toHaveLength(1);
  });

  test("events of a failed sync do not fire", async () => {
    const h = withSheet();
    const events: unknown[] = [];
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").onChanged.add(async (e) => void events.push(e));
      await ctx.sync();
    });
    h.failSync(1);
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").getRange("B2").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    await tick();
    expect(events).toHaveLength(0);
  });
});
