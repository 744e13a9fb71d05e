/**
 * A set of workbooks to consolidate that exercises every rule of `consolidate`
 * (duplicates in other representations, repeats in one file, goals without ID,
 * conflicts resolved by --prefer newest, user columns, an earlier Source column, a
 * plain sheet, the 1904 date system, rich text, formulas, errors, metadata), plus a
 * few generated manager workbooks; and a snapshot of a written workbook (every
 * sheet's cells with their formats, columns, views, tables and validations) that
 * tests compare as JSON.
 */
import * as path from "path";
import { CellValue, Workbook, Worksheet } from "exceljs";
import { writeManagerWorkbook } from "../../bench/workbooks";
import { COLUMN_KEYS } from "../../src/core/columns";
import { HEADERS, goal, sealFor, utc, writeFixture } from "./helpers";

/** Writes the set into `dir`; returns the file names in command-line order. */
export async function writeConsolidationSet(dir: string): Promise<string[]> {
  const shared = goal("G-0001", { owner: "Ann", weight: 0.5 });
  await writeFixture(path.join(dir, "a.xlsx"), {
    userColumns: ["Team"],
    goals: [
      { ...shared, Team: "Sales" },
      goal("A-1", { owner: "Ann", Team: "Sales", weight: 0.5, actual: { formula: "40+5", result: 45 } }),
      goal("A-1", { owner: "Ann", Team: "Sales", weight: 0.5, actual: { formula: "40+5", result: 45 } }),
      goal("", { owner: "Ann", title: { richText: [{ text: "Open " }, { font: { bold: true }, text: "two offices" }] }, weight: 0.25 }),
      goal("A-2", { owner: "Ann", actual: { error: "#N/A" }, weight: 0.25, comment: "=SUM(1,2) typed as text" }),
      goal("G-2", { owner: "Ann", target: 60 }),
    ],
    checkIns: [
      { goalId: "G-0001", date: utc("2026-05-31"), value: 45, confidence: 0.5, comment: "May" },
      { goalId: "G-2", date: utc("2026-05-01"), value: 44 },
      { goalId: "A-1", date: "2026-04-30", value: 41, confidence: 0.7 },
    ],
    modified: new Date("2026-05-01T08:00:00Z"),
  });
  await writeFixture(path.join(dir, "b.xlsx"), {
    userColumns: ["Region"],
    goals: [
      { ...shared, start: "2026-01-01", weight: "50%", title: `  ${String(shared.title)}  `, Region: "EMEA" },
      goal("B-1", { owner: "Bob", Region: "APAC", weight: 2 }),
    ],
    checkIns: [
      { goalId: "G-0001", date: utc("2026-05-31"), value: 45, confidence: 0.5, comment: "May" },
      { goalId: "B-1", date: utc("2026-06-15"), value: 48 },
    ],
    modified: new Date("2026-05-10T08:00:00Z"),
  });
  const cGoals = [
    goal("g-2", { owner: "Ann", title: "Raise employee engagement score G-2", target: 80, due: utc("2026-11-30") }),
    goal("C-1", { owner: "Cy", unit: "€", baseline: 1000, target: 1500 }),
  ];
  const sealed = await sealFor(cGoals, [], "2026", "Active", "2026-06-20T00:00:00Z");
  await writeFixture(path.join(dir, "c.xlsx"), {
    userColumns: ["Team"],
    goals: cGoals.map((g) => ({ ...g, Team: "Support" })),
    checkIns: [{ goalId: "G-2", date: utc("2026-06-01"), value: 52 }],
    meta: sealed.meta,
    audit: sealed.audit,
    modified: new Date("2026-06-01T08:00:00Z"),
  });
  await writeFixture(path.join(dir, "d.xlsx"), {
    userColumns: ["Source", "Team"],
    goals: [goal("D-1", { owner: "Dee", Source: "2025/emea.xlsx", Team: "Finance" }), goal("D-2", { owner: "Dee", Source: null, Team: "Finance" })],
    modified: new Date("2026-04-01T08:00:00Z"),
  });
  await writeFixture(path.join(dir, "e.xlsx"), {
    goals: [goal("E-1", { owner: "Eve" }), goal("E-2", { owner: "Eve", due: "2026-09-30" })],
    plainSheet: { name: "Team goals", headerRow: 3 },
    modified: new Date("2026-04-02T08:00:00Z"),
  });
  // The 1904 date system: the same days land as the same dates.
  const wb = new Workbook();
  wb.properties.date1904 = true;
  wb.created = wb.modified = new Date("2026-04-03T08:00:00Z");
  const ws = wb.addWorksheet("Goals");
  const f1 = goal("F-1", { owner: "Fay", start: utc("2026-02-01"), due: utc("2026-10-31") });
  ws.addTable({
    name: "Goals",
    ref: "A1",
    columns: HEADERS.map((name) => ({ name })),
    rows: [COLUMN_KEYS.map((k) => (f1[k] ?? null) as CellValue)],
  });
  const cis = wb.addWorksheet("CheckIns");
  cis.addTable({
    name: "CheckIns",
    ref: "A1",
    columns: ["Goal ID", "Date", "Value", "Confidence", "Comment"].map((name) => ({ name })),
    rows: [["F-1", utc("2026-03-31"), 12, 0.9, "Q1"]],
  });
  await wb.xlsx.writeFile(path.join(dir, "f.xlsx"));
  const managers: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const name = `manager-${i}.xlsx`;
    await writeManagerWorkbook(path.join(dir, name), { index: i, goals: 40, checkInsPerGoal: 3 });
    managers.push(name);
  }
  return ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx", "f.xlsx", ...managers];
}

function cellJson(v: CellValue): unknown {
  if (v instanceof Date) return { date: v.toISOString() };
  return v === undefined ? null : v;
}

function sheetSnapshot(ws: Worksheet) {
  // One line per cell (address, value as JSON, number format), to keep the snapshot short.
  const cells: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      cells.push(`${c.address} ${JSON.stringify(cellJson(c.value))}${c.numFmt ? ` ${c.numFmt}` : ""}`);
    }),
  );
  const columns: [number, number | null, string | null][] = [];
  for (let i = 1; i <= ws.columnCount; i++) {
    const col = ws.getColumn(i);
    columns.push([i, col.width ?? null, col.numFmt ?? null]);
  }
  const tables = Object.values(
    (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[]; style?: unknown } }> })
      .tables,
  ).map(({ table }) => ({
    name: table.name,
    ref: table.tableRef ?? table.ref,
    columns: table.columns.map((c) => c.name),
    style: table.style ?? null,
  }));
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  return { name: ws.name, state: ws.state, views: ws.views, columns, tables, validations, cells };
}

/** Everything a person or Excel sees of a written workbook, as plain JSON. */
export async function workbookSnapshot(file: string) {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return {
    properties: {
      creator: wb.creator,
      lastModifiedBy: wb.lastModifiedBy,
      created: wb.created?.toISOString(),
      modified: wb.modified?.toISOString(),
      date1904: wb.properties.date1904 ?? false,
    },
    sheets: wb.worksheets.map(sheetSnapshot),
  };
}
