/**
 * Sheet and workbook protection for review cycles (review.md "States"): which cells
 * stay editable in each state, applying that with Excel's own protection, and
 * reading back whether the workbook is protected as its state says.
 *
 * The computed columns (Progress, Score, Status, Rolled Up, SMART) keep their data
 * cells unlocked in every state: they are not sealed, and the add-in's refresh
 * rewrites them on a protected sheet without needing the password (which is never
 * stored). A value typed over one is replaced at the next refresh.
 */
import { COMPUTED_COLUMNS, ColumnKey } from "../core/columns";
import { isEditable, stateIndex } from "../core/cycle";
import { headerText, proposeMapping } from "../core/headers";
import { CycleState, META_SHEET } from "../core/meta";
import { checkInsEditable } from "../core/seal";
import { LoadedTable, LoadedWorkbook, SPARE_CHECKIN_ROWS, spareCheckInRows } from "./workbook";

export { SPARE_CHECKIN_ROWS };

/** A rectangle of cells on one sheet (0-based, as Office.js counts) and whether it should be locked. */
export interface LockRange {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  locked: boolean;
  /** What the range is, in words (for reports): `Goals[Target]`, `CheckIns`, … */
  what: string;
}

export type ProtectionFlags = Omit<Excel.WorksheetProtectionOptions, "selectionMode">;

/** Everything denied except AutoFilter and column formatting (review.md). */
export const BASE_PROTECTION: Required<ProtectionFlags> = {
  allowAutoFilter: true,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: true,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
};

export interface SheetPlan {
  sheet: string;
  /** Whether the sheet is protected in the state (every state but Draft). */
  protect: boolean;
  options: Required<ProtectionFlags>;
  /** Applied in order: the locked ranges first, then the unlocked ones. */
  ranges: LockRange[];
}

export interface LockPlan {
  state: CycleState;
  sheets: SheetPlan[];
  /** Workbook structure protection: from Data locked on. */
  structure: boolean;
}

/** Whether the workbook structure is protected in a state. */
export function structureProtected(state: CycleState): boolean {
  return stateIndex(state) >= stateIndex("Data locked");
}

/** The column keys of a goal table's columns (null for a user column), as the engine maps them. */
export function goalColumnKeys(t: LoadedTable): (ColumnKey | null)[] {
  const keys: (ColumnKey | null)[] = t.headers.map(() => null);
  for (const m of proposeMapping(t.headers).matches) keys[m.source] = m.key;
  return keys;
}

function isComputed(header: unknown): boolean {
  const h = headerText(header).trim().toLowerCase();
  return COMPUTED_COLUMNS.some((c) => c.toLowerCase() === h);
}

function bodyRows(t: LoadedTable): number {
  return Math.max(1, t.rows.length);
}

/** The sheets that protection covers: every goal-table sheet, the CheckIns sheet and the metadata sheet. */
export function protectedSheets(wb: LoadedWorkbook): string[] {
  const names: string[] = [];
  const add = (s: string | undefined): void => {
    if (s !== undefined && !names.some((n) => n.toLowerCase() === s.toLowerCase())) names.push(s);
  };
  wb.goalTables.forEach((t) => add(t.sheet));
  add(wb.checkIns?.sheet);
  if (wb.metaSheetExists) add(wb.metaTable?.sheet ?? META_SHEET);
  return names;
}

