import fc from "fast-check";
import { chunkRows, estimateBytes, literalText, readChunks, userCell } from "../../src/excel/cells";
import { newHost } from "./fixtures";

describe("user text is written so that it stays text", () => {
  test.each(["1e3", "1/2", "$100", "(5)", ".5", " =1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "'quoted", "45", "1,234.5", "45%", "2026-03-31", "TRUE", "#N/A"])("%s", async (text) => {
    const host = newHost();
    host.addSheet("S");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[userCell(text)]];
      await ctx.sync();
    });
    expect(host.getValue("S", "A1")).toBe(text);
  });
  test("plain text is written as it is", () => {
    expect(literalText("Grow revenue")).toBe("Grow revenue");
    expect(userCell(5)).toBe(5);
    expect(userCell(null)).toBe("");
  });
  test("property: any string round-trips through the host as the same text", async () => {
    const host = newHost();
    host.addSheet("S");
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (text) => {
        await host.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[userCell(text)]];
          await ctx.sync();
        });
        const back = host.getValue("S", "A1");
        expect(back).toBe(text);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("payload sizes", () => {
  test("rows are chunked under the limit, every row once, in order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, i]);
    const chunks = chunkRows(rows, 2000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
    for (const c of chunks) expect(estimateBytes(c.rows)).toBeLessThanOrEqual(2000);
  });
  test("read chunks cover every row", () => {
    const c = readChunks(250_001, 20);
    expect(c[0]).toEqual({ start: 0, count: 5000 });
    expect(c.reduce((n, x) => n + x.count, 0)).toBe(250_001);
  });
});
