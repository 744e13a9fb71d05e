/** Converting messy sheets into goal tables, against the in-memory Excel host. */
import { ConversionError, convert, nextIds, proposeConversion } from "../../src/excel/convert";
import { loadWorkbook } from "../../src/excel/workbook";
import { MESSY_ROWS, newHost, seedMessySheet } from "./fixtures";

const SHEET = "Goals sheet";
const source = { kind: "sheet" as const, sheet: SHEET };

function allCells(host: ReturnType<typeof newHost>, sheet: string): Map<string, unknown> {
  const values = host.getValues(sheet, "A1:AZ40");
  const m = new Map<string, unknown>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "" && v !== null) m.set(`${r},${c}`, v);
    }),
  );
  return m;
}

describe("proposing a mapping for a messy sheet", () => {
  test("synonym headers map strongly, short words weakly, unknown columns are kept", async () => {
    const host = newHost();
    seedMessySheet(host);
    const p = await host.run((ctx) => proposeConversion(ctx, source));
    const by = Object.fromEntries(p.mapping.matches.map((m) => [m.header, [m.key, m.confidence]]));
    expect(by["Goal ID"]).toEqual(["id", "strong"]);
    expect(by["Objective"]).toEqual(["title", "strong"]);
    expect(by["Employee"]).toEqual(["owner", "strong"]);
    expect(by["Current"]).toEqual(["actual", "strong"]);
    expect(by["Deadline"]).toEqual(["due", "strong"]);
    // A unit around a known name is no doubt (headers.ts): "Weighting %" is Weight.
    expect(by["Weighting %"]).toEqual(["weight", "strong"]);
    expect(p.mapping.unmapped.map((u) => u.header)).toEqual(expect.arrayContaining(["KPI unit", "My notes", "To"]));
    expect(p.mapping.unmapped.find((u) => u.header === "To")?.reason).toMatch(/Target is already taken/);
    expect(p.address).toBe("'Goals sheet'!B3:AC9");
    expect(p.blankIds).toBe(2);
    expect(p.duplicateIds).toEqual(["D-2"]);
    expect(p.problems).toEqual([]);
    expect(p.tableName).toBe("Goals");
  });

  test("proposing writes nothing", async () => {
    const host = newHost();
    seedMessySheet(host);
    const before = allCells(host, SHEET);
    await host.run((ctx) => proposeConversion(ctx, source));
    expect(allCells(host, SHEET)).toEqual(before);
    expect(host.tableNames()).toEqual([]);
  });

  test("the selection: a multi-cell selection is converted as selected", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange("B3:P6").select();
      await ctx.sync();
    });
    const p = await host.run((ctx) => proposeConversion(ctx, { kind: "selection" }));
    expect(p.rows).toBe(3);
    expect(p.address.startsWith("'Goals sheet'!B3:")).toBe(true);
  });
});

