/**
 * Workbook operations shared by the proxies (at sync) and the host's user-side
 * helpers: writing cells, protection checks, sheets and tables. Every change goes
 * through WorkbookModel's undoable primitives.
 */
import { Address, MAX_COLUMNS, MAX_ROWS, Rect, rangeAddress } from "../core/a1";
import { addressArgument, cols, contains, intersect, key, keyCol, keyRow, rect, rows } from "./address";
import { Calc, Shown, isErrorValue } from "./calc";
import { Entry, parseEntry } from "./entry";
import { formattedText } from "./number-format";
import { ErrorCode, HostError, Message } from "./errors";
import { Change } from "./proxy-base";
import { Cell, ProtectionOptions, Scalar, SheetModel, TableModel, ValidationModel, WorkbookModel, headerText, tableColumnNames } from "./model";

export interface Env {
  wb: WorkbookModel;
  calc: Calc;
}

// ---- errors -------------------------------------------------------------------

export function accessDenied(where?: string): HostError {
  return new HostError(ErrorCode.accessDenied, Message.protectedCell, where);
}
export function invalidArgument(message: string = Message.invalidArgument, where?: string): HostError {
  return new HostError(ErrorCode.invalidArgument, message, where);
}
export function invalidOperation(message: string, where?: string): HostError {
  return new HostError(ErrorCode.invalidOperation, message, where);
}
export function itemNotFound(where?: string): HostError {
  return new HostError(ErrorCode.itemNotFound, Message.itemNotFound, where);
}

/** A wrong or missing password: InvalidArgument, or AccessDenied on Windows (OfficeDev/office-js#6784); a host option. */
export function wrongPassword(wb: WorkbookModel, where: string): HostError {
  return new HostError(wb.platform.wrongPasswordCode, Message.wrongPassword, where);
}

// ---- protection ---------------------------------------------------------------

export function anyLocked(sheet: SheetModel, x: Rect): boolean {
  for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (sheet.format("locked", r, c)) return true;
  return false;
}

/** Refuses a content change of locked cells on a protected sheet. */
export function checkContent(sheet: SheetModel, x: Rect, where: string): void {
  if (sheet.protection.protected && anyLocked(sheet, x)) throw accessDenied(where);
}

/** Refuses a formatting change on a protected sheet unless the protection options allow it. */
export function checkFormat(sheet: SheetModel, allow: keyof ProtectionOptions | null, where: string): void {
  if (!sheet.protection.protected) return;
  if (allow !== null && sheet.protection.options[allow] === true) return;
  throw accessDenied(where);
}

export function checkStructure(wb: WorkbookModel, where: string): void {
  if (wb.protection.protected) throw new HostError(ErrorCode.accessDenied, "The workbook structure is protected.", where);
}

// ---- reading ------------------------------------------------------------------

export function valueType(v: Shown): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (isErrorValue(v)) return "Error";
  return "String";
}

export function readGrid<V>(x: Rect, f: (r: number, c: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = x.r0; r <= x.r1; r++) {
    const row: V[] = [];
    for (let c = x.c0; c <= x.c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

export function formulaOf(env: Env, sheet: SheetModel, r: number, c: number): Scalar {
  const cell = sheet.cell(r, c);
  if (cell?.f !== undefined) return cell.f;
  if (cell?.v !== undefined) return cell.v;
  return env.calc.value(sheet, r, c);
}

export function numberFormatOf(sheet: SheetModel, r: number, c: number): string {
  return sheet.cell(r, c)?.nf ?? "General";
}

/** The cell's text as Excel would show it, for the common formats. */
export function textOf(env: Env, sheet: SheetModel, r: number, c: number): string {
  return formattedText(env.calc.value(sheet, r, c), numberFormatOf(sheet, r, c), env.wb.dateSystem);
}

// ---- writing ------------------------------------------------------------------

/** A scalar broadcast to the range, or a 2-D array of exactly the range's size (else InvalidArgument). */
export function gridOf(input: unknown, x: Rect): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const h = rows(x);
  const w = cols(x);
  if (input.length !== h || input.some((row) => !Array.isArray(row) || row.length !== w)) throw invalidArgument(Message.dimensions);
  const g = input as unknown[][];
  return (r, c) => g[r - x.r0][c - x.c0];
}

function applyEntry(env: Env, sheet: SheetModel, r: number, c: number, e: Entry): void {
  const old = sheet.cell(r, c);
  if (e.kind === "skip") return;
  if (e.kind === "clear") {
    env.wb.setCell(sheet, r, c, old?.nf !== undefined ? { nf: old.nf } : undefined);
    return;
  }
  const next: Cell = {};
  if (old?.nf !== undefined) next.nf = old.nf;
  if (e.kind === "formula") next.f = e.f;
  else {
    next.v = e.v;
    if (e.nf && (next.nf === undefined || next.nf === "General")) next.nf = e.nf;
  }
  env.wb.setCell(sheet, r, c, next);
}

/** Writes `values`/`formulas` (same entry rules) to a range: shape, protection, then the cells. */
export function writeCells(env: Env, sheet: SheetModel, x: Rect, input: unknown, where: string, changes: Change[] | null): void {
  const at = gridOf(input, x);
  const entries: Entry[] = [];
  for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) entries.push(parseEntry(at(r, c), env.wb.dateSystem));
  checkContent(sheet, x, where);
  const single = rows(x) === 1 && cols(x) === 1;
  const before = single ? env.calc.value(sheet, x.r0, x.c0) : undefined;
  let i = 0;
  for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) applyEntry(env, sheet, r, c, entries[i++]);
  fixHeaders(env, sheet, x);
  if (changes) {
    const change: Change = { sheet, rect: x, changeType: "RangeEdited" };
    if (single) change.details = { valueBefore: before, valueAfter: env.calc.value(sheet, x.r0, x.c0) };
    changes.push(change);
  }
}

