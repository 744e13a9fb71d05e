/**
 * Formula evaluation: GOAL.* (registered implementations), TODAY, DATE, SUM,
 * HYPERLINK, FILTER and VSTACK; any other function is #NAME?. Operators take arrays
 * element-wise, as Excel's dynamic arrays do. Spills fill cells right and below; a
 * spill into a non-empty cell makes the anchor #SPILL!. The whole workbook is
 * recalculated lazily, when a value is read after a change.
 */
import { Rect } from "../core/a1";
import { EXCEL_ERRORS } from "../core/cells";
import { cols, key, keyCol, keyRow, rect, rows } from "./address";
import { serialFromYmd } from "./entry";
import { Node, parseFormula } from "./formula";
import { Scalar, SheetModel, WorkbookModel, tableColumnNames } from "./model";

/** A registered worksheet function. Its parameters are whatever Excel hands over. */
export type HostFunction = (...args: never[]) => unknown;
type Callable = (...args: unknown[]) => unknown;

/** A cell's shown value: a scalar, or "" for an empty cell. Errors are their strings (`#N/A`). */
export type Shown = Scalar;
type Val = Shown | Shown[][];

/** Excel's error values, as the core reads them (cells.ts). */
const ERROR_VALUES: ReadonlySet<string> = new Set<string>(EXCEL_ERRORS);

export function isErrorValue(v: unknown): v is string {
  return typeof v === "string" && ERROR_VALUES.has(v);
}

interface Here {
  sheet: SheetModel;
  r: number;
  c: number;
}

export class Calc {
  private version = -1;
  private results = new Map<SheetModel, Map<number, Shown>>();
  private spills = new Map<SheetModel, Map<number, Shown>>();
  /** Spilling anchors: cell key → the spill's rows and columns (anchor included). */
  private anchors = new Map<SheetModel, Map<number, { rows: number; cols: number }>>();
  private busy = new Set<string>();
  readonly functions = new Map<string, HostFunction>();

  constructor(
    private readonly wb: WorkbookModel,
    private readonly today: () => Date,
  ) {}

  invalidate(): void {
    this.version = -1;
  }

  /** The value a cell shows ("" when empty). */
  value(sheet: SheetModel, r: number, c: number): Shown {
    this.ensure();
    return this.shown(sheet, r, c);
  }

  /** True when the cell shows a spilled value from another cell's formula. */
  isSpillChild(sheet: SheetModel, r: number, c: number): boolean {
    this.ensure();
    return this.spills.get(sheet)?.has(key(r, c)) ?? false;
  }

  /** The range a formula in (r, c) spills into (anchor included), or null when the cell does not spill. */
  spillExtent(sheet: SheetModel, r: number, c: number): Rect | null {
    this.ensure();
    const a = this.anchors.get(sheet)?.get(key(r, c));
    return a ? rect(r, c, r + a.rows - 1, c + a.cols - 1) : null;
  }

  private ensure(): void {
    if (this.version === this.wb.version) return;
    this.results = new Map();
    this.spills = new Map();
    this.anchors = new Map();
    this.busy.clear();
    // Evaluate every formula, row by row, so spills land in a stable order.
    for (const sheet of this.wb.sheets) {
      const keys: number[] = [];
      for (const [k, cell] of sheet.cells) if (cell.f !== undefined) keys.push(k);
      keys.sort((a, b) => a - b);
      for (const k of keys) this.formulaValue(sheet, keyRow(k), keyCol(k));
    }
    this.version = this.wb.version;
  }

  private shown(sheet: SheetModel, r: number, c: number): Shown {
    const cell = sheet.cell(r, c);
    if (cell?.f !== undefined) return this.formulaValue(sheet, r, c);
    if (cell?.v !== undefined) return cell.v;
    return this.spills.get(sheet)?.get(key(r, c)) ?? "";
  }

