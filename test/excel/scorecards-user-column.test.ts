/** A user's column name chosen for grouping is written as text on the Scorecards sheet. */
import { SCORECARDS_SHEET, writeScorecardsSheet } from "../../src/excel/scorecards";
import { convert } from "../../src/excel/convert";
import { newHost } from "./fixtures";

test("grouping by a column whose header looks like a formula", async () => {
  const host = newHost();
  host.addSheet("Goals");
  host.setValues("Goals", "A1", [
    ["ID", "Title", "Owner", "Target", "Actual", "'=Region"],
    ["G-1", "Grow revenue in the north", "Dana", 100, 50, "North"],
  ]);
  await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
  await host.run((ctx) => writeScorecardsSheet(ctx, { groupBy: "=Region" }));
  expect(host.getValue(SCORECARDS_SHEET, "A3")).toBe("=Region");
});