export function writeNumberFormat(env: Env, sheet: SheetModel, x: Rect, input: unknown, where: string): void {
  const at = gridOf(input, x);
  checkFormat(sheet, "allowFormatCells", where);
  for (let r = x.r0; r <= x.r1; r++) {
    for (let c = x.c0; c <= x.c1; c++) {
      const nf = at(r, c);
      if (nf === null || nf === undefined) continue;
      if (typeof nf !== "string") throw invalidArgument();
      const old = sheet.cell(r, c);
      env.wb.setCell(sheet, r, c, { ...(old ?? {}), nf: nf === "" || nf === "General" ? undefined : nf });
    }
  }
}

export function clearRange(env: Env, sheet: SheetModel, x: Rect, applyTo: string, where: string, changes: Change[] | null): void {
  const contents = applyTo !== "Formats";
  const formats = applyTo === "All" || applyTo === "Formats";
  if (contents) checkContent(sheet, x, where);
  if (formats) checkFormat(sheet, "allowFormatCells", where);
  const keys: number[] = [];
  const big = rows(x) * cols(x) > sheet.cells.size;
  if (big) {
    for (const k of sheet.cells.keys()) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1) keys.push(k);
    }
  } else {
    for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (sheet.cells.has(key(r, c))) keys.push(key(r, c));
  }
  for (const k of keys) {
    const r = keyRow(k);
    const c = keyCol(k);
    const old = sheet.cell(r, c);
    if (!old) continue;
    const next: Cell = contents ? {} : { ...old };
    if (!formats && old.nf !== undefined) next.nf = old.nf;
    if (formats) delete next.nf;
    env.wb.setCell(sheet, r, c, next);
  }
  if (formats) {
    env.wb.setFormat(sheet, x, "fill", null);
    env.wb.setFormat(sheet, x, "fontBold", false);
    env.wb.setFormat(sheet, x, "fontItalic", false);
    env.wb.setFormat(sheet, x, "fontColor", "#000000");
  }
  if (contents) {
    fixHeaders(env, sheet, x);
    changes?.push({ sheet, rect: x, changeType: "RangeEdited" });
  }
}

// ---- data validation ----------------------------------------------------------

export function validationAt(sheet: SheetModel, r: number, c: number): ValidationModel | undefined {
  return sheet.validations.find((v) => contains(v.rect, r, c));
}

/**
 * The items of a list rule's source: a comma-separated list (`"Increase,Decrease"`, items
 * trimmed) or a reference (`"=$A$1:$A$5"`, `"=Lists!A1:A5"`, the cells' values). Null for a
 * source the host cannot resolve (a formula, a name).
 */