  private formulaValue(sheet: SheetModel, r: number, c: number): Shown {
    const k = key(r, c);
    let done = this.results.get(sheet);
    if (!done) this.results.set(sheet, (done = new Map<number, Shown>()));
    const hit = done.get(k);
    if (hit !== undefined) return hit;
    const id = `${sheet.id}:${k}`;
    if (this.busy.has(id)) return 0; // circular reference: Excel shows 0
    this.busy.add(id);
    let out: Shown;
    try {
      const node = parseFormula(sheet.cell(r, c)?.f ?? "");
      const v = node ? this.eval(node, { sheet, r, c }) : "#NAME?";
      out = this.place(sheet, r, c, v);
    } finally {
      this.busy.delete(id);
    }
    done.set(k, out);
    return out;
  }

  /** Puts a result in its cell, spilling arrays; returns the anchor's value. */
  private place(sheet: SheetModel, r: number, c: number, v: Val): Shown {
    if (!Array.isArray(v)) return v;
    if (v.length === 0 || v[0].length === 0) return "#CALC!";
    if (v.length === 1 && v[0].length === 1) return v[0][0];
    let spill = this.spills.get(sheet);
    if (!spill) this.spills.set(sheet, (spill = new Map<number, Shown>()));
    for (let i = 0; i < v.length; i++) {
      for (let j = 0; j < v[i].length; j++) {
        if (i === 0 && j === 0) continue;
        if (sheet.hasContent(r + i, c + j) || spill.has(key(r + i, c + j))) return "#SPILL!";
      }
    }
    for (let i = 0; i < v.length; i++) for (let j = 0; j < v[i].length; j++) if (i || j) spill.set(key(r + i, c + j), v[i][j]);
    let anchors = this.anchors.get(sheet);
    if (!anchors) this.anchors.set(sheet, (anchors = new Map<number, { rows: number; cols: number }>()));
    anchors.set(key(r, c), { rows: v.length, cols: Math.max(...v.map((row) => row.length)) });
    return v[0][0];
  }

  // ---- evaluation ---------------------------------------------------------------

  private sheetOf(name: string | undefined, here: Here): SheetModel | null {
    return name === undefined ? here.sheet : (this.wb.sheetByName(name) ?? null);
  }

