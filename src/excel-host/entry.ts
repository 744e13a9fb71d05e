/**
 * What Excel makes of an input written through `Range.values` / `Range.formulas`
 * or typed by a user: formulas, quote-prefixed text, numbers, percentages, ISO dates,
 * booleans. See docs/excel-host.md "Writing cells".
 */
import { ErrorCode, HostError } from "./errors";
import { Scalar } from "./model";

export type Entry =
  /** `null` in an input array: leave the cell as it is (Office.js ignores nulls in updates). */
  | { kind: "skip" }
  /** `""`: clear the cell's content. */
  | { kind: "clear" }
  | { kind: "value"; v: Scalar; nf?: string }
  | { kind: "formula"; f: string };

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DIGIT = /\d/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Number from text as Excel's entry parser reads it (en-US), or null. */
export function numberFromText(text: string): number | null {
  const s = text.trim();
  if (s === "" || !NUMBER.test(s) || !DIGIT.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function percentFormat(body: string): string {
  const dot = body.indexOf(".");
  const decimals = dot < 0 ? 0 : body.length - dot - 1;
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

export function serialFromYmd(y: number, m: number, d: number, dateSystem: 1900 | 1904): number {
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  if (dateSystem === 1904) return day - Date.UTC(1904, 0, 1) / 86_400_000;
  const serial = day - Date.UTC(1899, 11, 30) / 86_400_000;
  return serial < 61 ? serial - 1 : serial;
}

export function ymdFromSerial(serial: number, dateSystem: 1900 | 1904): [number, number, number] {
  const whole = Math.floor(serial);
  let ms: number;
  if (dateSystem === 1904) ms = Date.UTC(1904, 0, 1) + whole * 86_400_000;
  else ms = Date.UTC(1899, 11, 30) + (whole < 61 ? whole + 1 : whole) * 86_400_000;
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Parses one input value. Throws InvalidArgument for values Excel refuses (NaN, ±Infinity, objects). */
export function parseEntry(input: unknown, dateSystem: 1900 | 1904): Entry {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new HostError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format. (${input})`);
    return { kind: "value", v: Object.is(input, -0) ? 0 : input };
  }
  if (typeof input === "boolean") return { kind: "value", v: input };
  if (typeof input !== "string") {
    throw new HostError(ErrorCode.invalidArgument, "The argument is invalid or missing or has an incorrect format. (not a string, number or boolean)");
  }
  const s = input;
  if (s === "") return { kind: "clear" };
  const first = s[0];
  if (first === "'") return { kind: "value", v: s.slice(1) };
  if (first === "=" && s.length > 1) return { kind: "formula", f: s };
  if (first === "@" && s.length > 1) return { kind: "formula", f: `=${s.slice(1)}` };
  const trimmed = s.trim();
  const n = numberFromText(trimmed);
  if (n !== null) return { kind: "value", v: Object.is(n, -0) ? 0 : n };
  if (trimmed.endsWith("%")) {
    const body = trimmed.slice(0, -1).trim();
    const p = numberFromText(body);
    if (p !== null) return { kind: "value", v: p / 100, nf: percentFormat(body) };
  }
  if ((first === "+" || first === "-") && s.length > 1) return { kind: "formula", f: `=${s}` };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const y = +iso[1];
    const m = +iso[2];
    const d = +iso[3];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (y >= (dateSystem === 1904 ? 1904 : 1900) && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) {
      return { kind: "value", v: serialFromYmd(y, m, d, dateSystem), nf: "yyyy-mm-dd" };
    }
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE") return { kind: "value", v: true };
  if (upper === "FALSE") return { kind: "value", v: false };
  return { kind: "value", v: s };
}