export function listItems(env: Env, sheet: SheetModel, source: unknown): string[] | null {
  if (typeof source !== "string") return null;
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim());
  let p: Address;
  try {
    p = addressArgument(source.slice(1).replace(/\$/g, ""));
  } catch {
    return null;
  }
  const target = p.sheet === null ? sheet : env.wb.sheetByName(p.sheet);
  if (!target) return null;
  const out: string[] = [];
  for (let r = p.rect.r0; r <= p.rect.r1; r++) for (let c = p.rect.c0; c <= p.rect.c1; c++) out.push(textOfShown(env.calc.value(target, r, c)));
  return out;
}

function textOfShown(v: Shown): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** Whether a value (typed text or a cell's value) is in a list rule's items; case-insensitive. */
function inList(items: readonly string[], v: unknown): boolean {
  const t = textOfShown(v as Shown)
    .trim()
    .toLowerCase();
  return items.some((i) => i.toLowerCase() === t);
}

/**
 * What a cell's data validation says about a value a user types: null when it is
 * accepted, else the Stop alert's title and message. Only list rules are checked;
 * Warning and Information alerts let the user keep the value (the host answers Yes / OK),
 * `showAlert: false` shows nothing. Typing nothing (clearing) is not validated.
 */
export function typedRefusal(env: Env, sheet: SheetModel, r: number, c: number, typed: unknown): { title: string; message: string } | null {
  if (typed === null || typed === undefined || typed === "") return null;
  const v = validationAt(sheet, r, c);
  const list = v?.rule.list as { source?: unknown } | undefined;
  if (!v || !list) return null;
  const alert = v.errorAlert ?? {};
  if (alert.showAlert === false) return null;
  const style = alert.style ?? "Stop";
  if (style !== "Stop") return null;
  const items = listItems(env, sheet, list.source);
  if (items === null || inList(items, typeof typed === "string" && typed.startsWith("'") ? typed.slice(1) : typed)) return null;
  const message = typeof alert.message === "string" && alert.message !== "" ? alert.message : Message.validationStop;
  const title = typeof alert.title === "string" && alert.title !== "" ? alert.title : "Microsoft Excel";
  return { title, message };
}

/**
 * `DataValidation.valid` for a range: true when every cell satisfies its list rule (blank cells
 * when `ignoreBlanks`), false when none does, null when mixed. Cells without a list rule count as valid.
 */
export function rangeValid(env: Env, sheet: SheetModel, x: Rect): boolean | null {
  let ok = 0;
  let bad = 0;
  for (let r = x.r0; r <= x.r1; r++) {
    for (let c = x.c0; c <= x.c1; c++) {
      const v = validationAt(sheet, r, c);
      const list = v?.rule.list as { source?: unknown } | undefined;
      const items = v && list ? listItems(env, sheet, list.source) : null;
      const value = env.calc.value(sheet, r, c);
      if (!v || items === null || (value === "" ? v.ignoreBlanks : inList(items, value))) ok++;
      else bad++;
    }
  }
  return bad === 0 ? true : ok === 0 ? false : null;
}

// ---- sheets -------------------------------------------------------------------

const BAD_SHEET_CHARS = /[:\\/?*[\]]/;

export function checkSheetName(wb: WorkbookModel, name: unknown, self: SheetModel | null): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    BAD_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw invalidArgument(`The sheet name "${String(name)}" is not valid.`);
  }
  const other = wb.sheetByName(name);
  if (other && other !== self) throw new HostError(ErrorCode.itemAlreadyExists, "A resource with the same name or identifier already exists.");
  return name;
}

export function addSheet(wb: WorkbookModel, id: string, name: string | undefined): SheetModel {
  checkStructure(wb, "WorksheetCollection.add");
  let n = name;
  if (n === undefined || n === null) {
    let i = 1;
    while (wb.sheetByName(`Sheet${i}`)) i++;
    n = `Sheet${i}`;
  }
  const sheet = new SheetModel(id, checkSheetName(wb, n, null));
  wb.insertAt(wb.sheets, wb.sheets.length, sheet);
  if (wb.activeSheetId === null) wb.setField(wb, "activeSheetId", sheet.id);
  return sheet;
}

