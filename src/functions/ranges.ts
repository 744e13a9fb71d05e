/**
 * Ranges for the GOAL.* functions: Excel hands a range over as a 2-D array
 * (rows of cells). Row functions are applied element-wise over ranges of one
 * size (scalars and single cells broadcast); range functions read their ranges
 * in row-major order. Everything here is linear in the number of cells.
 */
import { isFunctionError, valueError } from "./errors";

/**
 * A range, read in row-major order with `cellAt`. The cells are not copied: the
 * range keeps the array it was handed (read, never changed).
 */
export interface Range {
  rows: number;
  cols: number;
  /** Number of cells, rows × cols. */
  size: number;
  /** The rows of cells as handed over. */
  grid: readonly (readonly unknown[])[];
}

/** The i-th cell of a range in row-major order, as the core reader takes it (`plainCell`). */
export function cellAt(r: Range, i: number): unknown {
  const v = r.cols === 1 ? r.grid[i][0] : r.grid[Math.floor(i / r.cols)][i % r.cols];
  // Plain values (the usual case) need no look at their shape.
  return typeof v === "object" && v !== null ? plainCell(v) : v;
}

/**
 * A cell as the core reader takes it. The generated metadata sets
 * `allowCustomDataForDataTypeAny`, so Excel may hand over a data type
 * (`Excel.CellValue`, read through its `basicValue`), and an error input arrives
 * as an error object (read as its code, `#N/A` …); plain values pass unchanged.
 */
export function plainCell(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Date) return v;
  const o = v as { code?: unknown; basicValue?: unknown };
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if ("basicValue" in o) return o.basicValue;
  return v;
}

/** A 2-D array as Excel passes ranges; a 1-D array counts as one row; anything else is not a range. */
function asGrid(v: unknown): unknown[][] | null {
  if (!Array.isArray(v)) return null;
  if (v.length === 0) return [];
  // Holes in a sparse array are skipped, as Array.prototype.every skips them.
  for (let r = 0; r < v.length; r++) if (!Array.isArray(v[r]) && r in v) return [v];
  return v as unknown[][];
}

export function sizeText(r: Pick<Range, "rows" | "cols">): string {
  return `${r.rows}×${r.cols}`;
}

export function sizeMismatch(a: Pick<Range, "rows" | "cols">, b: Pick<Range, "rows" | "cols">): CustomFunctions.Error {
  return valueError(`Ranges have different sizes: ${sizeText(a)} and ${sizeText(b)}`);
}

function gridShape(g: unknown[][]): { rows: number; cols: number } | CustomFunctions.Error {
  const rows = g.length;
  const cols = rows === 0 ? 0 : g[0].length;
  if (rows === 0 || cols === 0) return valueError("A range is empty; select at least one cell");
  for (let r = 1; r < rows; r++) if (g[r].length !== cols) return valueError("A range is not rectangular; select a block of cells");
  return { rows, cols };
}

/**
 * Applies a row function to its arguments: all scalars → one result; otherwise
 * element-wise over the ranges, which must all have one size (a scalar or a 1×1
 * range is used for every element), giving a 2-D array of that size.
 */
export function lift<R>(args: readonly unknown[], cell: (values: unknown[]) => R): R | CustomFunctions.Error | R[][] {
  // The common case, one call per row with plain cell values: no copies.
  let plain = true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (typeof a === "object" && a !== null) {
      plain = false;
      break;
    }
  }
  if (plain) return cell(args as unknown[]);
  const grids = args.map(asGrid);
  let shape: { rows: number; cols: number } | null = null;
  let anyGrid = false;
  for (const g of grids) {
    if (g === null) continue;
    anyGrid = true;
    const s = gridShape(g);
    if (isFunctionError(s)) return s;
    if (s.rows === 1 && s.cols === 1) continue;
    if (shape === null) shape = s;
    else if (shape.rows !== s.rows || shape.cols !== s.cols) return sizeMismatch(shape, s);
  }
  if (!anyGrid) return cell(args.map(plainCell));
  const { rows, cols } = shape ?? { rows: 1, cols: 1 };
  const out: R[][] = new Array<R[]>(rows);
  const values: unknown[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const line: R[] = new Array<R>(cols);
    for (let c = 0; c < cols; c++) {
      for (let k = 0; k < args.length; k++) {
        const g = grids[k];
        values[k] = plainCell(g === null ? args[k] : g.length === 1 && g[0].length === 1 ? g[0][0] : g[r][c]);
      }
      line[c] = cell(values.slice());
    }
    out[r] = line;
  }
  return out;
}

/**
 * A range argument in row-major order: a 2-D array, or a single value as a 1×1
 * range. Null when the (optional) argument was left out.
 */
export function readRange(v: unknown): Range | CustomFunctions.Error | null {
  if (v === undefined || v === null) return null;
  const g = asGrid(v);
  if (g === null) return { rows: 1, cols: 1, size: 1, grid: [[v]] };
  const s = gridShape(g);
  if (isFunctionError(s)) return s;
  return { rows: s.rows, cols: s.cols, size: s.rows * s.cols, grid: g };
}

/**
 * Reads range arguments that must all have one size (left-out optional ones are
 * skipped): the ranges, or the first error.
 */
export function readRanges(args: readonly unknown[]): (Range | null)[] | CustomFunctions.Error {
  const out: (Range | null)[] = [];
  let first: Range | null = null;
  for (const a of args) {
    const r = readRange(a);
    if (isFunctionError(r)) return r;
    if (r !== null) {
      if (first === null) first = r;
      else if (first.rows !== r.rows || first.cols !== r.cols) return sizeMismatch(first, r);
    }
    out.push(r);
  }
  return out;
}
