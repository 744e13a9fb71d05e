/**
 * The engine's one input: the workbook's tables as the sheet holds them — each data row's
 * cells, and the header mapping saying which column holds which field — and where they
 * sit, so that a finding names its cell (`Goals!H4`). Nothing is copied per cell or per
 * row: 100,000 goals read from Excel are the table Excel gave, two index arrays and the
 * mapping.
 *
 * Plain records (a test's `{ values: { target: 60 } }`, a worksheet function's arguments)
 * are converted at the edge by `workbookFromRecords`; code outside the engine that wants
 * records of a workbook's goals asks `goalRecords`.
 */
import { CHECKIN_COLUMNS, COLUMN_KEYS, CheckInKey, ColumnKey, INPUT_COLUMNS } from "./columns";
import { DateSystem } from "./dates";
import { cellAddress, columnPrefix } from "./a1";
import { HeaderMapping, headerText, proposeMapping } from "./headers";

export interface TableData {
  /** Table name (`Goals`, `Goals_Sales`, `CheckIns`), or the sheet name for a plain range. */
  name: string;
  sheet: string;
  /** Excel row number (1-based) of the header row. */
  headerRow: number;
  /** Column index (0-based; A = 0) of the table's first column. */
  firstColumn: number;
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
}

/** Goal tables are the tables whose name starts with `Goals` (model.md). */
export function isGoalTableName(name: string): boolean {
  return /^goals/i.test(name);
}

export function isCheckInTableName(name: string): boolean {
  return /^check[\s_-]?ins$/i.test(name);
}

/** A row whose every cell is blank (or white space): no goal, no check-in. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return false;
  }
  return true;
}

/** A table with the column of each field: `data.rows[r][at[j]]` is field j of data row r (a negative `at[j]`: the table lacks it). */
export interface MappedTable {
  readonly data: TableData;
  /** Column of each field, in the model's order (COLUMN_KEYS for goals, CHECKIN_COLUMNS for check-ins). */
  readonly at: Int32Array;
  /** The address of field j's cell without its row number (`Goals!H`); "" when the table lacks it. */
  readonly prefixes: readonly string[];
}

/** A goal table and which of its data rows hold goals (blank rows hold none). */
export interface GoalTable extends MappedTable {
  readonly goalRows: Int32Array;
}

export type CheckInTable = MappedTable;

/** The engine's input: goal i is data row `goalRow[i]` of `goalTables[goalTable[i]]`. */
export interface WorkbookInput {
  readonly goalTables: readonly GoalTable[];
  readonly checkIns: CheckInTable | null;
  readonly dateSystem: DateSystem;
  readonly goalCount: number;
  readonly goalTable: Int32Array;
  readonly goalRow: Int32Array;
}

/** The check-in fields, in CHECKIN_COLUMNS order. */
export const CHECKIN_KEYS: readonly CheckInKey[] = CHECKIN_COLUMNS.map((c) => c.key);
/** Position of each goal field in COLUMN_KEYS, and of each check-in field in CHECKIN_KEYS. */
export const GOAL_FIELD: Readonly<Record<ColumnKey, number>> = Object.fromEntries(COLUMN_KEYS.map((k, j) => [k, j])) as Record<ColumnKey, number>;
export const CHECKIN_FIELD: Readonly<Record<CheckInKey, number>> = Object.fromEntries(CHECKIN_KEYS.map((k, j) => [k, j])) as Record<CheckInKey, number>;

/** The column of each field (in `order`) and its address prefix. */
function fieldColumns<K extends string>(
  t: TableData,
  columns: readonly { key: K; source: number }[],
  order: readonly K[],
): { at: Int32Array; prefixes: string[] } {
  const at = new Int32Array(order.length).fill(-1);
  for (const c of columns) at[order.indexOf(c.key)] = c.source;
  return { at, prefixes: order.map((_, j) => (at[j] < 0 ? "" : columnPrefix(t.sheet, t.firstColumn + at[j]))) };
}

