/**
 * The metadata sheet `_GoalScorecards` (very hidden): the `GoalMeta` table of
 * settings and cycle state, and the `GoalAudit` table. Plain cells, so that any
 * tool that reads .xlsx can read them.
 */
import { AUDIT_COLUMNS, AUDIT_TABLE, META_SHEET, META_TABLE, Meta, emptyMeta, metaRows } from "../core/meta";
import { DEFAULT_SETTINGS, NEW_WORKBOOK_SETTINGS } from "../core/settings";
import { CellValue, userCell } from "./cell-values";
import { writeRuns } from "./refresh";
import { LoadedWorkbook } from "./workbook";

/** Where the two tables sit on the metadata sheet. */
export const META_COLUMN = 0; // A:B
export const AUDIT_COLUMN = 3; // D:N

/** Creates the metadata sheet and its tables when missing; makes the sheet very hidden. Idempotent. */
export async function ensureMetaSheet(context: Excel.RequestContext): Promise<void> {
  const wb = context.workbook;
  const ws = wb.worksheets.getItemOrNullObject(META_SHEET);
  const meta = wb.tables.getItemOrNullObject(META_TABLE);
  const audit = wb.tables.getItemOrNullObject(AUDIT_TABLE);
  ws.load("visibility");
  meta.load("name");
  audit.load("name");
  await context.sync();
  if (!ws.isNullObject && !meta.isNullObject && !audit.isNullObject && ws.visibility === "VeryHidden") return;
  const sheet = ws.isNullObject ? wb.worksheets.add(META_SHEET) : wb.worksheets.getItem(META_SHEET);
  if (meta.isNullObject) {
    const rows = metaRows({ ...emptyMeta(), settings: { ...NEW_WORKBOOK_SETTINGS } }, DEFAULT_SETTINGS);
    const block: CellValue[][] = [["Key", "Value"], ...rows.map(([k, v]) => [k, typeof v === "string" ? userCell(v) : v])];
    const range = sheet.getRangeByIndexes(0, META_COLUMN, block.length, 2);
    range.values = block;
    sheet.tables.add(range, true).name = META_TABLE;
  }
  if (audit.isNullObject) {
    const range = sheet.getRangeByIndexes(0, AUDIT_COLUMN, 2, AUDIT_COLUMNS.length);
    range.values = [[...AUDIT_COLUMNS], AUDIT_COLUMNS.map(() => "")];
    sheet.tables.add(range, true).name = AUDIT_TABLE;
  }
  sheet.visibility = "VeryHidden";
  await context.sync();
}

/** Writes GoalMeta's rows for `meta`, growing the table when needed; leftover rows are blanked. */
export async function writeMeta(context: Excel.RequestContext, wb: LoadedWorkbook, meta: Meta): Promise<void> {
  const rows = metaRows(meta, DEFAULT_SETTINGS).map(([k, v]) => [k, typeof v === "string" ? userCell(v) : v] as CellValue[]);
  const table = wb.metaTable;
  if (!table) throw new Error("The metadata sheet is missing; run ensureMetaSheet first");
  const have = table.rows.length;
  // Grow the table with blank rows first (a small request), then write every row in
  // requests under 4 MB: the seal's pieces make the values large.
  if (rows.length > have) {
    context.workbook.tables.getItem(META_TABLE).rows.add(
      undefined,
      rows.slice(have).map(() => ["", ""]),
    );
    await context.sync();
  }
  const body: CellValue[][] = rows.slice();
  for (let i = rows.length; i < have; i++) body.push(["", ""]);
  await writeRuns(context, body.length > 0 ? [{ sheet: table.sheet, row: table.headerRowIndex + 1, column: table.firstColumn, values: body }] : []);
  table.rows = rows.map((r) => [...r]);
}
