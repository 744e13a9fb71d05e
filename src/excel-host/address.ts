/** A1 addresses: parsing and formatting, 0-based inclusive rectangles. */
import { ErrorCode, HostError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number = r0, c1: number = c0): Rect {
  return { r0, c0, r1, c1 };
}

export function rows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function cols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

export function formatRect(x: Rect): string {
  const wholeCols = x.r0 === 0 && x.r1 === MAX_ROWS - 1;
  const wholeRows = x.c0 === 0 && x.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${colName(x.c0)}:${colName(x.c1)}`;
  if (wholeRows && !wholeCols) return `${x.r0 + 1}:${x.r1 + 1}`;
  const a = cellName(x.r0, x.c0);
  return x.r0 === x.r1 && x.c0 === x.c1 ? a : `${a}:${cellName(x.r1, x.c1)}`;
}

const PLAIN_SHEET = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|TRUE|FALSE)$/i;

/** A sheet name as Excel writes it in an address: quoted when needed. */
export function quoteSheet(name: string): string {
  if (PLAIN_SHEET.test(name) && !LOOKS_LIKE_REF.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, x: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(x)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function bad(address: string): HostError {
  return new HostError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

/** Splits `Sheet!A1:B2` / `'My sheet'!A1` into sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i + 1] !== "!") return { ref: s };
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang > 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

/** Parses `A1`, `A1:C4`, `A:C`, `2:5` (optionally with a sheet prefix). Throws InvalidArgument. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(":");
  if (parts.length > 2 || parts[0] === "") throw bad(address);
  const a = parts[0];
  const b = parts.length === 2 ? parts[1] : parts[0];
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  let out: Rect;
  if (m1 && m2) {
    out = rect(+m1[2] - 1, colIndex(m1[1]), +m2[2] - 1, colIndex(m2[1]));
  } else if ((m1 = COL.exec(a)) && (m2 = COL.exec(b)) && parts.length === 2) {
    out = rect(0, colIndex(m1[1]), MAX_ROWS - 1, colIndex(m2[1]));
  } else if ((m1 = ROW.exec(a)) && (m2 = ROW.exec(b)) && parts.length === 2) {
    out = rect(+m1[1] - 1, 0, +m2[1] - 1, MAX_COLS - 1);
  } else {
    throw bad(address);
  }
  const n = normalize(out);
  if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) throw bad(address);
  return { sheet, rect: n };
}

export function normalize(x: Rect): Rect {
  return rect(Math.min(x.r0, x.r1), Math.min(x.c0, x.c1), Math.max(x.r0, x.r1), Math.max(x.c0, x.c1));
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? rect(r0, c0, r1, c1) : null;
}

export function bounding(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.r0, b.r0), Math.min(a.c0, b.c0), Math.max(a.r1, b.r1), Math.max(a.c1, b.c1));
}

export function contains(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

export function inBounds(x: Rect): boolean {
  return x.r0 >= 0 && x.c0 >= 0 && x.r1 < MAX_ROWS && x.c1 < MAX_COLS && x.r0 <= x.r1 && x.c0 <= x.c1;
}

/** Cell key in a sheet's sparse map. */
export function key(r: number, c: number): number {
  return r * MAX_COLS + c;
}
export function keyRow(k: number): number {
  return Math.floor(k / MAX_COLS);
}
export function keyCol(k: number): number {
  return k % MAX_COLS;
}
