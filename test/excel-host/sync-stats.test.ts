import { ExcelHost, HostError, installGlobals } from "../../src/excel-host";

async function rejects(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

/** What an adapter operation looks like: load everything in one sync, compute, write in bulk, one sync. */
async function refreshScores(ctx: Excel.RequestContext): Promise<void> {
  const table = ctx.workbook.tables.getItem("Goals");
  const body = table.getDataBodyRange().load("values");
  const header = table.getHeaderRowRange().load("values");
  await ctx.sync();
  const cols = header.values[0] as string[];
  const actual = cols.indexOf("Actual");
  const target = cols.indexOf("Target");
  const scoreCol = table.columns.getItem("Score").getDataBodyRange();
  scoreCol.values = body.values.map((row) => [Number(row[actual]) / Number(row[target])]);
  ctx.application.suspendApiCalculationUntilNextSync();
  await ctx.sync();
}

function goals(n: number): ExcelHost {
  const h = new ExcelHost();
  h.addSheet("Goals");
  const rows: Array<Array<string | number>> = [["ID", "Actual", "Target", "Score"]];
  for (let i = 1; i <= n; i++) rows.push([`G-${i}`, i, 2 * i, ""]);
  h.setValues("Goals", "A1", rows);
  h.addTable("Goals", `A1:D${n + 1}`, "Goals");
  return h;
}

describe("syncs, payload and failures", () => {
  test("a realistic adapter batch counts exactly 2 syncs, whatever the row count", async () => {
    for (const n of [3, 2000]) {
      const h = goals(n);
      await h.run(refreshScores);
      expect(h.stats.syncs).toBe(2);
      expect(h.stats.suspendApiCalculation).toBe(1);
      expect(h.getValue("Goals", "D2")).toBe(0.5);
    }
  });

  test("request sizes are counted per sync; values dominate; a context's first sync sends a request, later empty ones none", async () => {
    const h = goals(1000);
    await h.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    // Microsoft's client instantiates the root object on a context's first sync, even an empty one.
    expect(h.stats.syncs).toBe(1);
    h.stats.reset();
    await h.run(refreshScores);
    const [load, write] = h.stats.requests;
    // The number of RichApi actions does not grow with the rows: values travel as arrays.
    const small = goals(10);
    await small.run(refreshScores);
    expect(load.ops).toBe(small.stats.requests[0].ops);
    expect(load.responseBytes).toBeGreaterThan(10_000);
    expect(write.bytes).toBeGreaterThan(5_000);
    expect(h.stats.maxRequestBytes).toBe(Math.max(load.bytes, write.bytes));
    h.stats.reset();
    expect(h.stats.syncs).toBe(0);
    expect(h.stats.requests).toEqual([]);
  });

  test("a request over payloadLimitBytes fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const h = new ExcelHost({ payloadLimitBytes: 50_000 });
    const big = Array.from({ length: 5000 }, (_, i) => [`row ${i} with some text`]);
    const err = await rejects(
      h.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("B1").values = [["small"]];
        s.getRange("A1:A5000").values = big;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(h.getValue("Sheet1", "B1")).toBe("");
    // In chunks it goes through.
    await h.run(async (ctx) => {
      for (let i = 0; i < 5000; i += 1000) {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A${i + 1}:A${i + 1000}`).values = big.slice(i, i + 1000);
        await ctx.sync();
      }
    });
    expect(h.stats.syncs).toBe(6);
    expect(h.getValue("Sheet1", "A5000")).toBe("row 4999 with some text");
  });

  test("loading more than the limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const h = new ExcelHost({ payloadLimitBytes: 10_000 });
    h.setValues(
      "Sheet1",
      "A1",
      Array.from({ length: 2000 }, (_, i) => [`value ${i}`]),
    );
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("failSync(n): the n-th sync fails and applies nothing; later syncs work; a rerun completes", async () => {
    for (let step = 1; step <= 2; step++) {
      const h = goals(5);
      h.failSync(step, { code: "ConnectionFailure", message: "offline" });
      const err = await rejects(h.run(refreshScores));
      expect(err.code).toBe("ConnectionFailure");
      expect(h.getValue("Goals", "D2")).toBe("");
      await h.run(refreshScores);
      expect(h.getValue("Goals", "D2")).toBe(0.5);
    }
  });

  test("all-or-nothing by default; atomicSyncs: false keeps what ran before the failing operation, like Excel", async () => {
    for (const atomic of [true, false]) {
      const h = new ExcelHost({ atomicSyncs: atomic });
      await expect(
        h.run(async (ctx) => {
          const s = ctx.workbook.worksheets.getItem("Sheet1");
          s.getRange("A1").values = [["before"]];
          ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(h.getValue("Sheet1", "A1")).toBe(atomic ? "" : "before");
    }
  });

  test("trace messages ride on the error", async () => {
    const h = new ExcelHost();
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.trace("step 1");
        ctx.workbook.worksheets.getItem("Missing").load("name");
        ctx.trace("step 2");
        await ctx.sync();
      }),
    );
    expect(err.traceMessages).toEqual(["step 1"]);
  });
});

describe("cell edit mode", () => {
  test("while the user edits a cell, a sync fails; with delayForCellEdit it waits", async () => {
    const h = new ExcelHost();
    h.editing = true;
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperationInCellEditMode");
    let done = false;
    const waiting = h
      .run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        await ctx.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    h.editing = false;
    await waiting;
    expect(h.getValue("Sheet1", "A1")).toBe(2);
  });
});

describe("globals", () => {
  test("installGlobals provides Excel.run, enums, Office.onReady and OfficeExtension.Error", async () => {
    const h = new ExcelHost();
    const restore = installGlobals(h);
    try {
      expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
      expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
      const info = await Office.onReady();
      expect(info.host).toBe("Excel");
      const err = await rejects(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Nope").load("name");
          await ctx.sync();
        }),
      );
      expect(err).toBeInstanceOf(OfficeExtension.Error);
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});

describe('instantiate answers (docs/excel-host.md "Answers")', () => {
  test("adding a row to a long table answers no item of the table's rows", async () => {
    const h = goals(20_000);
    h.stats.reset();
    await h.run(async (ctx) => {
      ctx.workbook.tables.getItem("Goals").rows.add(undefined, [["G-new", 1, 2, ""]]);
      await ctx.sync();
    });
    // 20,000 rows' index and values would be over a megabyte.
    expect(Math.max(...h.stats.requests.map((r) => r.responseBytes))).toBeLessThan(2_000);
    expect(h.getValue("Goals", "A20002")).toBe("G-new");
  });
});
