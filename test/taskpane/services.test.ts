/** The task pane's services over a runner on the in-memory host, and the workbook helpers the views use. */
import { applyOverrides } from "../../src/core/headers";
import { ExcelHost, installGlobals } from "../../src/excel-host";
import { Runner } from "../../src/excel/autorefresh";
import { planConversion } from "../../src/excel/convert";
import { choose } from "../../src/taskpane/logic/mapping";
import { goalCell, goalRowAddress, groupOptions, scorecardsBy, userColumnValues } from "../../src/taskpane/logic/workbookView";
import { createServices } from "../../src/taskpane/services";
import { newHost, seedMessySheet } from "../excel/fixtures";
import { AS_OF, convertedMessy } from "./support";

function runnerOf(host: ExcelHost): Runner {
  return (batch) => host.run({ delayForCellEdit: true }, batch);
}

let restore: () => void = () => undefined;
beforeEach(() => {
  restore = () => undefined;
});
afterEach(() => restore());

describe("services", () => {
  test("propose from a selection, change a mapping, convert exactly that range even after the selection moved", async () => {
    const host = newHost();
    seedMessySheet(host);
    restore = installGlobals(host);
    const services = createServices(runnerOf(host));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals sheet").getRange("B3:P6").select();
      await ctx.sync();
    });
    const { block, source } = await services.readBlock("selection");
    expect(source).toEqual({ kind: "range", address: "'Goals sheet'!B3:P6" });
    const original = planConversion(block);
    const kpi = original.mapping.unmapped.find((u) => u.header === "KPI unit");
    expect(kpi).toBeDefined();
    const overrides = choose([], kpi?.source ?? -1, "unit");
    expect(applyOverrides(original.mapping, overrides).matches.find((m) => m.key === "unit")?.header).toBe("KPI unit");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals sheet").getRange("A1").select();
      await ctx.sync();
    });
    const result = await services.convert(source, { overrides, replaceComputed: false });
    expect(result.refresh.evaluation.goals).toHaveLength(3);
    expect(host.getValue("Goals sheet", "G3")).toBe("Unit");
  });

  test("the sheet, select, settings, scorecards sheet and refresh with an as-of date", async () => {
    const host = newHost();
    seedMessySheet(host);
    restore = installGlobals(host);
    const services = createServices(runnerOf(host));
    const { source } = await services.readBlock("sheet");
    expect(source).toEqual({ kind: "sheet", sheet: "Goals sheet" });
    await services.convert(source, { overrides: [], replaceComputed: false });
    await services.selectCell("'Goals sheet'!C5");
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "C5" });
    await services.writeSettings({ staleDays: 10 });
    expect((await services.readSettings()).settings.staleDays).toBe(10);
    const r = await services.refresh(AS_OF);
    expect(r.evaluation.asOf).toBe(AS_OF);
    expect(r.evaluation.settings.staleDays).toBe(10);
    const sheet = await services.writeScorecards("Level");
    expect(sheet.scorecardFormula).toContain("Goals[Level]");
  });

  test("review: status, advance with an actor, a change request, the review copy, restore", async () => {
    const host = newHost();
    seedMessySheet(host);
    restore = installGlobals(host);
    const services = createServices(runnerOf(host));
    await services.convert({ kind: "sheet", sheet: "Goals sheet" }, { overrides: [], replaceComputed: false });
    await services.writeScorecards("Owner");
    const s0 = await services.review.status();
    expect(s0.inspection.state).toBe("Draft");
    expect(s0.verify.sealed).toBe(false);
    await expect(services.review.changeState({ to: "Active", actor: "" })).rejects.toThrow(/name/);
    await services.review.changeState({ to: "Active", actor: "Pat" });
    await services.review.changeState({ to: "Data locked", actor: "Pat" });
    const cr = await services.review.changeRequest({ goalId: "C-1", field: "target", value: "41000000", reason: "Board raised the target", actor: "Pat" });
    expect(cr.changed).toBe(true);
    const copy = await services.review.prepareReviewCopy({});
    expect(copy.state).toBe("Data locked");
    expect(copy.replaced).toBeGreaterThan(0);
    const s1 = await services.review.status();
    expect(s1.verify.intact).toBe(true);
    expect(s1.audit.map((e) => e.action)).toEqual(expect.arrayContaining(["state", "seal", "change"]));
    expect(s1.inspection.reviewCopy).toBe("complete");
    expect((await services.review.restoreLiveFormulas({})).restored).toBe(copy.replaced);
    expect((await services.review.status()).inspection.reviewCopy).toBe("none");
  });

  test("a password-protected cycle asks for the password, which works when given", async () => {
    const host = newHost();
    seedMessySheet(host);
    restore = installGlobals(host);
    const services = createServices(runnerOf(host));
    await services.convert({ kind: "sheet", sheet: "Goals sheet" }, { overrides: [], replaceComputed: false });
    await services.review.changeState({ to: "Active", actor: "Pat", password: "s3cret" });
    await expect(services.review.changeState({ to: "Data locked", actor: "Pat" })).rejects.toMatchObject({ name: "ReviewError", code: "password" });
    await services.review.changeState({ to: "Data locked", actor: "Pat", password: "s3cret" });
    expect((await services.review.status()).inspection.state).toBe("Data locked");
    // Settings in the locked cycle need the password too.
    await expect(services.writeSettings({ staleDays: 12 })).rejects.toMatchObject({ name: "ReviewError", code: "password" });
    await services.writeSettings({ staleDays: 12 }, "s3cret");
    expect((await services.readSettings()).settings.staleDays).toBe(12);
  });
});

describe("workbook helpers", () => {
  test("row addresses, the ID cell, group options and scorecards by another column", async () => {
    const { host, report } = await convertedMessy();
    const wb = report.workbook;
    expect(goalRowAddress(wb, 0)).toBe("'Goals sheet'!B4:AC4");
    expect(goalCell(wb, 0)).toBe("'Goals sheet'!B4");
    expect(goalRowAddress(wb, 99)).toBeNull();
    const options = groupOptions(wb);
    expect(options[0]).toEqual({ header: "Owner", key: "owner" });
    expect(options.map((o) => o.header)).toEqual(expect.arrayContaining(["Level", "KPI unit", "My notes"]));
    expect(options.map((o) => o.header)).not.toContain("Score");
    expect(scorecardsBy(wb, report.evaluation, options[0], null)).toBe(report.evaluation.scorecards);
    const byLevel = scorecardsBy(wb, report.evaluation, { header: "Level", key: "level" }, AS_OF);
    expect(byLevel.map((c) => c.group)).toEqual(["Company", "Department", "Team", "Individual"]);
    expect(userColumnValues(wb, "My notes")[0]).toBe("board approved");
    const byNotes = scorecardsBy(wb, report.evaluation, { header: "My notes", key: null }, AS_OF);
    expect(byNotes.map((c) => c.group)).toContain("board approved");
    // Selecting a row works on the host.
    await host.run(async (ctx) => {
      const { selectCell } = await import("../../src/excel/select");
      await selectCell(ctx, goalRowAddress(wb, 1) as string);
    });
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "B5:AC5" });
  });
});