/** Which cells are locked in a state, sheet by sheet, and how each sheet is protected. */
export function lockPlan(wb: LoadedWorkbook, state: CycleState): LockPlan {
  const sheets = new Map<string, SheetPlan>();
  for (const name of protectedSheets(wb)) {
    sheets.set(name.toLowerCase(), { sheet: name, protect: state !== "Draft", options: { ...BASE_PROTECTION }, ranges: [] });
  }
  const plan = (sheet: string): SheetPlan => sheets.get(sheet.toLowerCase()) as SheetPlan;
  const locked: LockRange[] = [];
  const unlocked: LockRange[] = [];
  const put = (r: LockRange): void => {
    if (r.rows > 0 && r.columns > 0) (r.locked ? locked : unlocked).push(r);
  };
  for (const t of wb.goalTables) {
    const keys = goalColumnKeys(t);
    put({ sheet: t.sheet, row: t.headerRowIndex, column: t.firstColumn, rows: 1, columns: t.headers.length, locked: true, what: `${t.name} headers` });
    t.headers.forEach((h, i) => {
      const key = keys[i];
      const open = isComputed(h) || (key !== null && isEditable(state, key));
      put({
        sheet: t.sheet,
        row: t.headerRowIndex + 1,
        column: t.firstColumn + i,
        rows: bodyRows(t),
        columns: 1,
        locked: !open,
        what: `${t.name}[${headerText(h)}]`,
      });
    });
  }
  const ci = wb.checkIns;
  if (ci) {
    const open = checkInsEditable(state);
    put({ sheet: ci.sheet, row: ci.headerRowIndex, column: ci.firstColumn, rows: 1, columns: ci.headers.length, locked: true, what: `${ci.name} headers` });
    put({ sheet: ci.sheet, row: ci.headerRowIndex + 1, column: ci.firstColumn, rows: bodyRows(ci), columns: ci.headers.length, locked: !open, what: ci.name });
    const spareStart = ci.headerRowIndex + 1 + bodyRows(ci);
    const tables = [...wb.goalTables, ci, wb.metaTable, wb.auditTable].filter((t): t is LoadedTable => t !== null);
    put({
      sheet: ci.sheet,
      row: spareStart,
      column: ci.firstColumn,
      rows: spareCheckInRows(ci, tables),
      columns: ci.headers.length,
      locked: !open,
      what: `the rows below ${ci.name}`,
    });
    plan(ci.sheet).options.allowInsertRows = state === "Active";
  }
  for (const t of [wb.metaTable, wb.auditTable]) {
    if (t) put({ sheet: t.sheet, row: t.headerRowIndex, column: t.firstColumn, rows: 1 + bodyRows(t), columns: t.headers.length, locked: true, what: t.name });
  }
  for (const r of [...locked, ...unlocked]) sheets.get(r.sheet.toLowerCase())?.ranges.push(r);
  return { state, sheets: [...sheets.values()], structure: structureProtected(state) };
}

/** What a sheet's protection looks like now (loaded). */
export interface SheetProtection {
  sheet: string;
  exists: boolean;
  protected: boolean;
  /** Whether it was protected when loaded (queueUnprotect/queueProtect change `protected`). */
  wasProtected: boolean;
  /**
   * Whether this operation protects it with a password (set by queueProtect). Excel does not
   * say whether a sheet already has one: a wrong password shows when `unprotect` fails.
   */
  passwordProtected: boolean;
  options: Partial<ProtectionFlags>;
}

export interface ProtectionStatus {
  sheets: Map<string, SheetProtection>;
  structure: boolean;
}

/** The password as Office.js wants it: undefined when none was given. */
function pw(password: string | undefined): string | undefined {
  return password === undefined || password === "" ? undefined : password;
}

/**
 * Loads the protection of these sheets and of the workbook (one sync). Whether a sheet has a
 * password, and whether the one given opens it, is learned from `unprotect`: the members that
 * would tell beforehand (`WorksheetProtection.checkPassword()`, `isPasswordProtected`) are
 * ExcelApiOnline 1.1, Excel on the web only, and absent from Microsoft's client library as
 * published (1.1.110). A wrong password fails the `unprotect`, which every operation sends
 * before its first write (`syncExplained` turns that failure into a clear error).
 */
export async function readProtection(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<ProtectionStatus> {
  const items = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name");
    ws.protection.load("protected,options");
    return { name, ws };
  });
  const wbp = context.workbook.protection;
  wbp.load("protected");
  await context.sync();
  const sheets = new Map<string, SheetProtection>();
  for (const { name, ws } of items) {
    if (ws.isNullObject) {
      sheets.set(name.toLowerCase(), { sheet: name, exists: false, protected: false, wasProtected: false, passwordProtected: false, options: {} });
      continue;
    }
    const p = ws.protection;
    sheets.set(name.toLowerCase(), {
      sheet: name,
      exists: true,
      protected: p.protected,
      wasProtected: p.protected,
      passwordProtected: false,
      options: p.options,
    });
  }
  return { sheets, structure: wbp.protected };
}

/** The form field a refused input belongs to, so the task pane can show the message beside it. */
export type ReviewField = "goal" | "field" | "value" | "reason" | "date" | "confidence" | "comment" | "password" | "state";

