/** Writes stay under the request limit by their real UTF-8 JSON size, and a refused write is retried in halves. */
import { ensureMetaSheet, writeMeta } from "../../src/excel/meta";
import { CellWrite, writeRuns } from "../../src/excel/refresh";
import { loadWorkbook } from "../../src/excel/workbook";
import { newHost } from "./fixtures";

const TOO_LARGE = { code: "RequestPayloadSizeLimitExceeded", message: "The request payload size has exceeded the limit." };

function column(n: number, text: (i: number) => string): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [text(i)]);
}

function write(values: (string | number)[][], row = 0): CellWrite[] {
  return [{ sheet: "S", row, column: 0, values }];
}

test("a CJK seal document of several MB is written in requests under Excel on the web's 5 MB", async () => {
  const limit = 5 * 1024 * 1024;
  const host = newHost({ payloadLimitBytes: limit });
  host.addSheet("Goals");
  await host.run((ctx) => ensureMetaSheet(ctx));
  // 2.2 million characters of Japanese goal titles: 6.6 MB of UTF-8.
  const doc = `{"goals":"${"売上高を四千万円に伸ばす。".repeat(180_000)}"}`;
  host.stats.reset();
  await host.run(async (ctx) => {
    const wb = await loadWorkbook(ctx);
    await writeMeta(ctx, wb, { ...wb.meta, seal: { hash: "h", at: "2026-01-01T00:00:00Z", state: "Active", doc } });
  });
  // No request was refused: every request sent fits.
  expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
  const back = await host.run((ctx) => loadWorkbook(ctx));
  expect(back.meta.seal.doc === doc).toBe(true);
}, 60_000);

test("quote- and backslash-heavy text is chunked by its escaped size", async () => {
  const limit = 60_000;
  const host = newHost({ payloadLimitBytes: limit });
  host.addSheet("S");
  const values = column(600, (i) => `"C:\\goals\\${i}" said "${'\\"'.repeat(20)}"`);
  host.stats.reset();
  await host.run((ctx) => writeRuns(ctx, write(values), 50_000));
  expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
  expect(host.stats.syncs).toBeGreaterThan(1);
  expect(host.getValues("S", "A1:A600")).toEqual(values);
});

test("a write refused as too large is retried in halves in the same operation, and arrives whole", async () => {
  const host = newHost();
  host.addSheet("S");
  // Long enough that the values, not the request's fixed part (object paths), make its size.
  const values = column(100, (i) => `目標 ${i} ${"売上を伸ばす".repeat(10)}`);
  host.failSync(1, TOO_LARGE);
  host.stats.reset();
  const cells = await host.run((ctx) => writeRuns(ctx, write(values)));
  expect(cells).toBe(100);
  expect(host.stats.syncs).toBe(3); // the refused request, then two halves
  expect(host.stats.requests[1].bytes).toBeLessThan(host.stats.requests[0].bytes * 0.6);
  expect(host.stats.suspendApiCalculation).toBe(2); // suspended again in each half (the refused request applied nothing)
  expect(host.getValues("S", "A1:A100")).toEqual(values);
});

test("several runs in a refused request are split between the halves", async () => {
  const host = newHost();
  host.addSheet("S");
  const runs: CellWrite[] = [0, 1, 2, 3].map((c) => ({ sheet: "S", row: 0, column: c, values: column(10, (i) => `r${c}-${i}`) }));
  host.failSync(1, TOO_LARGE);
  host.failSync(2, TOO_LARGE); // the first half (two runs) is refused too: one run each
  await host.run((ctx) => writeRuns(ctx, runs));
  expect(host.stats.syncs).toBe(5);
  expect(host.getValues("S", "A1:D10")).toEqual(Array.from({ length: 10 }, (_, i) => [0, 1, 2, 3].map((c) => `r${c}-${i}`)));
});

test("Excel's real limit below the adapter's budget: halves again until every part fits", async () => {
  const limit = 15_000;
  const host = newHost({ payloadLimitBytes: limit });
  host.addSheet("S");
  const values = column(1000, (i) => `Goal ${i} — 顧客満足度`); // about 33 KB
  host.stats.reset();
  await host.run((ctx) => writeRuns(ctx, write(values))); // default budget: 3.2 MB
  const refused = host.stats.requests.filter((r) => r.bytes > limit);
  expect(refused.length).toBeGreaterThan(1); // the whole, then halves that were still too large
  expect(host.getValues("S", "A1:A1000")).toEqual(values);
});

test("a single row still refused fails with Excel's error; other errors are not retried", async () => {
  const host = newHost();
  host.addSheet("S");
  host.failSync(1, TOO_LARGE);
  await expect(host.run((ctx) => writeRuns(ctx, write([["one row"]])))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(host.stats.syncs).toBe(1);
  expect(host.getValue("S", "A1")).toBe("");

  host.stats.reset();
  host.failSync(1);
  await expect(host.run((ctx) => writeRuns(ctx, write(column(50, (i) => `x${i}`))))).rejects.toMatchObject({ code: "GeneralException" });
  expect(host.stats.syncs).toBe(1);
  expect(host.getValue("S", "A1")).toBe("");
});
