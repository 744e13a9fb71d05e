/**
 * Writing workbooks (init and consolidate) with exceljs: the `Goals` table with the
 * twenty input columns of model.md (plus user columns and `Source` for a
 * consolidation), validation lists and formats, the `CheckIns` table, and the very
 * hidden metadata sheet with `GoalMeta` and `GoalAudit`. Text is always written as
 * text, never as a formula (model.md "Writing cell values").
 */
import { columnLetters } from "../core/a1";
import { randomBytes } from "crypto";
import { Stats, promises as fs } from "fs";
import type { FileHandle } from "fs/promises";
import * as path from "path";
import { TableStyleProperties, Workbook, Worksheet } from "exceljs";
import { displayText, excelError, unwrap } from "../core/cells";
import { CHECKIN_COLUMNS, ColumnKey, DIRECTIONS, GOAL_TYPES, INPUT_COLUMNS, LEVELS, ROLLUP_MODES } from "../core/columns";
import { AUDIT_COLUMNS, AUDIT_TABLE, META_SHEET, META_TABLE } from "../core/meta";
import { FileError, oneLine } from "./errors";
import { systemReason } from "./read";

export const SOURCE_COLUMN = "Source";
export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0%";
export const TEXT_FORMAT = "@";

/** Rows below the data that still get validation lists, for goals typed in later. */
const SPARE_ROWS = 1000;

export type OutValue = string | number | boolean | Date | null | { error: string };

export interface GoalWorkbookSpec {
  /** User columns after the twenty input columns, in order. */
  userColumns: readonly string[];
  /** Add a `Source` column (consolidate). */
  source: boolean;
  /** Goal rows: the twenty input columns, then the user columns, then Source. */
  goals: readonly (readonly OutValue[])[];
  /** Check-in rows: Goal ID, Date, Value, Confidence, Comment, then Source. */
  checkIns: readonly (readonly OutValue[])[];
  /** Weight as a percentage (init, or weights that are all fractions). */
  weightPercent: boolean;
  metaRows: readonly (readonly [string, string | number])[];
  auditRows: readonly (readonly OutValue[])[];
  /** The numbers of rows the validations cover, when `goals` and `checkIns` are only samples (xlsx-stream.ts). */
  rowCounts?: { goals: number; checkIns: number };
}

const FORMATS: Partial<Record<ColumnKey, string>> = {
  id: TEXT_FORMAT,
  parent: TEXT_FORMAT,
  start: DATE_FORMAT,
  due: DATE_FORMAT,
  cycle: TEXT_FORMAT,
};

const WIDTHS: Partial<Record<ColumnKey, number>> = {
  id: 10,
  title: 36,
  type: 12,
  level: 12,
  parent: 12,
  owner: 18,
  weight: 9,
  unit: 9,
  direction: 11,
  start: 12,
  due: 12,
  cycle: 10,
  source: 24,
  rollup: 10,
  comment: 30,
};

const LISTS: Partial<Record<ColumnKey, readonly string[]>> = {
  type: GOAL_TYPES,
  level: LEVELS,
  direction: DIRECTIONS,
  rollup: ROLLUP_MODES,
};

interface Validations {
  add(address: string, validation: object): void;
}

function validations(ws: Worksheet): Validations {
  return (ws as unknown as { dataValidations: Validations }).dataValidations;
}

/**
 * A cell value as it should land in a new workbook: formulas give their cached
 * result, rich text and hyperlinks their text, Excel errors stay errors.
 */
export function plainValue(raw: unknown): OutValue {
  const v = unwrap(raw);
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    const err = excelError(v);
    // An error the cell held (not text that happens to read "#N/A") stays an error value.
    if (err !== null && typeof raw === "object" && raw !== null) return { error: err };
    return v;
  }
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v : null;
  return displayText(v);
}

