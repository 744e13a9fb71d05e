/** The task pane's small adapter operations against the in-memory host: select a cell, settings, the template. */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { evaluate } from "../../src/core/engine";
import { META_SHEET } from "../../src/core/meta";
import { convert, proposeConversion, readBlock } from "../../src/excel/convert";
import { SelectError, selectTarget, selectCell } from "../../src/excel/select";
import { readSettings, writeSettings } from "../../src/excel/settings";
import { freeSheetName, startFromTemplate } from "../../src/excel/template";
import { engineInput, loadWorkbook } from "../../src/excel/workbook";
import { createServices } from "../../src/taskpane/services";
import { MESSY_ROWS, newHost, seedMessySheet } from "./fixtures";

describe("selectTarget", () => {
  test("plain, quoted and sheet-less addresses", () => {
    expect(selectTarget("Goals!H4")).toEqual({ sheet: "Goals", range: "H4" });
    expect(selectTarget("'Goals sheet'!B3:AC9")).toEqual({ sheet: "Goals sheet", range: "B3:AC9" });
    expect(selectTarget("'Dana''s goals'!$c$5")).toEqual({ sheet: "Dana's goals", range: "C5" });
    expect(selectTarget("h4")).toEqual({ sheet: null, range: "H4" });
  });
  test("anything else is refused", () => {
    for (const bad of ["", "Goals!", "!A1", "'Goals!A1", "Goals!Target", "=A1", "Goals!A1:B", "''!A1"]) expect(selectTarget(bad)).toBeNull();
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell or range, in two syncs", async () => {
    const host = newHost();
    seedMessySheet(host);
    host.addSheet("Other");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").activate();
      await ctx.sync();
    });
    expect(host.activeSheet).toBe("Other");
    host.stats.reset();
    await expect(host.run((ctx) => selectCell(ctx, "'Goals sheet'!D5"))).resolves.toEqual({ sheet: "Goals sheet", range: "D5" });
    expect(host.stats.syncs).toBe(2);
    expect(host.activeSheet).toBe("Goals sheet");
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "D5" });
    await host.run((ctx) => selectCell(ctx, "'Goals sheet'!B5:P5"));
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "B5:P5" });
  });

  test("an address without a sheet selects on the active sheet", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => selectCell(ctx, "C4"));
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "C4" });
  });

  test("a missing or hidden sheet gives a message that says what to do, and selects nothing", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => selectCell(ctx, "'Goals sheet'!A1"));
    const missing = host.run((ctx) => selectCell(ctx, "Gone!A1"));
    await expect(missing).rejects.toBeInstanceOf(SelectError);
    await expect(missing).rejects.toThrow(/no longer in the workbook.*refresh/i);
    host.addSheet("Secret");
    host.sheet("Secret")?.setVisibility("Hidden");
    await expect(host.run((ctx) => selectCell(ctx, "Secret!A1"))).rejects.toThrow(/hidden.*Unhide/);
    await expect(host.run((ctx) => selectCell(ctx, "not an address"))).rejects.toThrow(/not a cell address/);
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "A1" });
  });

  test("a failed sync rejects with the host's error code", async () => {
    const host = newHost();
    seedMessySheet(host);
    host.failSync(2);
    await expect(host.run((ctx) => selectCell(ctx, "'Goals sheet'!D5"))).rejects.toMatchObject({ code: "GeneralException" });
    await host.run((ctx) => selectCell(ctx, "'Goals sheet'!D5"));
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "D5" });
  });
});

describe("settings on the metadata sheet", () => {
  test("a workbook without a metadata sheet reads the defaults", async () => {
    const host = newHost();
    seedMessySheet(host);
    const s = await host.run((ctx) => readSettings(ctx));
    expect(s).toEqual({ settings: DEFAULT_SETTINGS, problems: [], metaSheetExists: false });
  });

  test("writing creates the very hidden sheet, stores only changed settings, and reads back", async () => {
    const host = newHost();
    seedMessySheet(host);
    const written = await host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, onTrackGap: 0.05, staleDays: 14 }));
    expect(written.onTrackGap).toBe(0.05);
    expect(host.sheet(META_SHEET)?.visibility).toBe("VeryHidden");
    const keys = host.getValues(META_SHEET, "A1:B30").map((r) => String(r[0]));
    expect(keys).toContain("setting.onTrackGap");
    expect(keys).toContain("setting.staleDays");
    expect(keys).not.toContain("setting.atRiskGap");
    const back = await host.run((ctx) => readSettings(ctx));
    expect(back.settings).toEqual({ ...DEFAULT_SETTINGS, onTrackGap: 0.05, staleDays: 14 });
    expect(back.metaSheetExists).toBe(true);
    // Back to the defaults: the rows go away (blanked), the defaults are read.
    await host.run((ctx) => writeSettings(ctx, DEFAULT_SETTINGS));
    expect(host.getValues(META_SHEET, "A1:A30").map((r) => String(r[0]))).not.toContain("setting.onTrackGap");
    expect((await host.run((ctx) => readSettings(ctx))).settings).toEqual(DEFAULT_SETTINGS);
  });

  test("the engine uses the settings written", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } }));
    await host.run((ctx) => writeSettings(ctx, { maxWeightShare: 0.9 }));
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    expect(wb.meta.settings.maxWeightShare).toBe(0.9);
  });

  test("an invalid value is refused before anything is written", async () => {
    const host = newHost();
    seedMessySheet(host);
    await expect(host.run((ctx) => writeSettings(ctx, { onTrackGap: 2 }))).rejects.toThrow();
    expect(host.sheetNames()).not.toContain(META_SHEET);
  });
});

