/**
 * Reading a workbook file for the command line: the checks that turn a bad file into
 * one clear line (not a workbook, truncated, encrypted, empty, no goals), then exceljs,
 * then the tables the engine reads (every `Goals*` table, `CheckIns`, the metadata
 * sheet's `GoalMeta` and `GoalAudit`) as src/core `TableData`. Nothing here computes
 * a goal: src/core does.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook, Worksheet } from "exceljs";
import { parseCellRange } from "../core/a1";
import { INPUT_COLUMNS, headerOf } from "../core/columns";
import { DateSystem, dayFromDate, serialFromDay } from "../core/dates";
import { HeaderMapping, headerText, proposeMapping } from "../core/headers";
import { AUDIT_COLUMNS, AUDIT_TABLE, META_SHEET, META_TABLE, Meta, emptyMeta, readMeta } from "../core/meta";
import { TableData, WorkbookInput, checkInTable, goalTable, isCheckInTableName, isGoalTableName, workbookInput } from "../core/tables";
import { CsvError, parseCsv } from "./csv";
import { FileError, oneLine } from "./errors";
import { keepValidationRangesWhole } from "./exceljs-patch";
import { DEFAULT_LIMITS, PackageError, normalisePackage } from "./package";

keepValidationRangesWhole();

/** Where the goals of one table (or plain sheet range) come from. */
export interface GoalSource {
  table: TableData;
  mapping: HeaderMapping;
  kind: "table" | "sheet";
  /** Headers of a plain sheet that matched only weakly and were not read. */
  ignored: string[];
}

export interface SourceWorkbook {
  /** The file as named on the command line. */
  file: string;
  path: string;
  sources: GoalSource[];
  checkIns: TableData | null;
  meta: Meta;
  hasMeta: boolean;
  /** GoalAudit rows in AUDIT_COLUMNS order, blank rows left out. */
  auditRows: unknown[][];
  dateSystem: DateSystem;
  /** The workbook's own "modified" property (docProps/core.xml), if any. */
  modified: Date | null;
  mtime: Date;
  input: WorkbookInput;
  /** For each goal of `input.goals`: its source and its index in that table's rows. */
  origin: { source: number; row: number }[];
}

export interface ReadOptions {
  sheet?: string;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from("PK\x03\x04", "latin1");
const ZIP_EMPTY = Buffer.from("PK\x05\x06", "latin1");
const ZIP_END = Buffer.from("PK\x05\x06", "latin1");

/** The file's bytes, or a FileError saying plainly why there are none. */
async function readBytes(file: string, full: string): Promise<Buffer> {
  let st;
  try {
    st = await fs.stat(full);
  } catch (e) {
    throw new FileError(file, systemReason(e));
  }
  if (st.isDirectory()) throw new FileError(file, "is a directory, not a workbook file");
  if (!st.isFile()) throw new FileError(file, "is not a regular file");
  if (st.size === 0) throw new FileError(file, "is empty (0 bytes)");
  if (st.size > DEFAULT_LIMITS.fileBytes)
    throw new FileError(
      file,
      `is ${Math.round(st.size / 2 ** 20).toLocaleString("en-US")} MB, more than the ${Math.round(DEFAULT_LIMITS.fileBytes / 2 ** 20)} MB a goal workbook may be; split it into smaller workbooks`,
    );
  try {
    return await fs.readFile(full);
  } catch (e) {
    throw new FileError(file, systemReason(e));
  }
}

export function systemReason(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a workbook file";
    case "ENOTDIR":
      return "a folder in the path is not a folder";
    default:
      return `cannot be read (${code || oneLine(e instanceof Error ? e.message : String(e))})`;
  }
}

/**
 * The names of the streams and storages of an OLE compound file (the container of
 * .xls files and of Excel's encrypted .xlsx): its 128-byte directory entries, whose
 * name length field must match the name. Text inside a stream (a cell that reads
 * "EncryptionInfo") is not a directory entry.
 */
