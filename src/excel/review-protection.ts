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
import { LoadedTable, LoadedWorkbook } from "./workbook";

/** Rows below the CheckIns table left unlocked in Active, so that people can type new check-ins. */
export const SPARE_CHECKIN_ROWS = 200;

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
      put({ sheet: t.sheet, row: t.headerRowIndex + 1, column: t.firstColumn + i, rows: bodyRows(t), columns: 1, locked: !open, what: `${t.name}[${headerText(h)}]` });
    });
  }
  const ci = wb.checkIns;
  if (ci) {
    const open = checkInsEditable(state);
    put({ sheet: ci.sheet, row: ci.headerRowIndex, column: ci.firstColumn, rows: 1, columns: ci.headers.length, locked: true, what: `${ci.name} headers` });
    put({ sheet: ci.sheet, row: ci.headerRowIndex + 1, column: ci.firstColumn, rows: bodyRows(ci), columns: ci.headers.length, locked: !open, what: ci.name });
    const spareStart = ci.headerRowIndex + 1 + bodyRows(ci);
    put({ sheet: ci.sheet, row: spareStart, column: ci.firstColumn, rows: spareRows(wb, ci, spareStart), columns: ci.headers.length, locked: !open, what: `the rows below ${ci.name}` });
    plan(ci.sheet).options.allowInsertRows = state === "Active";
  }
  for (const t of [wb.metaTable, wb.auditTable]) {
    if (t) put({ sheet: t.sheet, row: t.headerRowIndex, column: t.firstColumn, rows: 1 + bodyRows(t), columns: t.headers.length, locked: true, what: t.name });
  }
  for (const r of [...locked, ...unlocked]) sheets.get(r.sheet.toLowerCase())?.ranges.push(r);
  return { state, sheets: [...sheets.values()], structure: structureProtected(state) };
}

/** Spare rows below CheckIns, stopping above any other table in those columns. */
function spareRows(wb: LoadedWorkbook, ci: LoadedTable, start: number): number {
  let rows = SPARE_CHECKIN_ROWS;
  const others = [...wb.goalTables, wb.metaTable, wb.auditTable].filter((t): t is LoadedTable => t !== null && t.sheet.toLowerCase() === ci.sheet.toLowerCase());
  for (const t of others) {
    const overlaps = t.firstColumn < ci.firstColumn + ci.headers.length && t.firstColumn + t.headers.length > ci.firstColumn;
    if (overlaps && t.headerRowIndex >= start) rows = Math.min(rows, t.headerRowIndex - start);
  }
  return Math.max(0, rows);
}

/** What a sheet's protection looks like now (loaded). */
export interface SheetProtection {
  sheet: string;
  exists: boolean;
  protected: boolean;
  /** Whether it was protected when loaded (queueUnprotect/queueProtect change `protected`). */
  wasProtected: boolean;
  passwordProtected: boolean;
  options: Partial<ProtectionFlags>;
  /** Whether the password given opens it (only meaningful when passwordProtected). */
  passwordOk: boolean;
}

export interface ProtectionStatus {
  sheets: Map<string, SheetProtection>;
  structure: boolean;
}

/** The password as Office.js wants it: undefined when none was given. */
function pw(password: string | undefined): string | undefined {
  return password === undefined || password === "" ? undefined : password;
}

