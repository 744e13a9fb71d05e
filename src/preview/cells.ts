/** How the preview's grid shows a cell: Excel's displayed text for the common number formats. */
import { ymdFromSerial } from "../excel-host/entry";

export type Shown = string | number | boolean;

export function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellName(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

/** `B3` or `B3:N70` → 0-based inclusive rectangle; null when it is not an A1 address. */
export function parseRect(address: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** The text Excel shows for a value with a number format (en-US; General otherwise). */
export function displayText(v: Shown, numberFormat: string, dateSystem: 1900 | 1904 = 1900): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const nf = numberFormat.trim();
  const pct = /^0(?:\.(0+))?%$/.exec(nf);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(nf);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  const grouped = /^#,##0(?:\.(0+))?$/.exec(nf);
  if (grouped) {
    const d = grouped[1]?.length ?? 0;
    return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  if (/[yd]/i.test(nf) && !/[hs]/i.test(nf) && v >= 0 && v < 2_958_466) {
    const [y, m, d] = ymdFromSerial(v, dateSystem);
    return nf
      .toLowerCase()
      .replace(/yyyy/g, String(y))
      .replace(/yy/g, String(y).slice(-2))
      .replace(/mm/g, String(m).padStart(2, "0"))
      .replace(/dd/g, String(d).padStart(2, "0"))
      .replace(/\bm\b/g, String(m))
      .replace(/\bd\b/g, String(d));
  }
  return String(Number(v.toPrecision(11)));
}
