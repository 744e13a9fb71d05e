/** A workbook the add-in sets up starts with the pane's A4 setting; one that has settings keeps them. */
import { ensureMetaSheet } from "../../src/excel/meta";
import { loadWorkbook } from "../../src/excel/workbook";
import { newHost } from "./fixtures";

test("a new metadata sheet holds setting.maxWeightShare = 0.7 (the CLI and functions read it from there)", async () => {
  const host = newHost();
  host.addSheet("Goals");
  await host.run((ctx) => ensureMetaSheet(ctx));
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  expect(wb.meta.settings.maxWeightShare).toBe(0.7);
  expect(wb.meta.settings.onTrackGap).toBe(0.1);
});

test("an existing metadata table without the setting keeps the spec's 50%", async () => {
  const host = newHost();
  host.addSheet("Goals");
  host.addSheet("_GoalScorecards");
  host.setValues("_GoalScorecards", "A1", [
    ["Key", "Value"],
    ["schema", 1],
  ]);
  host.addTable("_GoalScorecards", "A1:B2", "GoalMeta");
  await host.run((ctx) => ensureMetaSheet(ctx));
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  expect(wb.meta.settings.maxWeightShare).toBe(0.5);
});
