/** Reading stays under Excel on the web's 5 MB response limit, even with long texts. */
import { loadWorkbook } from "../../src/excel/workbook";
import { ensureMetaSheet, writeMeta } from "../../src/excel/meta";
import { newHost } from "./fixtures";

test("a goal table of long texts is read in smaller parts when a response would be too large", async () => {
  const host = newHost({ payloadLimitBytes: 5 * 1024 * 1024 });
  host.addSheet("Goals");
  const cols = 40;
  const long = "x".repeat(80);
  const rows: string[][] = [["ID", "Title", ...Array.from({ length: cols - 2 }, (_, i) => `Note ${i}`)]];
  for (let r = 0; r < 2500; r++) rows.push([`G-${r}`, `Goal ${r} ${long}`, ...Array.from({ length: cols - 2 }, () => long)]);
  host.setValues("Goals", "A1", rows);
  host.addTable("Goals", `A1:AN${rows.length}`, "Goals");
  host.stats.reset();
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  expect(wb.goalTables[0].rows).toHaveLength(2500);
  expect(wb.goalTables[0].rows[2499][0]).toBe("G-2499");
  expect(Math.max(...host.stats.requests.map((r) => r.responseBytes ?? 0))).toBeLessThanOrEqual(5 * 1024 * 1024);
});

test("a seal document of several MB on the metadata sheet is read back whole", async () => {
  const host = newHost({ payloadLimitBytes: 5 * 1024 * 1024 });
  host.addSheet("Goals");
  await host.run(async (ctx) => {
    await ensureMetaSheet(ctx);
  });
  const doc = `{"goals":"${"a".repeat(9_000_000)}"}`;
  await host.run(async (ctx) => {
    const wb = await loadWorkbook(ctx);
    await writeMeta(ctx, wb, { ...wb.meta, seal: { hash: "h", at: "2026-01-01T00:00:00Z", state: "Active", doc } });
  });
  const back = await host.run((ctx) => loadWorkbook(ctx));
  expect(back.meta.seal.doc?.length).toBe(doc.length);
  expect(back.meta.seal.doc === doc).toBe(true);
}, 60_000);
