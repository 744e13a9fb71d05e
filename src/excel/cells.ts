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

/** Rough JSON size of a 2-D block of values, as Office.js would send it. */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of values) {
    bytes += 2;
    for (const v of row) bytes += typeof v === "string" ? v.length * 1.2 + 3 : 12;
  }
  return Math.ceil(bytes);
}

/** Splits rows into runs whose estimated size stays under `maxBytes` (at least one row each). */
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