export function oleEntryNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512) return names;
  const shift = bytes.readUInt16LE(30);
  const sector = shift === 9 || shift === 12 ? 1 << shift : 512;
  for (let at = sector; at + 128 <= bytes.length; at += 128) {
    const length = bytes.readUInt16LE(at + 64);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (bytes.readUInt16LE(at + length - 2) !== 0) continue;
    const name = bytes.toString("utf16le", at, at + length - 2);
    if (!name.includes("\u0000")) names.add(name);
  }
  return names;
}

const NOT_XLSX = "not an Excel workbook (.xlsx)";
const SAVE_AS_XLSX = "open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)";

/** Looks at the bytes before the package layer does: the reasons a file is not a readable .xlsx. */
export function sniff(bytes: Buffer): string | null {
  if (bytes.length === 0) return "is empty (0 bytes)";
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    // Excel's encrypted .xlsx is an OLE compound file with these two streams.
    const names = oleEntryNames(bytes);
    if (names.has("EncryptedPackage") && names.has("EncryptionInfo")) return "is password-protected (encrypted); save an unprotected copy";
    return `is an Excel 97-2003 workbook (.xls) or another old Office file, not .xlsx; ${SAVE_AS_XLSX}`;
  }
  const head = bytes.subarray(0, 4);
  if (!head.equals(ZIP_LOCAL) && !head.equals(ZIP_EMPTY)) return NOT_XLSX;
  // OpenDocument files start with a stored `mimetype` part naming their kind.
  const start = bytes.subarray(0, 200).toString("latin1");
  if (start.includes("application/vnd.oasis.opendocument.spreadsheet"))
    return "is an OpenDocument spreadsheet (.ods), not .xlsx; in LibreOffice choose File > Save As > Excel 2007-365 (.xlsx), or in Excel save it as Excel Workbook (.xlsx)";
  if (start.includes("application/vnd.oasis.opendocument")) return "is an OpenDocument file, not an Excel workbook (.xlsx)";
  // A complete zip ends with its end-of-central-directory record (22 bytes + comment ≤ 65,535).
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557));
  const end = tail.lastIndexOf(ZIP_END);
  if (end < 0 || end + 22 > tail.length) return "is truncated or damaged (the .xlsx archive is incomplete)";
  if (!bytes.includes(Buffer.from("workbook.xml", "latin1")) && bytes.includes(Buffer.from("xl/workbook.bin", "latin1")))
    return "is a binary workbook (.xlsb); save it as an Excel Workbook (.xlsx)";
  return null;
}

function isCsvName(file: string): boolean {
  return /\.csv$/i.test(file.trim());
}

