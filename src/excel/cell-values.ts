/**
 * How the adapter writes cells: user text stays text, payloads stay under 4 MB,
 * and reads come in chunks that Excel on the web accepts.
 */

/** Largest request the adapter sends (Excel on the web refuses 5 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Cells loaded per read request: about 40 bytes a cell keeps a response near 4 MB. */
export const READ_CELLS_PER_CHUNK = 100_000;

export type CellValue = string | number | boolean;

/**
 * A string as Excel must receive it to keep it literal text: Excel turns text that
 * starts with `=`, `+`, `-` or `@`, or that looks like a number, a date or TRUE/FALSE,
 * into a formula or a value; the quote prefix `'` keeps it as typed.
 */
export function literalText(s: string): string {
  if (s === "") return s;
  const t = s.trimStart();
  // Anything Excel might read as a formula, number, date, time, currency, fraction,
  // boolean or error gets the prefix; the prefix is harmless on text Excel would keep.
  if (/^[=+\-@'#.$€£¥(]/.test(t) || /^\d/.test(t) || /^(true|false)\s*$/i.test(t)) return `'${s}`;
  return s;
}

/** A user value for a cell: strings are kept literal, numbers and booleans stay what they are. */
export function userCell(v: string | number | boolean | null): CellValue {
  if (v === null) return "";
  if (typeof v === "string") return literalText(v);
  return v;
}

/**
 * The size of `JSON.stringify(value)` in UTF-8 bytes — what Office.js sends for a
 * values array — counted without building the string: `"` and `\\` take 2 bytes,
 * `\b \f \n \r \t` 2, other control characters and lone surrogates 6 (`\u0007`),
 * other text 1 to 3 bytes a UTF-16 unit (CJK 3) and 4 for a surrogate pair (emoji).
 */
export function jsonBytes(value: unknown): number {
  if (typeof value === "string") return stringBytes(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4; // NaN, Infinity: null
  if (typeof value === "boolean") return value ? 4 : 5;
  if (value === null || value === undefined) return 4; // null (undefined in an array is null too)
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += jsonBytes(v);
    return n;
  }
  return new TextEncoder().encode(JSON.stringify(value) ?? "null").length;
}

/** Plain printable ASCII without `"` or `\\`: one byte a character. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringBytes(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // a lone high surrogate is written as \udXXX
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** The JSON size of a 2-D block of values, as Office.js sends it (UTF-8 bytes). */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  return jsonBytes(values);
}

/** Splits rows into runs whose JSON size stays under `maxBytes` (at least one row each). */
export function chunkRows<T extends readonly unknown[]>(rows: readonly T[], maxBytes = MAX_REQUEST_BYTES * 0.8): { start: number; rows: T[] }[] {
  const out: { start: number; rows: T[] }[] = [];
  let start = 0;
  let cur: T[] = [];
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = estimateBytes([rows[i]]);
    if (cur.length > 0 && size + b > maxBytes) {
      out.push({ start, rows: cur });
      start = i;
      cur = [];
      size = 0;
    }
    cur.push(rows[i]);
    size += b;
  }
  if (cur.length > 0) out.push({ start, rows: cur });
  return out;
}

/** Row counts per read chunk for a block of `columns` columns. */
export function readChunks(rowCount: number, columns: number): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(READ_CELLS_PER_CHUNK / Math.max(1, columns)));
  const out: { start: number; count: number }[] = [];
  for (let s = 0; s < rowCount; s += per) out.push({ start: s, count: Math.min(per, rowCount - s) });
  return out;
}