function visibleSheets(wb: WorkbookModel): SheetModel[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

export function setVisibility(wb: WorkbookModel, sheet: SheetModel, v: unknown): void {
  if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw invalidArgument();
  if (v === sheet.visibility) return;
  checkStructure(wb, "Worksheet.visibility");
  if (v !== "Visible" && sheet.visibility === "Visible" && visibleSheets(wb).length === 1) {
    throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
  }
  wb.setField(sheet, "visibility", v);
  if (v !== "Visible" && wb.activeSheetId === sheet.id) wb.setField(wb, "activeSheetId", visibleSheets(wb)[0]?.id ?? null);
}

export function deleteSheet(wb: WorkbookModel, sheet: SheetModel): void {
  checkStructure(wb, "Worksheet.delete");
  if (sheet.visibility === "Visible" && visibleSheets(wb).length === 1) {
    throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.delete");
  }
  for (let i = wb.tables.length - 1; i >= 0; i--) if (wb.tables[i].sheet === sheet) wb.removeAt(wb.tables, i);
  wb.removeAt(wb.sheets, wb.sheets.indexOf(sheet));
  if (wb.activeSheetId === sheet.id) wb.setField(wb, "activeSheetId", visibleSheets(wb)[0]?.id ?? null);
  if (wb.selection?.sheetId === sheet.id) wb.setField(wb, "selection", null);
}

export function protectSheet(sheet: SheetModel, wb: WorkbookModel, options: unknown, password: unknown): void {
  if (sheet.protection.protected) {
    // Documented: "Fails if the worksheet has already been protected." Code as reported in OfficeDev/office-js#6784.
    throw new HostError(ErrorCode.accessDenied, Message.alreadyProtected, "WorksheetProtection.protect");
  }
  const opts = { ...sheet.protection.options };
  if (options !== undefined && options !== null) {
    if (typeof options !== "object") throw invalidArgument();
    for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
      if (!(k in opts)) throw invalidArgument(Message.invalidArgument, "WorksheetProtection.protect");
      (opts as Record<string, unknown>)[k] = v;
    }
  }
  wb.setField(sheet, "protection", {
    protected: true,
    password: typeof password === "string" && password !== "" ? password : null,
    options: opts,
  });
}

/**
 * Unprotects a sheet. A sheet protected without a password is unprotected whatever password is
 * given ("If the sheet or workbook isn't protected with a password, this argument is ignored",
 * Worksheet.Unprotect; OfficeDev/office-js#762 does it from Office.js).
 */
export function unprotectSheet(sheet: SheetModel, wb: WorkbookModel, password: unknown): void {
  if (!sheet.protection.protected) return;
  const pw = sheet.protection.password;
  if (pw !== null && password !== pw) throw wrongPassword(wb, "WorksheetProtection.unprotect");
  wb.setField(sheet, "protection", { ...sheet.protection, protected: false, password: null });
}

// ---- tables -------------------------------------------------------------------

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]{1,7}|[Rr]([0-9]*)?([Cc][0-9]*)?)$/;

export function checkTableName(wb: WorkbookModel, name: unknown, self: TableModel | null): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255 || !TABLE_NAME.test(name) || CELL_LIKE.test(name)) {
    throw invalidArgument(`The table name "${String(name)}" is not valid.`, "Table.name");
  }
  const other = wb.tableByName(name);
  if (other && other !== self) throw new HostError(ErrorCode.itemAlreadyExists, "A table with the same name already exists.", "Table.name");
  return name;
}

/** Makes header cells unique, non-blank text (Column1, Name2 …), as Excel does. */
export function fixHeaders(env: Env, sheet: SheetModel, x: Rect | null): void {
  for (const t of env.wb.tables) {
    if (t.sheet !== sheet) continue;
    if (x && (t.rect.r0 < x.r0 || t.rect.r0 > x.r1 || t.rect.c1 < x.c0 || t.rect.c0 > x.c1)) continue;
    const seen = new Set<string>();
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = sheet.cell(t.rect.r0, c);
      let name = cell?.f !== undefined ? cell.f : headerText(cell?.v);
      if (name.trim() === "") {
        let i = c - t.rect.c0 + 1;
        while (seen.has(`column${i}`)) i++;
        name = `Column${i}`;
      }
      if (seen.has(name.toLowerCase())) {
        let i = 2;
        while (seen.has(`${name}${i}`.toLowerCase())) i++;
        name = `${name}${i}`;
      }
      seen.add(name.toLowerCase());
      if (cell?.v !== name || cell?.f !== undefined) env.wb.setCell(sheet, t.rect.r0, c, { ...(cell?.nf !== undefined ? { nf: cell.nf } : {}), v: name });
    }
  }
}