describe("start from template", () => {
  test("freeSheetName", () => {
    expect(freeSheetName([])).toBe("Goals");
    expect(freeSheetName(["goals", "Goals 2"])).toBe("Goals 3");
  });

  test("one call: a Goals sheet with the canonical columns, three example goals, a goal table, no failing rule", async () => {
    const host = newHost();
    const result = await host.run((ctx) => startFromTemplate(ctx, { now: new Date(2026, 2, 1) }));
    expect(result.sheet).toBe("Goals");
    expect(host.activeSheet).toBe("Goals");
    expect(host.tableNames()).toContain("Goals");
    const header = host.getValues("Goals", "A1:Y1")[0];
    expect(header.slice(0, 5)).toEqual(["ID", "Title", "Type", "Level", "Parent ID"]);
    expect(header).toEqual(expect.arrayContaining(["Progress", "Score", "Status", "Rolled Up", "SMART"]));
    expect(host.getValues("Goals", "A2:A4").map((r) => r[0])).toEqual(["G-0001", "G-0002", "G-0003"]);
    expect(host.getNumberFormat("Goals", "O2")).toBe("yyyy-mm-dd");
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    const ev = evaluate(engineInput(wb), { asOf: 20_600 });
    expect(ev.goals).toHaveLength(3);
    expect(ev.findings.filter((f) => f.severity === "fail")).toEqual([]);
    expect(ev.goals[0].children).toEqual([1, 2]);
  });

  test("a second template gets its own sheet and IDs that do not clash", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } }));
    await host.run((ctx) => startFromTemplate(ctx));
    const second = await host.run((ctx) => startFromTemplate(ctx));
    expect(second.sheet).toBe("Goals 2");
    expect(second.conversion.tableName).not.toBe("Goals");
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    const ev = evaluate(engineInput(wb));
    expect(ev.findings.filter((f) => f.code === "D1")).toEqual(ev.findings.filter((f) => f.code === "D1" && f.goal === "D-2"));
  });
});

describe("whole-column and whole-row selections", () => {
  test("selectTarget takes A:N and 3:40, with or without a sheet and $", () => {
    expect(selectTarget("Goals!A:N")).toEqual({ sheet: "Goals", range: "A:N" });
    expect(selectTarget("'Goals sheet'!$b:$p")).toEqual({ sheet: "Goals sheet", range: "B:P" });
    expect(selectTarget("'Goals sheet'!3:40")).toEqual({ sheet: "Goals sheet", range: "3:40" });
    expect(selectTarget("$3:$40")).toEqual({ sheet: null, range: "3:40" });
    for (const bad of ["Goals!A:", "Goals!:N", "Goals!A:3", "Goals!3:N", "Goals!0:4", "Goals!A1:N"]) expect(selectTarget(bad)).toBeNull();
  });

  test("selectCell selects a whole-column or whole-row range", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => selectCell(ctx, "'Goals sheet'!A:N"));
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "A:N" });
    await host.run((ctx) => selectCell(ctx, "'Goals sheet'!3:40"));
    expect(host.selection).toEqual({ sheet: "Goals sheet", address: "3:40" });
  });

  const selectRange = (host: ReturnType<typeof newHost>, address: string): Promise<void> =>
    host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals sheet").getRange(address).select();
      await ctx.sync();
    });

  test.each([
    // The used range is A1:O9 (the title in A1, the goals in B3:O9).
    ["A:P", 0, 0, 9, 15],
    ["3:40", 2, 0, 7, 15],
  ])("convert selection of %s reads up to the used range, in a few syncs", async (address, rowIndex, columnIndex, rows, columns) => {
    const host = newHost();
    seedMessySheet(host);
    await selectRange(host, address);
    host.stats.reset();
    const block = await host.run((ctx) => readBlock(ctx, { kind: "selection" }));
    expect(host.stats.syncs).toBeLessThanOrEqual(4);
    expect(host.stats.requests.every((r) => r.responseBytes < 100_000)).toBe(true);
    expect({ rowIndex: block.rowIndex, columnIndex: block.columnIndex }).toEqual({ rowIndex, columnIndex });
    expect(block.values.length).toBe(rows);
    expect(block.values[0].length).toBe(columns);
  });

  test("empty whole columns propose nothing to convert, without reading a million rows", async () => {
    const host = newHost();
    seedMessySheet(host);
    await selectRange(host, "T:Z");
    host.stats.reset();
    const proposal = await host.run((ctx) => proposeConversion(ctx, { kind: "selection" }));
    expect(host.stats.requests.every((r) => r.responseBytes < 10_000)).toBe(true);
    expect(proposal.rows).toBe(0);
    expect(proposal.problems).toContain("There are no goals below the header row.");
    await expect(host.run((ctx) => convert(ctx, { source: { kind: "selection" } }))).rejects.toThrow(/no goals/);
    expect(host.tableNames()).toEqual([]);
  });

  test("the task pane's convert-selection flow converts a whole-column selection", async () => {
    const host = newHost();
    seedMessySheet(host);
    const services = createServices((batch) => host.run({ delayForCellEdit: true }, batch));
    await selectRange(host, "B:P");
    const { source } = await services.readBlock("selection");
    expect(source).toEqual({ kind: "range", address: "'Goals sheet'!B:P" });
    const result = await services.convert(source, { overrides: [], replaceComputed: false });
    expect(result.address).toMatch(/^'Goals sheet'!B3:/);
    expect(host.table(result.tableName)?.rowCount).toBe(MESSY_ROWS.length);
  });
});