  private area(sheet: SheetModel, x: Rect): Shown[][] {
    const out: Shown[][] = [];
    for (let r = x.r0; r <= x.r1; r++) {
      const row: Shown[] = [];
      for (let c = x.c0; c <= x.c1; c++) row.push(this.shown(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  private structured(n: Extract<Node, { k: "sref" }>, here: Here): Val {
    const table = n.table === undefined ? this.wb.tableAt(here.sheet, here.r, here.c) : this.wb.tableByName(n.table);
    if (!table) return "#REF!";
    const names = tableColumnNames(this.wb, table).map((s) => s.toLowerCase());
    let c0 = table.rect.c0;
    let c1 = table.rect.c1;
    if (n.columns.length > 0) {
      const idx = n.columns.map((name) => names.indexOf(name.trim().toLowerCase()));
      if (idx.some((i) => i < 0)) return "#REF!";
      c0 = table.rect.c0 + Math.min(...idx);
      c1 = table.rect.c0 + Math.max(...idx);
    }
    let r0 = table.rect.r0 + 1;
    let r1 = table.rect.r1;
    if (n.area === "all") r0 = table.rect.r0;
    else if (n.area === "headers") r1 = r0 = table.rect.r0;
    else if (n.area === "thisRow") {
      if (here.sheet !== table.sheet || here.r <= table.rect.r0 || here.r > table.rect.r1) return "#VALUE!";
      r0 = r1 = here.r;
    }
    if (r1 < r0) return "#REF!";
    const v = this.area(table.sheet, rect(r0, c0, r1, c1));
    return v.length === 1 && v[0].length === 1 ? v[0][0] : v;
  }

  /** Value of a node; a reference gives its cell value or a 2-D array. */
  private eval(n: Node, here: Here): Val {
    switch (n.k) {
      case "num":
      case "str":
      case "bool":
      case "err":
        return n.v;
      case "name":
        return "#NAME?";
      case "ref": {
        const sheet = this.sheetOf(n.sheet, here);
        if (!sheet) return "#REF!";
        if (rows(n.rect) === 1 && cols(n.rect) === 1) return this.shown(sheet, n.rect.r0, n.rect.c0);
        return this.area(sheet, n.rect);
      }
      case "sref":
        return this.structured(n, here);
      case "unary": {
        const a = this.scalar(this.eval(n.a, here));
        if (n.op === "@") return a;
        if (isErrorValue(a)) return a;
        const x = toNumber(a);
        if (x === null) return "#VALUE!";
        return n.op === "-" ? -x : x;
      }
      case "pct": {
        const a = this.scalar(this.eval(n.a, here));
        if (isErrorValue(a)) return a;
        const x = toNumber(a);
        return x === null ? "#VALUE!" : x / 100;
      }
      case "bin":
        return this.lifted(n.op, this.eval(n.a, here), this.eval(n.b, here));
      case "call":
        return this.call(n.name, n.args, here);
    }
  }

  private scalar(v: Val): Shown {
    if (!Array.isArray(v)) return v;
    return v.length === 1 && v[0].length === 1 ? v[0][0] : "#VALUE!";
  }

  /**
   * An operator over arrays, element by element as Excel does: the result is as large as the
   * larger operand in each direction, an operand of one row (column) repeats down (across),
   * and an element outside a smaller operand is #N/A.
   */
  private lifted(op: string, a: Val, b: Val): Val {
    if (!Array.isArray(a) && !Array.isArray(b)) return this.binary(op, a, b);
    const x = Array.isArray(a) ? a : [[a]];
    const y = Array.isArray(b) ? b : [[b]];
    const rows = Math.max(x.length, y.length);
    const cols = Math.max(x[0]?.length ?? 0, y[0]?.length ?? 0);
    const at = (m: Shown[][], r: number, c: number): Shown => {
      const rr = m.length === 1 ? 0 : r;
      const cc = (m[0]?.length ?? 0) === 1 ? 0 : c;
      return rr < m.length && cc < (m[rr]?.length ?? 0) ? m[rr][cc] : "#N/A";
    };
    const out: Shown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: Shown[] = [];
      for (let c = 0; c < cols; c++) row.push(this.binary(op, at(x, r, c), at(y, r, c)));
      out.push(row);
    }
    return out;
  }

  private binary(op: string, a: Shown, b: Shown): Shown {
    if (isErrorValue(a)) return a;
    if (isErrorValue(b)) return b;
    if (op === "&") return text(a) + text(b);
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const cmp = compare(a, b);
      return op === "=" ? cmp === 0 : op === "<>" ? cmp !== 0 : op === "<" ? cmp < 0 : op === ">" ? cmp > 0 : op === "<=" ? cmp <= 0 : cmp >= 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (x === null || y === null) return "#VALUE!";
    let r: number;
    if (op === "+") r = x + y;
    else if (op === "-") r = x - y;
    else if (op === "*") r = x * y;
    else if (op === "/") {
      if (y === 0) return "#DIV/0!";
      r = x / y;
    } else r = Math.pow(x, y);
    return Number.isFinite(r) ? r : "#NUM!";
  }

  private call(name: string, argNodes: Array<Node | null>, here: Here): Val {
    const args = argNodes.map((a) => (a === null ? null : this.eval(a, here)));
    const fn = this.functions.get(name) ?? (name.startsWith("GOAL.") ? this.functions.get(name.slice(5)) : undefined);
    if (fn) return this.custom(fn as unknown as Callable, args);
    switch (name) {
      case "TODAY": {
        const d = this.today();
        return serialFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate(), this.wb.dateSystem);
      }
      case "DATE": {
        const [y, m, d] = args.map((a) => (a === null ? 0 : toNumber(this.scalar(a))));
        if (y === null || m === null || d === null || y === undefined || m === undefined || d === undefined) return "#VALUE!";
        const year = Math.trunc(y) < 1900 ? Math.trunc(y) + 1900 : Math.trunc(y);
        const ms = Date.UTC(year, Math.trunc(m) - 1, Math.trunc(d));
        const dt = new Date(ms);
        const serial = serialFromYmd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), this.wb.dateSystem);
        return serial < 0 ? "#NUM!" : serial;
      }
      case "SUM": {
        let total = 0;
        for (const a of args) {
          if (a === null) continue;
          if (Array.isArray(a)) {
            for (const row of a)
              for (const v of row) {
                if (isErrorValue(v)) return v;
                if (typeof v === "number") total += v;
              }
          } else {
            if (isErrorValue(a)) return a;
            const x = toNumber(a);
            if (x === null) return "#VALUE!";
            total += x;
          }
        }
        return total;
      }
      case "HYPERLINK": {
        const link = args[0] === undefined || args[0] === null ? "" : this.scalar(args[0]);
        const label = args[1] === undefined || args[1] === null ? link : this.scalar(args[1]);
        return label;
      }
      case "FILTER":
        return this.filter(args[0], args[1], args[2]);
      case "VSTACK": {
        const parts = args.map((a) => (a === null ? [[""]] : Array.isArray(a) ? a : [[a]]));
        const width = Math.max(...parts.map((p) => p[0]?.length ?? 0));
        return parts.flatMap((p) => p.map((row) => Array.from({ length: width }, (_, j) => (j < row.length ? row[j] : "#N/A"))));
      }
      default:
        return "#NAME?";
    }
  }