function addTable(
  ws: Worksheet,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly OutValue[])[],
  ref = "A1",
  theme: TableStyleProperties["theme"] = "TableStyleMedium2",
): void {
  ws.addTable({
    name,
    displayName: name,
    ref,
    headerRow: true,
    totalsRow: false,
    style: { theme, showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    // A table always has at least one data row in Excel; an empty one gets a blank row.
    rows: rows.length > 0 ? rows.map((r) => headers.map((_, i) => (i < r.length ? r[i] : null))) : [headers.map(() => null)],
  });
}

function listValidation(values: readonly string[], title: string): object {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    // A warning, not a stop: the reader also takes synonyms such as "up" or "≥" (model.md).
    errorStyle: "warning",
    errorTitle: title,
    error: `Choose one of: ${values.join(", ")}`,
  };
}

function goalsSheet(wb: Workbook, spec: GoalWorkbookSpec): void {
  const ws = wb.addWorksheet("Goals", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const headers: string[] = [...INPUT_COLUMNS.map((c) => c.header), ...spec.userColumns, ...(spec.source ? [SOURCE_COLUMN] : [])];
  const lastRow = 1 + Math.max(1, spec.rowCounts?.goals ?? spec.goals.length) + SPARE_ROWS;
  INPUT_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = WIDTHS[c.key] ?? 10;
    const fmt = c.key === "weight" ? (spec.weightPercent ? PERCENT_FORMAT : undefined) : FORMATS[c.key];
    if (fmt) col.numFmt = fmt;
    const list = LISTS[c.key];
    const range = `${columnLetters(i)}2:${columnLetters(i)}${lastRow}`;
    if (list) validations(ws).add(range, listValidation(list, c.header));
    if (c.key === "weight")
      validations(ws).add(range, {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "Weight",
        error: "Weight is a number ≥ 0 (40% and 0.4 are the same)",
      });
    if (c.key === "start" || c.key === "due")
      validations(ws).add(range, {
        type: "date",
        operator: "greaterThan",
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: c.header,
        error: "Enter a date such as 2026-06-30",
      });
  });
  for (let i = 0; i < spec.userColumns.length; i++) ws.getColumn(INPUT_COLUMNS.length + i + 1).width = 14;
  if (spec.source) ws.getColumn(headers.length).width = 24;
  addTable(ws, "Goals", headers, spec.goals);
}

function checkInsSheet(wb: Workbook, spec: GoalWorkbookSpec): void {
  const ws = wb.addWorksheet("CheckIns", { views: [{ state: "frozen", ySplit: 1 }] });
  const headers: string[] = [...CHECKIN_COLUMNS.map((c) => c.header), ...(spec.source ? [SOURCE_COLUMN] : [])];
  const widths = [10, 12, 10, 11, 36, 24];
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 14));
  ws.getColumn(1).numFmt = TEXT_FORMAT;
  ws.getColumn(2).numFmt = DATE_FORMAT;
  ws.getColumn(4).numFmt = PERCENT_FORMAT;
  const lastRow = 1 + Math.max(1, spec.rowCounts?.checkIns ?? spec.checkIns.length) + SPARE_ROWS;
  validations(ws).add(`D2:D${lastRow}`, {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0, 1],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Confidence",
    error: "Confidence is between 0% and 100%",
  });
  addTable(ws, "CheckIns", headers, spec.checkIns);
}

function metaSheet(wb: Workbook, spec: GoalWorkbookSpec): void {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 40;
  ws.getColumn(2).numFmt = TEXT_FORMAT;
  addTable(
    ws,
    META_TABLE,
    ["Key", "Value"],
    spec.metaRows.map(([k, v]) => [k, v === "" ? null : v]),
  );
  // GoalAudit sits to the right of GoalMeta, one column apart.
  addTable(ws, AUDIT_TABLE, AUDIT_COLUMNS, spec.auditRows, "D1", "TableStyleLight1");
}

/** A new workbook: Goals, CheckIns and the (very hidden) metadata sheet. */
export function buildWorkbook(spec: GoalWorkbookSpec, now: Date = new Date()): Workbook {
  const wb = new Workbook();
  wb.creator = "goal-scorecards";
  wb.lastModifiedBy = "goal-scorecards";
  wb.created = now;
  wb.modified = now;
  goalsSheet(wb, spec);
  checkInsSheet(wb, spec);
  metaSheet(wb, spec);
  return wb;
}