export function addTable(env: Env, sheet: SheetModel, x: Rect, hasHeaders: boolean, id: string): TableModel {
  const wb = env.wb;
  checkFormat(sheet, null, "TableCollection.add");
  let area = x;
  if (!hasHeaders) {
    if (x.r0 === 0) throw invalidOperation("The host adds the header row above the range and cannot do so in row 1.", "TableCollection.add");
    area = rect(x.r0 - 1, x.c0, x.r1, x.c1);
    for (let c = x.c0; c <= x.c1; c++)
      if (sheet.hasContent(area.r0, c)) throw invalidOperation("The row above the range must be empty.", "TableCollection.add");
  }
  if (rows(area) === 1) area = rect(area.r0, area.c0, area.r0 + 1, area.c1); // Excel adds one empty data row
  if (wb.tablesIntersecting(sheet, area).length > 0) throw invalidArgument("A table can't overlap another table.", "TableCollection.add");
  let n = 1;
  while (wb.tableByName(`Table${n}`)) n++;
  const table: TableModel = {
    id,
    name: `Table${n}`,
    sheet,
    rect: area,
    columnIds: Array.from({ length: cols(area) }, (_, i) => i + 1),
    nextColumnId: cols(area) + 1,
    showTotals: false,
    style: "TableStyleMedium2",
  };
  wb.insertAt(wb.tables, wb.tables.length, table);
  if (!hasHeaders) for (let c = area.c0; c <= area.c1; c++) wb.setCell(sheet, area.r0, c, { v: `Column${c - area.c0 + 1}` });
  fixHeaders(env, sheet, area);
  return table;
}

/** Moves cells in columns c0..c1 at or below row `from` down by n (a table row insert). */
function shiftDown(env: Env, sheet: SheetModel, c0: number, c1: number, from: number, n: number): void {
  const moving: Array<[number, number, Cell]> = [];
  for (const [k, cell] of sheet.cells) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (r >= from && c >= c0 && c <= c1) moving.push([r, c, cell]);
  }
  if (moving.some(([r]) => r + n >= MAX_ROWS))
    throw new HostError(ErrorCode.invalidOperation, "The operation would push non-empty cells off the end of the worksheet.");
  moving.sort((a, b) => b[0] - a[0]);
  for (const [r, c, cell] of moving) {
    env.wb.setCell(sheet, r, c, undefined);
    env.wb.setCell(sheet, r + n, c, cell);
  }
  for (const t of env.wb.tables) {
    if (t.sheet !== sheet || t.rect.r0 < from) continue;
    if (t.rect.c0 < c0 || t.rect.c1 > c1) {
      if (t.rect.c1 >= c0 && t.rect.c0 <= c1) throw invalidOperation("This operation would move part of another table.");
      continue;
    }
    env.wb.setField(t, "rect", rect(t.rect.r0 + n, t.rect.c0, t.rect.r1 + n, t.rect.c1));
  }
}

/** Moves cells in rows r0..r1 at or right of column `from` right by n (a table column insert). */
function shiftRight(env: Env, sheet: SheetModel, r0: number, r1: number, from: number, n: number): void {
  const moving: Array<[number, number, Cell]> = [];
  for (const [k, cell] of sheet.cells) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (c >= from && r >= r0 && r <= r1) moving.push([r, c, cell]);
  }
  if (moving.some(([, c]) => c + n >= MAX_COLUMNS)) throw invalidOperation("The operation would push non-empty cells off the end of the worksheet.");
  moving.sort((a, b) => b[1] - a[1]);
  for (const [r, c, cell] of moving) {
    env.wb.setCell(sheet, r, c, undefined);
    env.wb.setCell(sheet, r, c + n, cell);
  }
}

export function addTableRows(env: Env, t: TableModel, index: unknown, values: unknown, changes: Change[]): number {
  checkFormat(t.sheet, null, "TableRowCollection.add");
  const dataRows = t.rect.r1 - t.rect.r0;
  const width = cols(t.rect);
  let n = 1;
  if (values !== undefined && values !== null) {
    if (!Array.isArray(values) || values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw invalidArgument(Message.dimensions, "TableRowCollection.add");
    }
    n = values.length;
  }
  let at = dataRows;
  if (index !== undefined && index !== null) {
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > dataRows)
      throw invalidArgument(Message.invalidArgument, "TableRowCollection.add");
    at = index;
  }
  const insertRow = t.rect.r0 + 1 + at;
  shiftDown(env, t.sheet, t.rect.c0, t.rect.c1, insertRow, n);
  env.wb.setField(t, "rect", rect(t.rect.r0, t.rect.c0, t.rect.r1 + n, t.rect.c1));
  const x = rect(insertRow, t.rect.c0, insertRow + n - 1, t.rect.c1);
  if (values !== undefined && values !== null) writeCells(env, t.sheet, x, values, "TableRowCollection.add", null);
  changes.push({ sheet: t.sheet, rect: x, changeType: "RowInserted" });
  return at;
}