  /**
   * FILTER(array, include, [if_empty]): the rows (or, for an include of one row, the columns)
   * of array whose include is TRUE or a number other than 0. An include of another size is
   * #VALUE!; an error in it is that error; nothing included is if_empty, else #CALC!.
   */
  private filter(array: Val | null | undefined, include: Val | null | undefined, ifEmpty: Val | null | undefined): Val {
    if (array === null || array === undefined || include === null || include === undefined) return "#VALUE!";
    const a = Array.isArray(array) ? array : [[array]];
    const inc = Array.isArray(include) ? include : [[include]];
    const byRow = (inc[0]?.length ?? 0) === 1 && inc.length === a.length;
    const byCol = !byRow && inc.length === 1 && (inc[0]?.length ?? 0) === (a[0]?.length ?? 0);
    if (!byRow && !byCol) return "#VALUE!";
    const flags = byRow ? inc.map((row) => row[0]) : inc[0];
    const keep: boolean[] = [];
    for (const f of flags) {
      if (isErrorValue(f)) return f;
      if (typeof f === "string" && f !== "") return "#VALUE!";
      keep.push(f === true || (typeof f === "number" && f !== 0));
    }
    const out = byRow ? a.filter((_, r) => keep[r]) : a.map((row) => row.filter((_, c) => keep[c]));
    if (out.length === 0 || (out[0]?.length ?? 0) === 0) return ifEmpty === null || ifEmpty === undefined ? "#CALC!" : ifEmpty;
    return out;
  }

  private custom(fn: Callable, args: Array<Val | null>): Val {
    let out: unknown;
    try {
      out = fn(...args);
    } catch {
      return "#VALUE!";
    }
    return normalizeResult(out);
  }
}

function normalizeScalar(v: unknown): Shown {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && typeof (v as { code?: unknown }).code === "string") {
    const code = (v as { code: string }).code;
    return isErrorValue(code) ? code : "#VALUE!";
  }
  return "#VALUE!";
}

function normalizeResult(out: unknown): Val {
  if (out !== null && typeof out === "object" && typeof (out as { then?: unknown }).then === "function") return "#BUSY!";
  if (Array.isArray(out)) {
    if (!out.every((row) => Array.isArray(row))) return "#VALUE!";
    const width = Math.max(0, ...out.map((row: unknown[]) => row.length));
    return out.map((row: unknown[]) => Array.from({ length: width }, (_, j) => (j < row.length ? normalizeScalar(row[j]) : "#N/A")));
  }
  return normalizeScalar(out);
}

function toNumber(v: Shown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : null;
}

function text(v: Shown): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: Shown, b: Shown): number {
  const rank = (v: Shown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