/** What a path is when it is not a regular file, in words; null for a regular file or nothing there. */
function notRegular(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isSymbolicLink()) return "is a symbolic link; the output is never written through a link: name the file itself or a new one";
  if (st.isDirectory()) return "is a directory; name a file to write";
  if (st.isFIFO()) return "is a named pipe (FIFO), not a regular file; name a file to write";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "is a device, not a regular file; name a file to write";
  if (st.isSocket()) return "is a socket, not a regular file; name a file to write";
  return "is not a regular file; name a file to write";
}

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
}

/** Refuses an output path whose folder is missing, or that exists and is not a regular file. */
async function checkTarget(file: string, full: string): Promise<Stats | null> {
  try {
    const st = await fs.stat(path.dirname(full));
    if (!st.isDirectory()) throw new FileError(file, "cannot be written: its folder is not a folder");
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(file, "cannot be written: its folder does not exist");
  }
  const st = await fs.lstat(full).catch(() => null);
  const bad = st ? notRegular(st) : null;
  if (bad) throw new FileError(file, bad);
  return st;
}

/**
 * An output file being written: the bytes go to a new temporary file beside the target,
 * created exclusively (`wx`, so never through a link or over anything planted there)
 * under a name no one can guess, and `commit` renames it into place, so a failed write
 * never leaves half a workbook and never touches what was there.
 */
export interface OutFile {
  /** The temporary file's handle, to write to. */
  handle: FileHandle;
  commit(): Promise<string>;
  abort(): Promise<void>;
}

/**
 * Opens `file` for writing (see OutFile). `overwrite: false` refuses an existing file
 * (init); otherwise an existing regular file is replaced at `commit`. Either way a
 * target that is a link, a directory, a FIFO, a device or a socket is refused.
 */
export async function openOut(file: string, cwd: string, overwrite: boolean): Promise<OutFile> {
  const full = path.resolve(cwd, file);
  const existing = await checkTarget(file, full);
  if (existing && !overwrite) throw new FileError(file, "already exists; init never overwrites a file, choose another name");
  let tmp = "";
  let handle: FileHandle | null = null;
  for (let attempt = 0; handle === null; attempt++) {
    tmp = path.join(path.dirname(full), `.${path.basename(full)}.${randomBytes(12).toString("hex")}.tmp`);
    try {
      handle = await fs.open(tmp, "wx", 0o666);
    } catch (e) {
      if (errorCode(e) === "EEXIST" && attempt < 5) continue;
      throw new FileError(file, `cannot be written: ${systemReason(e)}`);
    }
  }
  const h = handle;
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await h.close();
    }
  };
  const abort = async () => {
    await close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  };
  return {
    handle: h,
    abort,
    async commit() {
      try {
        await close();
        // Looked at again just before: something may have been put there meanwhile.
        const st = await checkTarget(file, full);
        if (overwrite) await fs.rename(tmp, full);
        else {
          // link() fails if anything exists at the target: never replaces a file made meanwhile.
          if (st) throw new FileError(file, "already exists; init never overwrites a file, choose another name");
          try {
            await fs.link(tmp, full);
          } catch (e) {
            if (errorCode(e) === "EEXIST") throw new FileError(file, "already exists; init never overwrites a file, choose another name");
            throw e;
          }
          await fs.rm(tmp, { force: true });
        }
        return full;
      } catch (e) {
        await abort();
        if (e instanceof FileError) throw e;
        throw new FileError(file, `cannot be written: ${systemReason(e)}`);
      }
    },
  };
}

/**
 * Writes a workbook to `file` through `openOut`: `overwrite: false` never replaces an
 * existing file; otherwise an existing regular file is replaced.
 */
export async function writeWorkbook(wb: Workbook, file: string, cwd: string, overwrite: boolean): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new FileError(file, `cannot be written (${oneLine(e instanceof Error ? e.message : String(e)).slice(0, 200)})`);
  }
  const out = await openOut(file, cwd, overwrite);
  try {
    await out.handle.writeFile(bytes);
  } catch (e) {
    await out.abort();
    throw new FileError(file, `cannot be written: ${systemReason(e)}`);
  }
  return out.commit();
}