/** A CSV file as a workbook of one sheet named after the file (as Excel names it). */
function csvWorkbook(file: string, bytes: Buffer): Workbook {
  let sheet;
  try {
    sheet = parseCsv(bytes);
  } catch (e) {
    if (e instanceof CsvError) throw new FileError(file, e.reason);
    throw e;
  }
  const workbook = new Workbook();
  const base = path.basename(file).replace(/\.csv$/i, "");
  const name =
    base
      .replace(/[\\/?*[\]:]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet1";
  const ws = workbook.addWorksheet(name === META_SHEET ? "Sheet1" : name);
  sheet.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  return workbook;
}

/** What the command line knows about a file besides exceljs's model of it. */
export interface LoadedFile {
  workbook: Workbook;
  full: string;
  mtime: Date;
  format: "xlsx" | "csv";
  /** Declared ranges the package layer clamped to the cells present (`Goals: A1:T99999999 → A1:T5`). */
  clamped: string[];
}

/** Reads a file through the package layer (or as CSV) and exceljs; every failure becomes a FileError. */
export async function loadWorkbook(file: string, cwd: string): Promise<LoadedFile> {
  const full = path.resolve(cwd, file);
  const bytes = await readBytes(file, full);
  const bad = sniff(bytes);
  let workbook: Workbook;
  let clamped: string[] = [];
  let format: LoadedFile["format"] = "xlsx";
  if (bad === NOT_XLSX && isCsvName(file)) {
    workbook = csvWorkbook(file, bytes);
    format = "csv";
  } else {
    if (bad) throw new FileError(file, bad);
    let pkg;
    try {
      pkg = normalisePackage(bytes);
    } catch (e) {
      if (e instanceof PackageError) throw new FileError(file, e.reason);
      throw new FileError(file, "cannot be read as a workbook; open it in Excel and save it again");
    }
    clamped = pkg.clamped;
    workbook = new Workbook();
    try {
      // exceljs's type names its own Buffer; Node's Buffer is what it reads.
      await workbook.xlsx.load(Buffer.from(pkg.zip.buffer, pkg.zip.byteOffset, pkg.zip.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch {
      // The package layer hands exceljs only canonical parts; a failure here is a file it could not make sense of.
      throw new FileError(file, "cannot be read as a workbook (its cells are not as Excel writes them); open it in Excel and save it again");
    }
  }
  const st = await fs.stat(full);
  return { workbook, full, mtime: st.mtime, format, clamped };
}

// ---- exceljs tables → TableData ----

interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

interface SheetTables {
  tables?: Record<string, { table?: TableModel; model?: TableModel }>;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B2:D10` (or `B2`) → 1-based box. */
export function parseRef(ref: string): Box | null {
  const x = parseCellRange(ref.trim());
  return x && { top: x.r0 + 1, left: x.c0 + 1, bottom: x.r1 + 1, right: x.c1 + 1 };
}

function cellValue(ws: Worksheet, row: number, col: number): unknown {
  const v = ws.findCell(row, col)?.value;
  return v === undefined ? null : v;
}

/** A Date cell as the Excel serial Office.js would hand over (time of day as the fraction). */
export function dateToSerial(v: unknown, system: DateSystem): unknown {
  if (!(v instanceof Date)) return v;
  const day = dayFromDate(v);
  if (day === null) return v;
  const fraction = (v.getTime() - day * 86_400_000) / 86_400_000;
  return serialFromDay(day, system) + fraction;
}

function withSerials(t: TableData, system: DateSystem): TableData {
  return { ...t, rows: t.rows.map((r) => r.map((v) => dateToSerial(v, system))) };
}

function rowValues(ws: Worksheet, row: number, left: number, right: number): unknown[] {
  const out: unknown[] = new Array(right - left + 1);
  for (let c = left; c <= right; c++) out[c - left] = cellValue(ws, row, c);
  return out;
}

interface FoundTable {
  name: string;
  sheet: Worksheet;
  data: TableData;
  box: Box;
}

function tablesOf(ws: Worksheet): FoundTable[] {
  const found: FoundTable[] = [];
  const tables = (ws as unknown as SheetTables).tables ?? {};
  for (const [key, t] of Object.entries(tables)) {
    const model = t.table ?? t.model;
    if (!model) continue;
    const name = model.name ?? model.displayName ?? key;
    const box = parseRef(model.tableRef ?? model.ref ?? "");
    if (!box) continue;
    const hasHeader = model.headerRow !== false;
    const first = hasHeader ? box.top + 1 : box.top;
    const last = model.totalsRow ? box.bottom - 1 : box.bottom;
    const headers = hasHeader ? rowValues(ws, box.top, box.left, box.right) : (model.columns ?? []).map((c) => c.name ?? "");
    const rows: unknown[][] = [];
    for (let r = first; r <= last; r++) rows.push(rowValues(ws, r, box.left, box.right));
    found.push({ name, sheet: ws, box, data: { name, sheet: ws.name, headerRow: first - 1, firstColumn: box.left - 1, headers, rows } });
  }
  found.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  return found;
}

function isBlankValue(v: unknown): boolean {
  return headerText(v) === "";
}

/** The first sheet rows scanned for a header row. */
const HEADER_SCAN_ROWS = 20;

/**
 * A plain sheet's goal range: the first of its top rows whose headers give at least
 * `minStrong` strong matches (and, unless picked with --sheet, ID or Title among
 * them); data runs down to the first blank row. Weak matches are not read.
 */
function plainGoalRange(ws: Worksheet, picked: boolean): GoalSource | null {
  const lastRow = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= lastRow; r++) {
    const span = headerSpan(ws, r);
    if (!span) continue;
    const { left, right } = span;
    const headers = rowValues(ws, r, left, right);
    const mapping = proposeMapping(headers);
    const strong = mapping.matches.filter((m) => m.confidence === "strong");
    const keys = new Set(strong.map((m) => m.key));
    const ok = picked ? strong.length >= 1 : strong.length >= 3 && (keys.has("id") || keys.has("title"));
    if (!ok) continue;
    const rows: unknown[][] = [];
    for (let d = r + 1; d <= ws.rowCount; d++) {
      const values = rowValues(ws, d, left, right);
      if (values.every(isBlankValue)) break;
      rows.push(values);
    }
    // Weak matches are not read, and not lost either: they stay the user's columns (kept by consolidate).
    const weak = mapping.matches.filter((m) => m.confidence === "weak");
    const unmapped = [
      ...mapping.unmapped,
      ...weak.map((m) => ({ source: m.source, header: m.header, reason: `a weak match for ${headerOf(m.key)}, not read` })),
    ].sort((a, b) => a.source - b.source);
    const missing = INPUT_COLUMNS.map((c) => c.key).filter((k) => !strong.some((m) => m.key === k));
    return {
      table: { name: ws.name, sheet: ws.name, headerRow: r, firstColumn: left - 1, headers, rows },
      mapping: { matches: strong, computed: mapping.computed, unmapped, missing },
      kind: "sheet",
      ignored: weak.map((m) => m.header),
    };
  }
  return null;
}

/** A plain CheckIns sheet (no table): its first non-blank row is the header row. */
function plainCheckIns(ws: Worksheet): TableData | null {
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); r++) {
    const span = headerSpan(ws, r);
    if (!span) continue;
    const { left, right } = span;
    const rows: unknown[][] = [];
    for (let d = r + 1; d <= ws.rowCount; d++) rows.push(rowValues(ws, d, left, right));
    return { name: ws.name, sheet: ws.name, headerRow: r, firstColumn: left - 1, headers: rowValues(ws, r, left, right), rows };
  }
  return null;
}

/** Blank header cells that end a plain sheet's header row (docs/cli.md): a stray cell far right is not a column. */
export const HEADER_GAP = 10;

/**
 * A plain sheet's header row: from its first filled cell to the last one before a run
 * of more than HEADER_GAP blank cells. Only the cells present are looked at, so a cell
 * at XFD1 costs nothing and does not make every row 16,384 cells wide.
 */
function headerSpan(ws: Worksheet, r: number): { left: number; right: number } | null {
  const filled: number[] = [];
  ws.findRow(r)?.eachCell({ includeEmpty: false }, (cell, col) => {
    if (!isBlankValue(cell.value)) filled.push(col);
  });
  if (filled.length === 0) return null;
  filled.sort((a, b) => a - b);
  let right = filled[0];
  for (const c of filled) {
    if (c - right - 1 > HEADER_GAP) break;
    right = c;
  }
  return { left: filled[0], right };
}

function columnIndex(headers: readonly unknown[], name: string, fallback: number): number {
  const i = headers.findIndex((h) => headerText(h).toLowerCase() === name.toLowerCase());
  return i >= 0 ? i : fallback;
}

/** Rows of a table picked by header name, in the order of `names`; blank rows left out. */
function columnsByName(t: TableData, names: readonly string[]): unknown[][] {
  const idx = names.map((n, i) => columnIndex(t.headers, n, i));
  return t.rows.filter((r) => !r.every(isBlankValue)).map((r) => idx.map((i) => (i < r.length ? r[i] : null)));
}

/** Reads a workbook file into what the engine and the commands need. */
export async function readWorkbook(file: string, cwd: string, options: ReadOptions = {}): Promise<SourceWorkbook> {
  const { workbook, full, mtime } = await loadWorkbook(file, cwd);
  const sheets = workbook.worksheets;
  if (options.sheet !== undefined && !sheets.some((s) => s.name === options.sheet))
    throw new FileError(file, `has no sheet named '${options.sheet}' (its sheets: ${sheets.map((s) => s.name).join(", ") || "none"})`);

  const sources: GoalSource[] = [];
  let checkIns: TableData | null = null;
  let metaTable: TableData | null = null;
  let auditTable: TableData | null = null;
  for (const ws of sheets) {
    for (const t of tablesOf(ws)) {
      if (isGoalTableName(t.name)) {
        if (options.sheet === undefined || ws.name === options.sheet)
          sources.push({ table: t.data, mapping: proposeMapping(t.data.headers), kind: "table", ignored: [] });
      } else if (isCheckInTableName(t.name)) checkIns ??= t.data;
      else if (t.name.toLowerCase() === META_TABLE.toLowerCase()) metaTable ??= t.data;
      else if (t.name.toLowerCase() === AUDIT_TABLE.toLowerCase()) auditTable ??= t.data;
    }
  }
  if (sources.length === 0) {
    const candidates = sheets.filter((ws) =>
      options.sheet === undefined ? ws.name !== META_SHEET && !isCheckInTableName(ws.name) : ws.name === options.sheet,
    );
    for (const ws of candidates) {
      const found = plainGoalRange(ws, options.sheet !== undefined);
      if (found) {
        sources.push(found);
        break;
      }
    }
  }
  if (sources.length === 0) {
    if (options.sheet !== undefined)
      throw new FileError(file, `sheet '${options.sheet}' has no goal table and no header row with goal columns (ID, Title, Owner, Target …)`);
    throw new FileError(file, "has no goals: no table named Goals… and no sheet whose header row has goal columns (ID, Title, Owner, Target …)");
  }
  if (!checkIns) {
    const ws = sheets.find((s) => isCheckInTableName(s.name));
    if (ws) checkIns = plainCheckIns(ws);
  }

  const dateSystem: DateSystem = workbook.properties?.date1904 ? 1904 : 1900;
  // exceljs hands date-formatted cells over as Dates; Office.js as serial numbers. Reading
  // them as serials here makes the command line see what the add-in sees (in every column,
  // so a date typed into a text or number column seals and scores the same on both sides).
  for (const s of sources) s.table = withSerials(s.table, dateSystem);
  if (checkIns) checkIns = withSerials(checkIns, dateSystem);
  const tables = sources.map((s) => goalTable(s.table, s.mapping));
  const origin: { source: number; row: number }[] = [];
  tables.forEach((t, si) => {
    for (const row of t.goalRows) origin.push({ source: si, row });
  });
  const meta = metaTable ? readMeta(columnsByName(metaTable, ["Key", "Value"])) : emptyMeta();
  const modified = workbook.modified instanceof Date && Number.isFinite(workbook.modified.getTime()) ? workbook.modified : null;
  return {
    file,
    path: full,
    sources,
    checkIns,
    meta,
    hasMeta: metaTable !== null,
    auditRows: auditTable ? columnsByName(auditTable, AUDIT_COLUMNS) : [],
    dateSystem,
    modified,
    mtime,
    input: workbookInput(tables, checkIns ? checkInTable(checkIns) : null, dateSystem),
    origin,
  };
}