/** A goal table, always made here, with one layout (docs/engine.md "Performance rules"). */
function makeGoalTable(t: TableData, columns: readonly { key: ColumnKey; source: number }[], goalRows: Int32Array): GoalTable {
  const { at, prefixes } = fieldColumns(t, columns, COLUMN_KEYS);
  return { data: t, at, prefixes, goalRows };
}

/** A goal table; blank rows are skipped. The mapping says which column is which (proposed from the headers by default). */
export function goalTable(t: TableData, mapping: HeaderMapping = proposeMapping(t.headers)): GoalTable {
  const rows = new Int32Array(t.rows.length);
  let k = 0;
  for (let r = 0; r < t.rows.length; r++) if (!isBlankRow(t.rows[r])) rows[k++] = r;
  return makeGoalTable(t, mapping.matches, k === rows.length ? rows : rows.slice(0, k));
}

const CHECKIN_HEADER = new Map<string, CheckInKey>(
  CHECKIN_COLUMNS.flatMap((c) => [
    [headerKey(c.header), c.key],
    [headerKey(c.key), c.key],
  ]),
);
CHECKIN_HEADER.set("id", "goalId");
CHECKIN_HEADER.set("goal", "goalId");
CHECKIN_HEADER.set("actual", "value");
CHECKIN_HEADER.set("comments", "comment");
CHECKIN_HEADER.set("note", "comment");

/** A check-in header as it is looked up: lower case, without spaces, `_`, `-` or `.`. */
function headerKey(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]/g, "");
}

/** The CheckIns table: `Goal ID`, `Date`, `Value`, `Confidence`, `Comment`, found by header. */
export function checkInTable(t: TableData): CheckInTable {
  const columns: { key: CheckInKey; source: number }[] = [];
  const taken = new Set<CheckInKey>();
  t.headers.forEach((h, i) => {
    const key = CHECKIN_HEADER.get(headerKey(headerText(h)));
    if (key && !taken.has(key)) {
      taken.add(key);
      columns.push({ key, source: i });
    }
  });
  const { at, prefixes } = fieldColumns(t, columns, CHECKIN_KEYS);
  return { data: t, at, prefixes };
}

/** The engine's input from goal tables (in the order given) and the check-ins. */
export function workbookInput(goalTables: readonly GoalTable[], checkIns: CheckInTable | null, dateSystem: DateSystem = 1900): WorkbookInput {
  let n = 0;
  for (const t of goalTables) n += t.goalRows.length;
  const goalTableOf = new Int32Array(n);
  const goalRow = new Int32Array(n);
  let i = 0;
  goalTables.forEach((t, ti) => {
    goalTableOf.fill(ti, i, i + t.goalRows.length);
    goalRow.set(t.goalRows, i);
    i += t.goalRows.length;
  });
  return { goalTables, checkIns, dateSystem, goalCount: n, goalTable: goalTableOf, goalRow };
}

/** workbookInput from tables as read (each goal table's mapping proposed from its headers). */
export function workbookInputFromTables(goalTables: readonly TableData[], checkIns: TableData | null, dateSystem: DateSystem = 1900): WorkbookInput {
  return workbookInput(
    goalTables.map((t) => goalTable(t)),
    checkIns ? checkInTable(checkIns) : null,
    dateSystem,
  );
}

/** The address of field j's cell in data row r of a table, undefined when the table lacks the field. */
export function fieldCell(t: MappedTable, j: number, r: number): string | undefined {
  const prefix = t.prefixes[j];
  return prefix === "" ? undefined : prefix + String(t.data.headerRow + 1 + r);
}

/** The cell of field j in data row r (undefined when the table lacks the field). */
export function fieldValue(t: MappedTable, j: number, r: number): unknown {
  const c = t.at[j];
  return c < 0 ? undefined : t.data.rows[r][c];
}

// ——— The edge: records in, records out ———

/** A goal's cells as a record, keyed by field, with where its row is. */
export interface GoalRecord {
  values: Partial<Record<ColumnKey, unknown>>;
  /** The row's first cell (`Goals!A4`). */
  where?: string;
  /** Which table and which of its data rows (0-based) the goal came from. */
  source?: { table: string; row: number };
}

/** A check-in's cells as a record. */
export interface CheckInRecord {
  values: Partial<Record<CheckInKey, unknown>>;
}