describe("converting a messy sheet", () => {
  test("nothing lost or overwritten except the headers the user confirmed", async () => {
    const host = newHost();
    seedMessySheet(host);
    const before = allCells(host, SHEET);
    const result = await host.run((ctx) => convert(ctx, { source }));
    const after = allCells(host, SHEET);
    const headerCells = new Set(result.headerChanges.map((c) => `2,${1 + c.column}`));
    const idCells = new Set(result.idsAssigned.map((a) => a.address));
    for (const [k, v] of before) {
      if (headerCells.has(k)) continue;
      expect([k, after.get(k)]).toEqual([k, v]);
    }
    // Only renamed headers, new headers, new IDs and computed values are new.
    const firstComputed = 1 + (host.getValues(SHEET, "B3:AC3")[0] as unknown[]).indexOf("Progress");
    const unexpected: string[] = [];
    for (const [k, v] of after) {
      if (before.has(k) && before.get(k) === v) continue;
      const [r, c] = k.split(",").map(Number);
      const isHeader = r === 2 && headerCells.has(k);
      const isComputed = c >= firstComputed && r > 2;
      const isNewId = c === 1 && [...idCells].some((a) => a.endsWith(`!B${r + 1}`));
      if (!(isHeader || isComputed || isNewId)) unexpected.push(`${k}=${String(v)}`);
    }
    expect(unexpected).toEqual([]);
    expect(result.tableName).toBe("Goals");
    expect(host.tableNames()).toContain("Goals");
  });

  test("blank IDs get the next free ID; duplicates are kept (and reported by the engine)", async () => {
    const host = newHost();
    seedMessySheet(host);
    const r = await host.run((ctx) => convert(ctx, { source }));
    expect(r.idsAssigned).toEqual([
      { address: "'Goals sheet'!B5", id: "G-0001" },
      { address: "'Goals sheet'!B9", id: "G-0002" },
    ]);
    const d1 = r.refresh.evaluation.findings.filter((f) => f.code === "D1");
    expect(d1.map((f) => f.cell)).toEqual(["'Goals sheet'!B6", "'Goals sheet'!B8"]);
  });

  test("headers renamed to canonical names; missing columns and computed columns added at the right", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source }));
    const header = host.getValues(SHEET, "B3:AC3")[0];
    expect(header.slice(0, 14)).toEqual([
      "ID",
      "Title",
      "Owner",
      "Level",
      "Parent ID",
      "KPI unit",
      "Weight",
      "Baseline",
      "Target",
      "Actual",
      "Due",
      "Data Source",
      "My notes",
      "To",
    ]);
    expect(header.slice(14)).toEqual([
      "Type",
      "Unit",
      "Direction",
      "Threshold",
      "Stretch",
      "Start",
      "Cycle",
      "Rollup",
      "Comment",
      "Progress",
      "Score",
      "Status",
      "Rolled Up",
      "SMART",
    ]);
    expect(host.table("Goals")?.address).toBe("'Goals sheet'!B3:AC9");
  });

  test("Excel errors, dates as serials and as text, percentages as text are read; findings point at cells", async () => {
    const host = newHost();
    seedMessySheet(host);
    const r = await host.run((ctx) => convert(ctx, { source }));
    const ev = r.refresh.evaluation;
    const e1 = ev.findings.find((f) => f.code === "E1");
    expect(e1).toMatchObject({ goal: "D-2", field: "Actual", cell: "'Goals sheet'!K6" });
    const north = ev.goals.find((g) => g.id === "G-0001");
    expect(north?.due).toBe(ev.goals.find((g) => g.id === "C-1")?.due); // 46387 and "2026-12-31"
    expect(north?.progress).toBeCloseTo(0.5, 12);
    expect(host.getValue(SHEET, "H5")).toBeCloseTo(0.6, 12); // "60%" typed as text is a percentage
  });

  test("dropdowns on Type, Level, Direction, Rollup; formats; status colours", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source }));
    const sheet = host.sheet(SHEET);
    const lists = (sheet?.dataValidations ?? []).map((v) => JSON.stringify(v));
    expect(lists.join("\n")).toMatch(/Objective,Key Result,KPI,Performance,Development/);
    expect(lists.join("\n")).toMatch(/Company,Department,Team,Individual/);
    expect(lists.join("\n")).toMatch(/Increase,Decrease,At least,At most,Milestone/);
    expect(lists.join("\n")).toMatch(/Weighted,Worst,Sum,Own/);
    expect(host.getNumberFormat(SHEET, "L4")).toBe("yyyy-mm-dd");
    expect(host.getNumberFormat(SHEET, "Y4")).toBe("0%");
    expect(JSON.stringify(sheet?.conditionalFormats)).toMatch(/Off track/);
  });

  test("computed values are written by the engine and read correctly without the add-in", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source }));
    const row = host.getValues(SHEET, "Y4:AC4")[0];
    expect(row[0]).toBeCloseTo(0.4, 12); // C-1: (34M − 30M) / (40M − 30M)
    expect(typeof row[2]).toBe("string");
    expect(host.getFormulas(SHEET, "Y4:AC4")[0].every((f) => !String(f).startsWith("="))).toBe(true);
  });

  test("a computed column that holds user data is not replaced without asking", async () => {
    const host = newHost();
    host.addSheet("S");
    host.setValues("S", "A1", [
      ["ID", "Goal", "Owner", "Target", "Status"],
      ["G-1", "Ship the new onboarding flow", "Ana", 10, "my own note"],
    ]);
    const p = await host.run((ctx) => proposeConversion(ctx, { kind: "sheet", sheet: "S" }));
    expect(p.computedWithData).toEqual(["Status"]);
    await expect(host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "S" } }))).rejects.toBeInstanceOf(ConversionError);
    expect(host.getValue("S", "E2")).toBe("my own note");
    await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "S" }, replaceComputed: true }));
    expect(host.getValue("S", "E2")).not.toBe("my own note");
  });

  test("the user's override wins: drop a weak match, map a column by hand", async () => {
    const host = newHost();
    seedMessySheet(host);
    const r = await host.run((ctx) =>
      convert(ctx, {
        source,
        overrides: [
          { source: 6, key: null }, // Weighting % stays the user's column
          { source: 5, key: "unit" }, // KPI unit is the Unit
        ],
      }),
    );
    const header = host.getValues(SHEET, "B3:Q3")[0];
    expect(header[5]).toBe("Unit");
    expect(header[6]).toBe("Weighting %");
    expect(r.headerChanges.find((c) => c.to === "Unit")?.why).toBe("mapped");
  });

  test("a second goal table gets its own name and continues the IDs", async () => {
    const host = newHost();
    seedMessySheet(host);
    await host.run((ctx) => convert(ctx, { source }));
    host.addSheet("Sales");
    host.setValues("Sales", "A1", [
      ["Key", "Title", "Owner", "Target"],
      ["", "Sign twenty new partner agreements", "Lee", 20],
    ]);
    const r = await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Sales" } }));
    expect(r.tableName).toBe("Goals_Sales");
    expect(r.idsAssigned[0].id).toBe("G-0003");
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    expect(wb.goalTables.map((t) => t.name).sort()).toEqual(["Goals", "Goals_Sales"]);
  });

  test("an empty sheet or a non-goal table is refused with a clear message", async () => {
    const host = newHost();
    host.addSheet("Empty");
    host.setValues("Empty", "A1", [["ID", "Title"]]);
    await expect(host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Empty" } }))).rejects.toThrow(/no goals below the header row/);
    host.addSheet("T");
    host.setValues("T", "A1", [
      ["ID", "Title"],
      ["x", "y z w"],
    ]);
    host.addTable("T", "A1:B2", "Budget");
    await expect(host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "T" } }))).rejects.toThrow(/already the table 'Budget'/);
  });

  test("formula-injection titles stay text", async () => {
    const host = newHost();
    host.addSheet("S");
    host.setValues("S", "A1", [
      ["ID", "Title", "Owner", "Target"],
      ["G-1", '\'=HYPERLINK("http://x","y")', "'+1", 10],
      ["G-2", "'@SUM(A1)", "Ana", 10],
    ]);
    const r = await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "S" } }));
    expect(host.getValue("S", "B2")).toBe('=HYPERLINK("http://x","y")');
    // A formula would show its result, "y"; the cell shows the literal text.
    expect(host.getValue("S", "B2")).not.toBe("y");
    expect(host.getValue("S", "C2")).toBe("+1");
    expect(host.getValue("S", "B3")).toBe("@SUM(A1)");
    expect(r.refresh.evaluation.goals[0].title).toBe('=HYPERLINK("http://x","y")');
  });
});

describe("IDs", () => {
  test("next free G-0001-style IDs, skipping used ones case-insensitively", () => {
    expect(nextIds(["g-0002", "X"], 2)).toEqual(["G-0003", "G-0004"]);
    expect(nextIds([], 1)).toEqual(["G-0001"]);
  });
});

test("MESSY_ROWS stays what the tests assume", () => expect(MESSY_ROWS).toHaveLength(6));
