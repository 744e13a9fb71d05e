/**
 * Reads what the engine needs from the workbook in a fixed number of round trips:
 * one sync to list the tables, one for their headers and sizes, then the rows in
 * chunks that Excel on the web accepts. Nothing is computed here.
 */
import { COMPUTED_COLUMNS, ComputedHeader } from "../core/columns";
import { DateSystem } from "../core/dates";
import { headerText } from "../core/headers";
import { AUDIT_TABLE, META_SHEET, META_TABLE, Meta, readMeta } from "../core/meta";
import { WorkbookInput } from "../core/model";
import { TableData, isCheckInTableName, isGoalTableName, workbookInputFromTables } from "../core/tables";
import { READ_CELLS_PER_CHUNK, readChunks } from "./cells";

export interface LoadedTable extends TableData {
  rows: unknown[][];
  /** Worksheet row index (0-based) of the header row, as Office.js counts. */
  headerRowIndex: number;
  /** Header texts as they are in the table. */
  columnNames: string[];
}

export interface LoadedWorkbook {
  goalTables: LoadedTable[];
  checkIns: LoadedTable | null;
  metaTable: LoadedTable | null;
  auditTable: LoadedTable | null;
  metaSheetExists: boolean;
  meta: Meta;
  /** Every table name in the workbook (for choosing new names). */
  tableNames: string[];
  dateSystem: DateSystem;
}

interface Pending {
  name: string;
  sheet: Excel.Worksheet;
  header: Excel.Range;
  whole: Excel.Range;
}

/** Loads the goal tables, CheckIns and the metadata sheet's tables. */
export async function loadWorkbook(context: Excel.RequestContext): Promise<LoadedWorkbook> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const metaSheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
  metaSheet.load("name");
  await context.sync();

  const pending: Pending[] = [];
  for (const t of tables.items) {
    const name = t.name;
    if (!(isGoalTableName(name) || isCheckInTableName(name) || name === META_TABLE || name === AUDIT_TABLE)) continue;
    const header = t.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex,columnCount");
    const whole = t.getRange();
    whole.load("rowCount");
    const sheet = t.worksheet;
    sheet.load("name");
    pending.push({ name, sheet, header, whole });
  }
  if (pending.length > 0) await context.sync();

  const loaded: LoadedTable[] = pending.map((p) => ({
    name: p.name,
    sheet: p.sheet.name,
    headerRow: p.header.rowIndex + 1,
    headerRowIndex: p.header.rowIndex,
    firstColumn: p.header.columnIndex,
    headers: p.header.values[0] ?? [],
    columnNames: (p.header.values[0] ?? []).map((h) => headerText(h)),
    rows: new Array<unknown[]>(Math.max(0, p.whole.rowCount - 1)),
  }));
  await loadRows(context, loaded);

  const goalTables = loaded.filter((t) => isGoalTableName(t.name));
  const metaTable = loaded.find((t) => t.name === META_TABLE) ?? null;
  return {
    goalTables,
    checkIns: loaded.find((t) => isCheckInTableName(t.name)) ?? null,
    metaTable,
    auditTable: loaded.find((t) => t.name === AUDIT_TABLE) ?? null,
    metaSheetExists: !metaSheet.isNullObject,
    meta: readMeta(metaTable ? (metaTable.rows as unknown[][]) : []),
    tableNames: tables.items.map((t) => t.name),
    // Office.js does not tell the date system; the 1900 system is Excel's default.
    dateSystem: 1900,
  };
}

/** Fills each table's rows, reading at most READ_CELLS_PER_CHUNK cells per sync. */
async function loadRows(context: Excel.RequestContext, loaded: LoadedTable[]): Promise<void> {
  const parts: { t: LoadedTable; start: number; count: number }[] = [];
  for (const t of loaded) for (const c of readChunks(t.rows.length, t.headers.length)) parts.push({ t, ...c });
  let batch: { t: LoadedTable; start: number; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await context.sync();
    for (const b of batch) {
      const values = b.range.values;
      for (let i = 0; i < values.length; i++) b.t.rows[b.start + i] = values[i];
    }
    batch = [];
    cells = 0;
  };
  for (const p of parts) {
    const size = p.count * p.t.headers.length;
    if (cells > 0 && cells + size > READ_CELLS_PER_CHUNK) await flush();
    const range = context.workbook.worksheets
      .getItem(p.t.sheet)
      .getRangeByIndexes(p.t.headerRowIndex + 1 + p.start, p.t.firstColumn, p.count, Math.max(1, p.t.headers.length));
    range.load("values");
    batch.push({ t: p.t, start: p.start, range });
    cells += size;
  }
  await flush();
}

/** The engine's input from a loaded workbook. */
export function engineInput(wb: LoadedWorkbook): WorkbookInput {
  return workbookInputFromTables(wb.goalTables, wb.checkIns, wb.dateSystem);
}

/** Where each computed column sits in a goal table (by header), if present. */
export function computedColumns(t: LoadedTable): Partial<Record<ComputedHeader, number>> {
  const out: Partial<Record<ComputedHeader, number>> = {};
  t.columnNames.forEach((name, i) => {
    const c = COMPUTED_COLUMNS.find((h) => h.toLowerCase() === name.trim().toLowerCase());
    if (c && out[c] === undefined) out[c] = i;
  });
  return out;
}
