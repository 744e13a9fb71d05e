/**
 * Reads what the engine needs from the workbook in a fixed number of round trips:
 * one sync to list the tables, one for their headers and sizes, then the rows in
 * chunks that Excel on the web accepts. Nothing is computed here.
 */
import { COMPUTED_COLUMNS, ComputedHeader } from "../core/columns";
import { DateSystem } from "../core/dates";
import { headerText } from "../core/headers";
import { AUDIT_TABLE, META_SHEET, META_TABLE, Meta, readMeta } from "../core/meta";
import { TableData, WorkbookInput, isCheckInTableName, isGoalTableName, workbookInputFromTables } from "../core/tables";
import { READ_CELLS_PER_CHUNK, readChunks } from "./cell-values";

/** The sheet `writeScorecardsSheet` writes (scorecards.ts). */
export const SCORECARDS_SHEET = "Scorecards";

export interface LoadedTable extends TableData {
  rows: unknown[][];
  /** Worksheet row index (0-based) of the header row, as Office.js counts. */
  headerRowIndex: number;
  /** Header texts as they are in the table. */
  columnNames: string[];
}

/** Rows below the CheckIns table left unlocked in Active (so people can type check-ins there), and read with it. */
export const SPARE_CHECKIN_ROWS = 200;

/** Excel's last row (0-based), 1,048,576 rows. */
const LAST_ROW = 1_048_575;

export interface LoadedWorkbook {
  goalTables: LoadedTable[];
  checkIns: LoadedTable | null;
  /**
   * Rows typed right below the CheckIns table but not in it (Excel does not grow a table on a
   * protected sheet): from the first row under the table to the last non-blank one within
   * SPARE_CHECKIN_ROWS. Scored with the check-ins; review operations add them to the table.
   */
  checkInsBelow: unknown[][];
  metaTable: LoadedTable | null;
  auditTable: LoadedTable | null;
  metaSheetExists: boolean;
  /** A sheet named Scorecards exists (its chart follows the GOAL.SCORECARD spill at refresh). */
  scorecardsSheetExists: boolean;
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
  const scorecardsSheet = context.workbook.worksheets.getItemOrNullObject(SCORECARDS_SHEET);
  scorecardsSheet.load("name");
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
  const checkIns = loaded.find((t) => isCheckInTableName(t.name)) ?? null;
  // The spare rows under CheckIns, read in the same requests as the tables (as a table of their own).
  const below: LoadedTable | null = checkIns
    ? { ...checkIns, name: "", headerRowIndex: checkIns.headerRowIndex + checkIns.rows.length, rows: new Array<unknown[]>(spareCheckInRows(checkIns, loaded)) }
    : null;
  await loadRows(context, below && below.rows.length > 0 ? [...loaded, below] : loaded);

  const goalTables = loaded.filter((t) => isGoalTableName(t.name));
  const metaTable = loaded.find((t) => t.name === META_TABLE) ?? null;
  const spare = below?.rows ?? [];
  let typed = spare.length;
  while (typed > 0 && isBlank(spare[typed - 1])) typed--;
  return {
    goalTables,
    checkIns,
    checkInsBelow: spare.slice(0, typed),
    metaTable,
    auditTable: loaded.find((t) => t.name === AUDIT_TABLE) ?? null,
    metaSheetExists: !metaSheet.isNullObject,
    scorecardsSheetExists: !scorecardsSheet.isNullObject,
    meta: readMeta(metaTable ? metaTable.rows : []),
    tableNames: tables.items.map((t) => t.name),
    // Office.js does not tell the date system; the 1900 system is Excel's default.
    dateSystem: 1900,
  };
}

/** Rows of the metadata table read per request: its Value cells hold up to 30,000 characters of the seal. */
const META_ROWS_PER_CHUNK = 120;

function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Fills each table's rows, reading at most READ_CELLS_PER_CHUNK cells per sync (the
 * metadata table fewer rows at a time). Should Excel still refuse a response as too
 * large (long texts), that part is read again in halves.
 */
async function loadRows(context: Excel.RequestContext, loaded: LoadedTable[]): Promise<void> {
  type Part = { t: LoadedTable; start: number; count: number };
  const parts: Part[] = [];
  for (const t of loaded) {
    const chunks =
      t.name === META_TABLE ? readChunks(t.rows.length, Math.ceil(READ_CELLS_PER_CHUNK / META_ROWS_PER_CHUNK)) : readChunks(t.rows.length, t.headers.length);
    for (const c of chunks) parts.push({ t, ...c });
  }
  const rangeOf = (p: Part): Excel.Range =>
    context.workbook.worksheets
      .getItem(p.t.sheet)
      .getRangeByIndexes(p.t.headerRowIndex + 1 + p.start, p.t.firstColumn, p.count, Math.max(1, p.t.headers.length));
  const read = async (batch: Part[]): Promise<void> => {
    if (batch.length === 0) return;
    const ranges = batch.map((p) => {
      const r = rangeOf(p);
      r.load("values");
      return r;
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isTooLarge(e)) throw e;
      if (batch.length > 1) {
        for (const p of batch) await read([p]);
        return;
      }
      const p = batch[0];
      if (p.count <= 1) throw e;
      const half = Math.ceil(p.count / 2);
      await read([{ t: p.t, start: p.start, count: half }]);
      await read([{ t: p.t, start: p.start + half, count: p.count - half }]);
      return;
    }
    batch.forEach((p, i) => {
      const values = ranges[i].values;
      for (let r = 0; r < values.length; r++) p.t.rows[p.start + r] = values[r];
    });
  };
  let batch: Part[] = [];
  let cells = 0;
  for (const p of parts) {
    const size = p.t.name === META_TABLE ? p.count * Math.ceil(READ_CELLS_PER_CHUNK / META_ROWS_PER_CHUNK) : p.count * p.t.headers.length;
    if (cells > 0 && cells + size > READ_CELLS_PER_CHUNK) {
      await read(batch);
      batch = [];
      cells = 0;
    }
    batch.push(p);
    cells += size;
  }
  await read(batch);
}

function isBlank(row: unknown[] | undefined): boolean {
  return row === undefined || row.every((v) => v === "" || v === null || v === undefined);
}

/** How many rows below the CheckIns table are spare: SPARE_CHECKIN_ROWS, less any table below it in its columns. */
export function spareCheckInRows(ci: LoadedTable, tables: readonly LoadedTable[]): number {
  const start = ci.headerRowIndex + 1 + Math.max(1, ci.rows.length);
  let rows = Math.min(SPARE_CHECKIN_ROWS, LAST_ROW + 1 - start);
  for (const t of tables) {
    if (t === ci || t.sheet.toLowerCase() !== ci.sheet.toLowerCase()) continue;
    const overlaps = t.firstColumn < ci.firstColumn + ci.headers.length && t.firstColumn + t.headers.length > ci.firstColumn;
    if (overlaps && t.headerRowIndex >= start) rows = Math.min(rows, t.headerRowIndex - start);
  }
  return Math.max(0, rows);
}

/** The engine's input from a loaded workbook; check-ins typed below the CheckIns table count too. */
export function engineInput(wb: LoadedWorkbook): WorkbookInput {
  const ci = wb.checkIns && wb.checkInsBelow.length > 0 ? { ...wb.checkIns, rows: [...wb.checkIns.rows, ...wb.checkInsBelow] } : wb.checkIns;
  return workbookInputFromTables(wb.goalTables, ci, wb.dateSystem);
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