/** The layout records are given: sheet `Goals` (or `CheckIns`), headers on row 1, fields in canonical order from column A. */
function recordTable<K extends string>(
  name: string,
  keys: readonly K[],
  headers: readonly string[],
  records: readonly { values: Partial<Record<K, unknown>> }[],
): TableData {
  return { name, sheet: name, headerRow: 1, firstColumn: 0, headers, rows: records.map((r) => keys.map((k) => r.values[k])) };
}

const GOAL_HEADERS: readonly string[] = INPUT_COLUMNS.map((c) => c.header);
const CHECKIN_HEADERS: readonly string[] = CHECKIN_COLUMNS.map((c) => c.header);
const ALL_GOAL_FIELDS: readonly { key: ColumnKey; source: number }[] = COLUMN_KEYS.map((key, source) => ({ key, source }));

/**
 * Records as the engine's input: every record is a goal (blank ones too), laid out on a
 * sheet `Goals` from A2 in canonical column order, so goal i's Title is `Goals!C{i + 2}`.
 */
export function workbookFromRecords(records: { goals: readonly GoalRecord[]; checkIns?: readonly CheckInRecord[]; dateSystem?: DateSystem }): WorkbookInput {
  const goals = recordTable("Goals", COLUMN_KEYS, GOAL_HEADERS, records.goals);
  const table = makeGoalTable(
    goals,
    ALL_GOAL_FIELDS,
    Int32Array.from(records.goals, (_, r) => r),
  );
  const checkIns = records.checkIns ? checkInTable(recordTable("CheckIns", CHECKIN_KEYS, CHECKIN_HEADERS, records.checkIns)) : null;
  return workbookInput([table], checkIns, records.dateSystem ?? 1900);
}

/** Goal i of the input as a record: its cells by field, where its row is, and its table and data row. */
export function goalRecord(input: WorkbookInput, i: number): GoalRecord {
  const t = input.goalTables[input.goalTable[i]];
  const r = input.goalRow[i];
  const values: Partial<Record<ColumnKey, unknown>> = {};
  for (let j = 0; j < COLUMN_KEYS.length; j++) if (t.at[j] >= 0) values[COLUMN_KEYS[j]] = t.data.rows[r][t.at[j]];
  return { values, where: cellAddress(t.data.sheet, t.data.headerRow + 1 + r, t.data.firstColumn), source: { table: t.data.name, row: r } };
}

/** Every goal of the input as a record (made now, one per goal: for the edges, not the engine). */
export function goalRecords(input: WorkbookInput): GoalRecord[] {
  const out = new Array<GoalRecord>(input.goalCount);
  for (let i = 0; i < input.goalCount; i++) out[i] = goalRecord(input, i);
  return out;
}

/** The check-ins of the input as records, blank rows left out. */
export function checkInRecords(input: WorkbookInput): CheckInRecord[] {
  const t = input.checkIns;
  if (!t) return [];
  const out: CheckInRecord[] = [];
  for (let r = 0; r < t.data.rows.length; r++) {
    if (isBlankRow(t.data.rows[r])) continue;
    const values: Partial<Record<CheckInKey, unknown>> = {};
    for (let j = 0; j < CHECKIN_KEYS.length; j++) if (t.at[j] >= 0) values[CHECKIN_KEYS[j]] = t.data.rows[r][t.at[j]];
    out.push({ values });
  }
  return out;
}

/** The address of goal i's cell in a field (`Goals!L4`), or its row's first cell when its table lacks the field. */
export function goalCellAddress(input: WorkbookInput, i: number, field: ColumnKey): string {
  const t = input.goalTables[input.goalTable[i]];
  const r = input.goalRow[i];
  return cellOrRowStart(t, GOAL_FIELD[field], r);
}

/** The address of field j's cell in data row r, or the row's first cell when the table lacks the field. */
export function cellOrRowStart(t: MappedTable, j: number, r: number): string {
  return fieldCell(t, j, r) ?? cellAddress(t.data.sheet, t.data.headerRow + 1 + r, t.data.firstColumn);
}