export class ReviewError extends Error {
  constructor(
    message: string,
    readonly code: "refused" | "password" | "pending" | "missing" | "input",
    /** Set when the refusal is about one input of a form (`code` "input", or "password"). */
    readonly field?: ReviewField,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}

/**
 * The refusal for a missing or wrong password, naming what is protected in the user's words:
 * a sheet of theirs, the workbook structure (null), or the review cycle (the add-in's own
 * hidden sheet, or undefined when the failing sheet is not known: internal names are never shown).
 */
export function passwordError(sheet: string | null | undefined): ReviewError {
  const what =
    sheet === null
      ? "The workbook structure is protected"
      : sheet === undefined || sheet.toLowerCase() === META_SHEET.toLowerCase() || sheet.startsWith("_")
        ? "The review cycle is protected"
        : `The sheet '${sheet}' is protected`;
  return new ReviewError(`${what} with a password; enter the password used when the cycle was locked.`, "password", "password");
}

/** Trace message queued before each sheet's `unprotect`, so a failure names the sheet. */
const UNPROTECT_TRACE = "goal-scorecards: unprotect ";

/** The codes a wrong or missing password fails `unprotect` with: InvalidArgument, or AccessDenied (Windows, OfficeDev/office-js#6784). */
const WRONG_PASSWORD_CODES: readonly string[] = ["InvalidArgument", "AccessDenied"];

/**
 * Runs context.sync(), turning a wrong-password failure of `unprotect` (whatever its code)
 * into a clear ReviewError naming the sheet (never the password).
 */
export async function syncExplained(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    const err = e as { code?: string; debugInfo?: { errorLocation?: string }; traceMessages?: string[] };
    const where = err.debugInfo?.errorLocation ?? "";
    if (err.code === undefined || !WRONG_PASSWORD_CODES.includes(err.code)) throw e;
    if (/WorkbookProtection\.unprotect/.test(where)) throw passwordError(null);
    if (/WorksheetProtection\.unprotect/.test(where)) {
      const traces = (err.traceMessages ?? []).filter((m) => m.startsWith(UNPROTECT_TRACE));
      const last = traces[traces.length - 1];
      throw passwordError(last === undefined ? undefined : last.slice(UNPROTECT_TRACE.length));
    }
    throw e;
  }
}

/** Queues unprotecting a sheet when it is protected (Excel refuses to protect a protected sheet, so state is tracked). */
export function queueUnprotect(context: Excel.RequestContext, status: ProtectionStatus, sheet: string, password?: string): void {
  const s = status.sheets.get(sheet.toLowerCase());
  if (!s || !s.exists || !s.protected) return;
  context.trace(`${UNPROTECT_TRACE}${s.sheet}`);
  context.workbook.worksheets.getItem(s.sheet).protection.unprotect(pw(password));
  s.protected = false;
}

/** Queues protecting a sheet with these options when it is not protected yet. */
export function queueProtect(
  context: Excel.RequestContext,
  status: ProtectionStatus,
  sheet: string,
  options: Required<ProtectionFlags>,
  password?: string,
): void {
  const s = status.sheets.get(sheet.toLowerCase());
  if (!s || !s.exists || s.protected) return;
  context.workbook.worksheets.getItem(s.sheet).protection.protect(options, pw(password));
  s.protected = true;
  s.options = { ...options };
  s.passwordProtected = pw(password) !== undefined;
}

export function queueStructure(context: Excel.RequestContext, status: ProtectionStatus, protect: boolean, password?: string): void {
  if (status.structure === protect) return;
  if (protect) context.workbook.protection.protect(pw(password));
  else context.workbook.protection.unprotect(pw(password));
  status.structure = protect;
}

/**
 * Queues the protection of a plan: the workbook structure unprotected when it must
 * change, each sheet unprotected, its cells locked and unlocked, and protected again
 * (except the sheets in `leaveOpen`, which the caller protects later).
 */
export function queueLockPlan(
  context: Excel.RequestContext,
  plan: LockPlan,
  status: ProtectionStatus,
  password: string | undefined,
  leaveOpen: readonly string[] = [],
): void {
  if (!plan.structure) queueStructure(context, status, false, password);
  // Every unprotect before the first change: where a wrong password is only learned from a
  // failing unprotect (no checkPassword), it then stops the request before anything changed.
  for (const sp of plan.sheets) queueUnprotect(context, status, sp.sheet, password);
  for (const sp of plan.sheets) {
    const s = status.sheets.get(sp.sheet.toLowerCase());
    if (!s || !s.exists) continue;
    if (!sp.protect) continue;
    queueSheetRanges(context, plan, sp.sheet);
    if (!leaveOpen.some((n) => n.toLowerCase() === sp.sheet.toLowerCase())) queueProtect(context, status, sp.sheet, sp.options, password);
  }
  if (plan.structure) queueStructure(context, status, true, password);
}

