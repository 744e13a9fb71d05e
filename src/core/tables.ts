/**
 * Tables as the adapter and the command line hand them over (a header row and
 * rows of raw cells, with where they sit) → the engine's workbook input, keeping
 * every cell's address so that findings point at cells (`Goals!H4`).
 */
import { CHECKIN_COLUMNS, COLUMN_KEYS, CheckInKey, ColumnKey } from "./columns";
import { DateSystem } from "./dates";
import { keepLayout } from "./keep";
import { columnPrefix } from "./a1";
import { HeaderMapping, headerText, proposeMapping } from "./headers";
import { CHECKIN_KEYS_IN_ORDER, CHECKIN_ROWS, CheckInRowInput, CheckInRowSource, GoalRowInput, ROW_CELLS, RowCells, WorkbookInput } from "./model";

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

/** What a row's addresses are made from: the row's position among the table's data rows (0-based). */
type RowTarget = { readonly row: number };

/**
 * A row's cell addresses, made when they are read: a record that reads like a plain
 * `{ target: "Goals!L4", … }` (keys, spread, JSON, equality) but holds only the row's
 * position (a goal row's `source`), since only the few cells with a finding are ever
 * named. A table of 100,000 goals would otherwise make two million address strings up front.
 */
function lazyAddresses<K extends string>(t: TableData, columns: readonly { key: K; source: number }[]): (target: RowTarget) => Partial<Record<K, string>> {
  const prefix = new Map<string, string>();
  for (const c of columns) prefix.set(c.key, columnPrefix(t.sheet, t.firstColumn + c.source));
  const keys = columns.map((c) => c.key as string);
  const firstRow = t.headerRow + 1;
  const address = (target: RowTarget, k: string): string => (prefix.get(k) as string) + String(firstRow + target.row);
  const handler: ProxyHandler<RowTarget> = {
    get: (target, k) => (typeof k === "string" && prefix.has(k) ? address(target, k) : undefined),
    has: (_t, k) => typeof k === "string" && prefix.has(k),
    ownKeys: () => keys.slice(),
    getOwnPropertyDescriptor: (target, k) =>
      typeof k === "string" && prefix.has(k) ? { value: address(target, k), writable: false, enumerable: true, configurable: true } : undefined,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return (target) => new Proxy<RowTarget>(target, handler) as unknown as Partial<Record<K, string>>;
}

/**
 * An object with the row's keys, to be copied for each row and then filled: V8 turns an
 * object that gains more than about a dozen properties through computed keys into a
 * hash table (several times larger and slower to read), while a copy of this keeps the
 * compact layout. Every key is set again for each row, so no `undefined` is left.
 */
function rowShape<K extends string>(keys: readonly K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(keys.map((k) => [k, undefined])) as Partial<Record<K, unknown>>;
}

/** Goal tables are the tables whose name starts with `Goals` (model.md). */
export function isGoalTableName(name: string): boolean {
  return /^goals/i.test(name);
}

export function isCheckInTableName(name: string): boolean {
  return /^check[\s_-]?ins$/i.test(name);
}

function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return false;
  }
  return true;
}

/** What every row of one table shares: where its columns are, how its addresses are made. */
interface Layout<K extends string> {
  readonly name: string;
  /** Column of each field, in the model's order (COLUMN_KEYS or CHECKIN_COLUMNS); -1 when absent. */
  readonly at: Int32Array;
  readonly columns: readonly { key: K; source: number }[];
  readonly shape: Partial<Record<K, unknown>>;
  readonly addresses: (target: RowTarget) => Partial<Record<K, string>>;
  /** The address of field j's cell without its row number (`Goals!H`), in the model's order; "" when absent. */
  readonly prefixes: readonly string[];
  /** `Goals!C`: the address of a row's first cell without its number. */
  readonly wherePrefix: string;
  readonly firstRow: number;
}

function layout<K extends string>(t: TableData, columns: readonly { key: K; source: number }[], order: readonly K[]): Layout<K> {
  const at = new Int32Array(order.length).fill(-1);
  for (const c of columns) at[order.indexOf(c.key)] = c.source;
  return {
    name: t.name,
    at,
    columns,
    shape: rowShape(columns.map((c) => c.key)),
    addresses: lazyAddresses<K>(t, columns),
    prefixes: order.map((_, j) => (at[j] < 0 ? "" : columnPrefix(t.sheet, t.firstColumn + at[j]))),
    wherePrefix: columnPrefix(t.sheet, t.firstColumn),
    firstRow: t.headerRow + 1,
  };
}

/**
 * The `values` records made so far, by row: kept beside the rows rather than in them,
 * since the engine never asks for one (a row is three fields, not four).
 */
const MADE_VALUES = new WeakMap<object, object>();


/**
 * A table row as the engine's input. It reads like `{ values, cells }` (goal rows also
 * `where` and `source`), but holds only the table's own row of cells and its position:
 * `values` is made the first time it is read, `cells` each time (addresses on demand),
 * and the engine reads the cells through ROW_CELLS without either. 100,000 goals and
 * 300,000 check-ins read from Excel cost one small object each.
 */
