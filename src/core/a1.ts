/**
 * A1 addresses, the one place they are read and written: column letters, cell
 * names, ranges (`B3:N70`, whole columns `A:C`, whole rows `2:5`) and sheet names
 * with their quotes (`Goals!H4`, `'My goals'!H4`, `'O''Brien'!A1`).
 *
 * Rows and columns are 0-based here (A1 is row 0, column 0) unless a function
 * says otherwise; a `Rect` is inclusive at both ends. Parsers never throw: they
 * return null for text that is not an address.
 */

/** Rows in an Excel sheet. */
export const MAX_ROWS = 1_048_576;
/** Columns in an Excel sheet (A to XFD). */
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells: 0-based, inclusive (`A1:C3` is r0 0, c0 0, r1 2, c1 2). */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** One cell: 0-based row and column. */
export interface Cell {
  row: number;
  column: number;
}

/** An address split into its sheet (unquoted; null when it names none) and its rectangle. */
export interface Address {
  sheet: string | null;
  rect: Rect;
}

/**
 * Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA". A negative or fractional
 * index counts as its floor, at least 0; NaN and ±Infinity as 0.
 */
export function columnLetters(index: number): string {
  let n = (Number.isFinite(index) ? Math.max(0, Math.floor(index)) : 0) + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LETTERS = /^[A-Za-z]+$/;

/** Column index of spreadsheet letters, any case: "A" → 0, "aa" → 26; -1 when the text is not letters. */
export function columnIndex(letters: string): number {
  if (!LETTERS.test(letters)) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

/** A cell's name without a sheet: (0, 0) → "A1", (2, 1) → "B3". */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]+)$/;

/**
 * One cell reference (`B3`, `$B$3`, `b3`; no white space) → 0-based cell; null when it
 * is not one or names row 0. Not checked against the sheet's size (`ZZZ9999999` is a cell here), so
 * that a reader of files can clamp what it finds.
 */
export function parseCell(text: string): Cell | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  return row < 0 ? null : { row, column: columnIndex(m[1]) };
}

/** The rectangle with its corners in order (top left, bottom right). */
export function orderedRect(x: Rect): Rect {
  return { r0: Math.min(x.r0, x.r1), c0: Math.min(x.c0, x.c1), r1: Math.max(x.r0, x.r1), c1: Math.max(x.c0, x.c1) };
}

/**
 * A cell or a range of cells (`B3`, `B3:N70`, `$N$70:B3`) → rectangle, corners in order;
 * null otherwise. Like `parseCell`, not checked against the sheet's size.
 */
export function parseCellRange(text: string): Rect | null {
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return null;
  return orderedRect({ r0: a.row, c0: a.column, r1: b.row, c1: b.column });
}

/**
 * A range as Excel writes one without a sheet: a cell or cells (`B3`, `B3:N70`), whole
 * columns (`A:C`) or whole rows (`2:5`), `$` signs allowed, any case → rectangle,
 * corners in order; null when it is not one or lies outside the sheet.
 */
export function parseRange(text: string): Rect | null {
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  let x: Rect | null = null;
  if (parts.length === 1) {
    x = parseCellRange(parts[0]);
  } else {
    const [a, b] = parts;
    let m1: RegExpExecArray | null;
    let m2: RegExpExecArray | null;
    if (CELL.test(a) && CELL.test(b)) x = parseCellRange(text);
    else if ((m1 = COLUMN.exec(a)) && (m2 = COLUMN.exec(b))) x = { r0: 0, c0: columnIndex(m1[1]), r1: MAX_ROWS - 1, c1: columnIndex(m2[1]) };
    else if ((m1 = ROW.exec(a)) && (m2 = ROW.exec(b))) x = { r0: Number(m1[1]) - 1, c0: 0, r1: Number(m2[1]) - 1, c1: MAX_COLUMNS - 1 };
  }
  if (x === null) return null;
  const n = orderedRect(x);
  return n.r0 >= 0 && n.c0 >= 0 && n.r1 < MAX_ROWS && n.c1 < MAX_COLUMNS ? n : null;
}

/** A rectangle as Excel writes it without a sheet: `A1`, `A1:C3`, whole columns `A:C`, whole rows `2:5`. */
export function rangeText(x: Rect): string {
  const wholeColumns = x.r0 === 0 && x.r1 === MAX_ROWS - 1;
  const wholeRows = x.c0 === 0 && x.c1 === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${columnLetters(x.c0)}:${columnLetters(x.c1)}`;
  if (wholeRows && !wholeColumns) return `${x.r0 + 1}:${x.r1 + 1}`;
  const a = cellName(x.r0, x.c0);
  return x.r0 === x.r1 && x.c0 === x.c1 ? a : `${a}:${cellName(x.r1, x.c1)}`;
}

const PLAIN_SHEET = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|TRUE|FALSE)$/i;

/**
 * A sheet name as Excel writes it in an address: as it is when it is a plain name,
 * else in single quotes with `'` doubled (`My goals` → `'My goals'`, `O'Brien` →
 * `'O''Brien'`). A name that starts with a digit, holds a space or a sign, or reads
 * like a reference (`Q1`, `R1C1`, `TRUE`) is quoted.
 */
export function quoteSheet(name: string): string {
  if (PLAIN_SHEET.test(name) && !LOOKS_LIKE_REF.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** `Goals!H` or `'My goals'!H`: a cell address without its row number (`column` 0-based). */
export function columnPrefix(sheet: string, column: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(column)}`;
}

/** `Goals!H4`, or `'My goals'!H4` when the sheet name needs quotes. `row` is Excel's row number (1-based), `column` 0-based. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${columnPrefix(sheet, column)}${row}`;
}

/** `Goals!B3:N70`, `'My goals'!A:C`: a rectangle with its sheet. */
export function rangeAddress(sheet: string, x: Rect): string {
  return `${quoteSheet(sheet)}!${rangeText(x)}`;
}

/**
 * Splits `Sheet!A1:B2` / `'My sheet'!A1` / `A1` into the sheet name (unquoted, `''` read
 * as `'`; null when there is none) and the rest, after trimming white space. Null
 * when the sheet part is empty or a quoted name is not closed right before the `!`.
 */
export function splitSheet(address: string): { sheet: string | null; ref: string } | null {
  const s = address.trim();
  if (s.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < s.length; i++) {
      if (s[i] !== "'") name += s[i];
      else if (s[i + 1] === "'") {
        name += "'";
        i++;
      } else break;
    }
    if (i >= s.length || s[i + 1] !== "!" || name === "") return null;
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang === 0) return null;
  return bang < 0 ? { sheet: null, ref: s } : { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
}

/** `Goals!B3:N70`, `'My goals'!$A:$C`, `H4` → sheet and rectangle (see `parseRange`); null when it is not an address. */
export function parseAddress(address: string): Address | null {
  const split = splitSheet(address);
  if (!split) return null;
  const rect = parseRange(split.ref);
  return rect ? { sheet: split.sheet, rect } : null;
}

/** The rectangle of an address with or without a sheet, the sheet left aside; null when it is not an address. */
export function addressRect(address: string): Rect | null {
  return parseAddress(address)?.rect ?? null;
}
