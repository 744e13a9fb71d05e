/** The task pane's check-in service adds a row through the review adapter. */
import { installGlobals } from "../../src/excel-host";
import { Runner } from "../../src/excel/autorefresh";
import { loadWorkbook } from "../../src/excel/workbook";
import { createServices } from "../../src/taskpane/services";
import { ACTOR, advanceTo, seedReview } from "../excel/review-fixture";

test("Add check-in in Active", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  const restore = installGlobals(host);
  try {
    const run: Runner = (batch) => host.run({ delayForCellEdit: true }, batch);
    const services = createServices(run);
    const r = await services.review.addCheckIn({ goalId: "G-1", date: "2026-06-29", value: "170", comment: "weekly", actor: ACTOR });
    expect(r).toMatchObject({ goalId: "G-1", date: "2026-06-29", value: 170, added: true });
    const rows = (await host.run((ctx) => loadWorkbook(ctx))).checkIns?.rows ?? [];
    expect(rows[rows.length - 1].slice(0, 3)).toEqual(["G-1", 46202, 170]);
  } finally {
    restore();
  }
});