class TableRow<K extends string> implements RowCells {
  constructor(
    protected readonly layout: Layout<K>,
    // Not read-only: a TableRowCursor moves from row to row.
    public raw: readonly unknown[],
    /** Position among the table's data rows (0-based, blank rows counted). */
    public row: number,
  ) {}
  get at(): Int32Array {
    return this.layout.at;
  }
  get [ROW_CELLS](): RowCells {
    return this;
  }
  cellOf(j: number): string | undefined {
    const prefix = this.layout.prefixes[j];
    return prefix === "" ? undefined : prefix + String(this.layout.firstRow + this.row);
  }
  get values(): Partial<Record<K, unknown>> {
    let v = MADE_VALUES.get(this) as Partial<Record<K, unknown>> | undefined;
    if (v === undefined) {
      v = { ...this.layout.shape };
      const columns = this.layout.columns;
      for (let k = 0; k < columns.length; k++) v[columns[k].key] = this.raw[columns[k].source];
      MADE_VALUES.set(this, v);
    }
    return v;
  }
  get cells(): Partial<Record<K, string>> {
    return this.layout.addresses(this);
  }
}

class TableGoalRow extends TableRow<ColumnKey> implements GoalRowInput {
  get where(): string {
    return this.layout.wherePrefix + String(this.layout.firstRow + this.row);
  }
  get source(): { table: string; row: number } {
    return { table: this.layout.name, row: this.row };
  }
}

// One row of each kind kept alive, so that V8 keeps the rows' layout and the code compiled for it (src/core/keep.ts).
const KEPT_TABLE: TableData = { name: "Goals", sheet: "Goals", headerRow: 1, firstColumn: 0, headers: [], rows: [] };
keepLayout(new TableRow<CheckInKey>(layout<CheckInKey>(KEPT_TABLE, [], CHECKIN_KEYS_IN_ORDER), [], 0));
keepLayout(new TableGoalRow(layout<ColumnKey>(KEPT_TABLE, [], COLUMN_KEYS), [], 0));

/** A goal table's rows; blank rows are skipped. The mapping says which column is which. */
export function goalRowsFromTable(t: TableData, mapping: HeaderMapping = proposeMapping(t.headers)): GoalRowInput[] {
  // The list made at its longest (no copies as it grows), then cut to the rows kept.
  const out = new Array<GoalRowInput>(t.rows.length);
  const l = layout<ColumnKey>(t, mapping.matches, COLUMN_KEYS);
  let k = 0;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    if (!isBlankRow(row)) out[k++] = new TableGoalRow(l, row, r);
  }
  out.length = k;
  return out;
}

const CHECKIN_HEADER = new Map<string, CheckInKey>(
  CHECKIN_COLUMNS.flatMap((c) => [
    [norm(c.header), c.key],
    [norm(c.key), c.key],
  ]),
);
CHECKIN_HEADER.set("id", "goalId");
CHECKIN_HEADER.set("goal", "goalId");
CHECKIN_HEADER.set("actual", "value");
CHECKIN_HEADER.set("comments", "comment");
CHECKIN_HEADER.set("note", "comment");

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]/g, "");
}

/** The CheckIns table's rows: `Goal ID`, `Date`, `Value`, `Confidence`, `Comment`. */
export function checkInRowsFromTable(t: TableData): CheckInRowInput[] {
  const l = checkInLayout(t);
  const out = new Array<CheckInRowInput>(t.rows.length);
  let k = 0;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    if (!isBlankRow(row)) out[k++] = new TableRow<CheckInKey>(l, row, r);
  }
  out.length = k;
  return out;
}

function checkInLayout(t: TableData): Layout<CheckInKey> {
  const columns: { key: CheckInKey; source: number }[] = [];
  const taken = new Set<CheckInKey>();
  t.headers.forEach((h, i) => {
    const key = CHECKIN_HEADER.get(norm(headerText(h)));
    if (key && !taken.has(key)) {
      taken.add(key);
      columns.push({ key, source: i });
    }
  });
  return layout<CheckInKey>(t, columns, CHECKIN_KEYS_IN_ORDER);
}

/** One row object that moves over a table's rows (its `values` are made afresh each time they are read). */
class TableRowCursor extends TableRow<CheckInKey> {
  moveTo(raw: readonly unknown[], row: number): this {
    this.raw = raw;
    this.row = row;
    return this;
  }
  override get values(): Partial<Record<CheckInKey, unknown>> {
    const v: Partial<Record<CheckInKey, unknown>> = { ...this.layout.shape };
    const columns = this.layout.columns;
    for (let k = 0; k < columns.length; k++) v[columns[k].key] = this.raw[columns[k].source];
    return v;
  }
}

/** The CheckIns table's rows for the engine, read in place through one cursor. */
class TableCheckIns implements CheckInRowSource {
  private readonly cursor: TableRowCursor;
  constructor(private readonly t: TableData) {
    this.cursor = new TableRowCursor(checkInLayout(t), [], 0);
  }
  get count(): number {
    return this.t.rows.length;
  }
  at(r: number): CheckInRowInput | null {
    const row = this.t.rows[r];
    return isBlankRow(row) ? null : this.cursor.moveTo(row, r);
  }
}

keepLayout(new TableCheckIns(KEPT_TABLE));

/** Every goal table (in the order given) and the check-ins → the engine's input. */
export function workbookInputFromTables(goalTables: readonly TableData[], checkIns: TableData | null, dateSystem: DateSystem = 1900): WorkbookInput {
  let goals: GoalRowInput[];
  if (goalTables.length === 1) goals = goalRowsFromTable(goalTables[0]);
  else {
    goals = [];
    for (const t of goalTables) for (const g of goalRowsFromTable(t)) goals.push(g);
  }
  // The engine reads the check-ins through CHECKIN_ROWS; their row objects are made only for whoever reads `checkIns`.
  let made: CheckInRowInput[] | undefined;
  return {
    goals,
    get checkIns(): CheckInRowInput[] {
      return (made ??= checkIns ? checkInRowsFromTable(checkIns) : []);
    },
    dateSystem,
    [CHECKIN_ROWS]: checkIns ? new TableCheckIns(checkIns) : undefined,
  };
}
