/** Settings can be changed in a locked cycle: the metadata sheet is unprotected for the write and protected again. */
import { META_SHEET } from "../../src/core/meta";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { verifySeal } from "../../src/excel/review";
import { readSettings, writeSettings } from "../../src/excel/settings";
import { advanceTo, seedReview } from "./review-fixture";

test("in Active with a password: written, the sheet protected again, the seal untouched", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", "s3cret");
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
  await expect(host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, staleDays: 10 }))).rejects.toThrow(/protected with a password/);
  await host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, staleDays: 10 }, { password: "s3cret" }));
  expect((await host.run((ctx) => readSettings(ctx))).settings.staleDays).toBe(10);
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
  expect(host.sheet(META_SHEET)?.hasPassword).toBe(true);
  expect((await host.run((ctx) => verifySeal(ctx))).intact).toBe(true);
});

test("in Data locked without a password", async () => {
  const host = await seedReview();
  await advanceTo(host, "Data locked");
  await host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, onTrackGap: 0.05 }));
  expect((await host.run((ctx) => readSettings(ctx))).settings.onTrackGap).toBe(0.05);
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
});

test("the Scorecards sheet can be written again while the workbook structure is protected", async () => {
  const { writeScorecardsSheet, SCORECARDS_SHEET } = await import("../../src/excel/scorecards");
  const host = await seedReview();
  await host.run((ctx) => writeScorecardsSheet(ctx));
  await advanceTo(host, "Data locked");
  expect(host.workbookProtected).toBe(true);
  await host.run((ctx) => writeScorecardsSheet(ctx));
  expect(host.sheetNames().filter((s) => s === SCORECARDS_SHEET)).toHaveLength(1);
  expect(host.sheet(SCORECARDS_SHEET)?.charts).toHaveLength(1);
  expect(String(host.getFormula(SCORECARDS_SHEET, "A4"))).toMatch(/^=GOAL\.SCORECARD\(/);
});
