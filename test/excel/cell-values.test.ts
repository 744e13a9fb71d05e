import fc from "fast-check";
import { chunkRows, estimateBytes, literalText, readChunks, userCell } from "../../src/excel/cell-values";
import { newHost } from "./fixtures";

describe("user text is written so that it stays text", () => {
  test.each([
    "1e3",
    "1/2",
    "$100",
    "(5)",
    ".5",
    " =1+1",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1",
    "@SUM(A1)",
    "'quoted",
    "45",
    "1,234.5",
    "45%",
    "2026-03-31",
    "TRUE",
    "#N/A",
  ])("%s", async (text) => {
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
  const realBytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");
  test("sizes are the UTF-8 bytes of the JSON Office.js sends: escapes, CJK, emoji, control characters", () => {
    const cases: unknown[][][] = [
      [["目標を達成する", "売上高"]], // CJK: 3 bytes a character
      [['say "yes"', "C:\\path\\to"]], // quote and backslash: 2 bytes each
      [["tab\there", "bell\u0007", "nul\u0000"]], // \t is 2 bytes, other control characters 6
      [["🎯 goal", "lone \ud83c"]], // astral: 4 bytes; a lone surrogate is escaped (6)
      [[1, -0.25, 1e21, 1.5e-7, 2 ** 60, true, false, ""]],
      [[Number.NaN, Number.POSITIVE_INFINITY]], // JSON has no NaN: null
    ];
    for (const values of cases) expect(estimateBytes(values)).toBe(realBytes(values));
  });
  test("property: the size is exact for any values", () => {
    const cell = fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.double(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (values) => {
        expect(estimateBytes(values)).toBe(realBytes(values));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
  test("CJK and quote-heavy rows are chunked under the limit by their real size", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`目標 ${i}: 顧客満足度を向上させる`, `"${'""'.repeat(10)}"`, i]);
    const chunks = chunkRows(rows, 4000);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
    for (const c of chunks) expect(realBytes(c.rows)).toBeLessThanOrEqual(4000);
  });
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