/** Loads the protection of these sheets and of the workbook, and checks the password against each (one sync). */
export async function readProtection(context: Excel.RequestContext, sheetNames: readonly string[], password?: string): Promise<ProtectionStatus> {
  const items = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name");
    // eslint-disable-next-line office-addins/no-navigational-load -- isPasswordProtected is a scalar (ExcelApiOnline 1.1), newer than the plugin's property list
    ws.protection.load("protected,isPasswordProtected,options");
    const check = ws.protection.checkPassword(pw(password) ?? "");
    return { name, ws, check };
  });
  const wbp = context.workbook.protection;
  wbp.load("protected");
  await context.sync();
  const sheets = new Map<string, SheetProtection>();
  for (const { name, ws, check } of items) {
    if (ws.isNullObject) {
      sheets.set(name.toLowerCase(), { sheet: name, exists: false, protected: false, wasProtected: false, passwordProtected: false, options: {}, passwordOk: true });
      continue;
    }
    const p = ws.protection;
    const passwordProtected = p.protected && p.isPasswordProtected;
    sheets.set(name.toLowerCase(), {
      sheet: name,
      exists: true,
      protected: p.protected,
      wasProtected: p.protected,
      passwordProtected,
      options: p.options as Partial<ProtectionFlags>,
      passwordOk: !passwordProtected || check.value === true,
    });
  }
  return { sheets, structure: wbp.protected };
}

export class ReviewError extends Error {
  constructor(
    message: string,
    readonly code: "refused" | "password" | "pending" | "missing",
  ) {
    super(message);
    this.name = "ReviewError";
  }
}

/** Throws a clear error when a sheet that must be unprotected has a password the caller did not give. */
export function requirePassword(status: ProtectionStatus, sheetNames: readonly string[]): void {
  for (const name of sheetNames) {
    const s = status.sheets.get(name.toLowerCase());
    if (s && s.protected && s.passwordProtected && !s.passwordOk) throw passwordError(s.sheet);
  }
}

export function passwordError(sheet: string | null): ReviewError {
  return new ReviewError(
    sheet === null
      ? "The workbook structure is protected with a password; enter the password used when the cycle was locked."
      : `The sheet '${sheet}' is protected with a password; enter the password used when the cycle was locked.`,
    "password",
  );
}

/** Runs context.sync(), turning a wrong-password failure into a clear ReviewError (never naming the password). */
export async function syncExplained(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    const err = e as { code?: string; debugInfo?: { errorLocation?: string } };
    const where = err.debugInfo?.errorLocation ?? "";
    if (err.code === "InvalidArgument" && /WorkbookProtection\.unprotect/.test(where)) throw passwordError(null);
    if (err.code === "InvalidArgument" && /WorksheetProtection\.unprotect/.test(where)) throw passwordError("(one of the goal sheets)");
    throw e;
  }
}

/** Queues unprotecting a sheet when it is protected (Excel refuses to protect a protected sheet, so state is tracked). */
export function queueUnprotect(context: Excel.RequestContext, status: ProtectionStatus, sheet: string, password?: string): void {
  const s = status.sheets.get(sheet.toLowerCase());
  if (!s || !s.exists || !s.protected) return;
  context.workbook.worksheets.getItem(s.sheet).protection.unprotect(pw(password));
  s.protected = false;
}

/** Queues protecting a sheet with these options when it is not protected yet. */
export function queueProtect(context: Excel.RequestContext, status: ProtectionStatus, sheet: string, options: Required<ProtectionFlags>, password?: string): void {
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
export function queueLockPlan(context: Excel.RequestContext, plan: LockPlan, status: ProtectionStatus, password: string | undefined, leaveOpen: readonly string[] = []): void {
  if (!plan.structure) queueStructure(context, status, false, password);
  for (const sp of plan.sheets) {
    const s = status.sheets.get(sp.sheet.toLowerCase());
    if (!s || !s.exists) continue;
    queueUnprotect(context, status, sp.sheet, password);
    if (!sp.protect) continue;
    const ws = context.workbook.worksheets.getItem(sp.sheet);
    for (const r of sp.ranges) ws.getRangeByIndexes(r.row, r.column, r.rows, r.columns).format.protection.locked = r.locked;
    if (!leaveOpen.some((n) => n.toLowerCase() === sp.sheet.toLowerCase())) queueProtect(context, status, sp.sheet, sp.options, password);
  }
  if (plan.structure) queueStructure(context, status, true, password);
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
      if (have !== undefined && have !== v) problems.push(`the sheet '${sp.sheet}' ${v ? "does not allow" : "allows"} ${k.replace(/^allow/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`);
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