/**
 * Queues locking and unlocking the cells of one sheet as the plan says, on a sheet the
 * caller has unprotected. Used when a table on it grows (a check-in row added): the
 * ranges below the table move down with it, so the row that becomes the last spare row
 * must be unlocked too, or the sheet no longer matches its state.
 */
export function queueSheetRanges(context: Excel.RequestContext, plan: LockPlan, sheet: string): void {
  const sp = plan.sheets.find((s) => s.sheet.toLowerCase() === sheet.toLowerCase());
  if (!sp || !sp.protect) return;
  const ws = context.workbook.worksheets.getItem(sp.sheet);
  for (const r of sp.ranges) ws.getRangeByIndexes(r.row, r.column, r.rows, r.columns).format.protection.locked = r.locked;
}

export interface PlanCheck {
  matches: boolean;
  /** What differs, in words. */
  problems: string[];
}

/** Loaded lock flags of every range of a plan (same ranges for every state). */
export type LockFlags = Map<string, boolean | null>;

function rangeKey(r: LockRange): string {
  return `${r.sheet.toLowerCase()}!${r.row},${r.column},${r.rows},${r.columns}`;
}

/** Loads `format.protection.locked` of the plan's ranges (one sync). */
export async function readLockFlags(context: Excel.RequestContext, plan: LockPlan, status: ProtectionStatus): Promise<LockFlags> {
  const loads: { key: string; p: Excel.FormatProtection }[] = [];
  for (const sp of plan.sheets) {
    if (!status.sheets.get(sp.sheet.toLowerCase())?.exists) continue;
    const ws = context.workbook.worksheets.getItem(sp.sheet);
    for (const r of sp.ranges) {
      // eslint-disable-next-line office-addins/load-object-before-read -- format.protection is a navigation chain to a proxy, nothing is read; p.load("locked") below
      const p = ws.getRangeByIndexes(r.row, r.column, r.rows, r.columns).format.protection;
      p.load("locked");
      loads.push({ key: rangeKey(r), p });
    }
  }
  if (loads.length > 0) await context.sync();
  const out: LockFlags = new Map();
  for (const l of loads) out.set(l.key, l.p.locked);
  return out;
}

/** Whether the workbook is protected as the plan says. In Draft only "nothing protected" counts. */
export function checkPlan(plan: LockPlan, status: ProtectionStatus, flags: LockFlags, skipProtectionOf: string | null = null): PlanCheck {
  const problems: string[] = [];
  if (status.structure !== plan.structure) problems.push(plan.structure ? "the workbook structure is not protected" : "the workbook structure is protected");
  for (const sp of plan.sheets) {
    const s = status.sheets.get(sp.sheet.toLowerCase());
    if (!s || !s.exists) continue;
    if (skipProtectionOf !== null && skipProtectionOf.toLowerCase() === sp.sheet.toLowerCase()) continue;
    if (s.protected !== sp.protect) {
      problems.push(sp.protect ? `the sheet '${sp.sheet}' is not protected` : `the sheet '${sp.sheet}' is protected`);
      continue;
    }
    if (!sp.protect) continue;
    for (const [k, v] of Object.entries(sp.options)) {
      const have = (s.options as Record<string, unknown>)[k];
      if (have !== undefined && have !== v)
        problems.push(
          `the sheet '${sp.sheet}' ${v ? "does not allow" : "allows"} ${k
            .replace(/^allow/, "")
            .replace(/([a-z])([A-Z])/g, "$1 $2")
            .toLowerCase()}`,
        );
    }
    // Later ranges override earlier ones (a table's body after its whole range), so compare the last word on each range.
    for (const r of sp.ranges) {
      const have = flags.get(rangeKey(r));
      if (have === undefined) continue;
      const overridden = sp.ranges.some((o) => o !== r && sp.ranges.indexOf(o) > sp.ranges.indexOf(r) && covers(o, r));
      if (overridden) continue;
      if (have !== r.locked) problems.push(`${r.what} ${have === null ? "is partly locked" : have ? "is locked" : "is not locked"}`);
    }
  }
  return { matches: problems.length === 0, problems };
}

function covers(a: LockRange, b: LockRange): boolean {
  return a.row <= b.row && a.column <= b.column && a.row + a.rows >= b.row + b.rows && a.column + a.columns >= b.column + b.columns;
}