export function deleteTableRows(env: Env, t: TableModel, index: number, count: number, changes: Change[]): void {
  checkFormat(t.sheet, null, "TableRow.delete");
  const dataRows = t.rect.r1 - t.rect.r0;
  if (!Number.isInteger(index) || index < 0 || count < 1 || index + count > dataRows) throw invalidArgument(Message.invalidArgument, "TableRow.delete");
  const r0 = t.rect.r0 + 1 + index;
  const r1 = r0 + count - 1;
  for (const [k] of [...t.sheet.cells]) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (r >= r0 && r <= r1 && c >= t.rect.c0 && c <= t.rect.c1) env.wb.setCell(t.sheet, r, c, undefined);
  }
  const moving: Array<[number, number, Cell]> = [];
  for (const [k, cell] of t.sheet.cells) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (r > r1 && c >= t.rect.c0 && c <= t.rect.c1) moving.push([r, c, cell]);
  }
  moving.sort((a, b) => a[0] - b[0]);
  for (const [r, c, cell] of moving) {
    env.wb.setCell(t.sheet, r, c, undefined);
    env.wb.setCell(t.sheet, r - count, c, cell);
  }
  // A table keeps at least one (empty) data row.
  const remaining = dataRows - count;
  env.wb.setField(t, "rect", rect(t.rect.r0, t.rect.c0, t.rect.r0 + Math.max(1, remaining), t.rect.c1));
  changes.push({ sheet: t.sheet, rect: rect(r0, t.rect.c0, r1, t.rect.c1), changeType: "RowDeleted" });
}

export function addTableColumn(env: Env, t: TableModel, index: unknown, values: unknown, name: unknown, changes: Change[]): number {
  checkFormat(t.sheet, null, "TableColumnCollection.add");
  const width = cols(t.rect);
  const height = rows(t.rect);
  let at = width;
  if (index !== undefined && index !== null) {
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > width)
      throw invalidArgument(Message.invalidArgument, "TableColumnCollection.add");
    at = index;
  }
  if (values !== undefined && values !== null) {
    if (!Array.isArray(values) || values.length !== height || values.some((row) => !Array.isArray(row) || row.length !== 1)) {
      throw invalidArgument(Message.dimensions, "TableColumnCollection.add");
    }
  }
  const col = t.rect.c0 + at;
  shiftRight(env, t.sheet, t.rect.r0, t.rect.r1, col, 1);
  env.wb.setField(t, "rect", rect(t.rect.r0, t.rect.c0, t.rect.r1, t.rect.c1 + 1));
  const ids = [...t.columnIds];
  ids.splice(at, 0, t.nextColumnId);
  env.wb.setField(t, "columnIds", ids);
  env.wb.setField(t, "nextColumnId", t.nextColumnId + 1);
  const x = rect(t.rect.r0, col, t.rect.r1, col);
  if (values !== undefined && values !== null) writeCells(env, t.sheet, x, values, "TableColumnCollection.add", null);
  // Office.js types the name as a string; the client sends what the caller gave.
  const header = name as Scalar | null | undefined;
  if (header !== undefined && header !== null) env.wb.setCell(t.sheet, t.rect.r0, col, { v: String(header) });
  fixHeaders(env, t.sheet, x);
  changes.push({ sheet: t.sheet, rect: x, changeType: "ColumnInserted" });
  return at;
}

export function tableColumnIndex(wb: WorkbookModel, t: TableModel, keyOrName: unknown): number {
  if (typeof keyOrName === "number") return t.columnIds.indexOf(keyOrName);
  const s = String(keyOrName);
  const byName = tableColumnNames(wb, t).findIndex((n) => n.toLowerCase() === s.toLowerCase());
  if (byName >= 0) return byName;
  return /^\d+$/.test(s) ? t.columnIds.indexOf(Number(s)) : -1;
}

export function tableAddress(t: TableModel): string {
  return rangeAddress(t.sheet.name, t.rect);
}

export function intersects(a: Rect, b: Rect): boolean {
  return intersect(a, b) !== null;
}
