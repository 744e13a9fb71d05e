/**
 * Calendar days without time zone. A `Day` is the whole number of days since
 * 1970-01-01 (day 0), so differences between dates are plain subtraction.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Excel's 1900 system: serial 61 is 1900-03-01 and the day is 1899-12-30 + serial. */
const EXCEL_1900_EPOCH: Day = -25_569; // 1899-12-30
/** The 1904 system adds 1462 days to the serial. */
export const EXCEL_1904_OFFSET = 1462;
/** The last day Excel can show, 9999-12-31, as a 1900-system serial. */
export const EXCEL_MAX_SERIAL = 2_958_465;

export type DateSystem = 1900 | 1904;

export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Years 0–9999 (all that ISO text can write) by arithmetic, without a Date.
  if (year >= 0 && year <= 9999) return day > daysInMonth(year, month) ? null : civilDay(year, month, day);
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC maps years 0..99 to 1900..1999: set the full year explicitly.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Days in a month of the proleptic Gregorian calendar (as Date counts them; year 0 is a leap year). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid date with year ≥ 0 (H. Hinnant's days_from_civil). */
function civilDay(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function partsFromDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day. */
export function isoDay(day: Day): string {
  const p = partsFromDay(day);
  const y = p.year < 0 ? `-${String(-p.year).padStart(6, "0")}` : p.year > 9999 ? `+${String(p.year).padStart(6, "0")}` : String(p.year).padStart(4, "0");
  return `${y}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The calendar day a JavaScript Date stands for, read in UTC (as exceljs writes dates). */
export function dayFromDate(date: Date): Day | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  return Math.floor(t / MS_PER_DAY);
}

/** Today's local calendar day of the machine running the code. */
export function today(now: Date = new Date()): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/**
 * Excel serial → day. The time of day is dropped. 1900 system: serials below 61
 * follow Excel's fictitious 1900-02-29 (serial 60), which is no real day: null.
 */
export function dayFromSerial(serial: number, system: DateSystem = 1900): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (system === 1904) {
    const s = whole + EXCEL_1904_OFFSET;
    if (whole < 0 || s > EXCEL_MAX_SERIAL) return null;
    return EXCEL_1900_EPOCH + s;
  }
  if (whole < 1 || whole > EXCEL_MAX_SERIAL) return null;
  if (whole === 60) return null;
  if (whole < 60) return EXCEL_1900_EPOCH + whole + 1;
  return EXCEL_1900_EPOCH + whole;
}

/** Day → Excel serial in the given date system (for writing dates back). */
export function serialFromDay(day: Day, system: DateSystem = 1900): number {
  let serial = day - EXCEL_1900_EPOCH;
  if (serial < 61) serial -= 1;
  return system === 1904 ? serial - EXCEL_1904_OFFSET : serial;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `YYYY-MM-DD` (optionally followed by a time, which is dropped) → day. */
export function dayFromIso(text: string): Day | null {
  // The usual cell, exactly `YYYY-MM-DD`, read by its characters; everything else by the pattern.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return dayFromParts(year, month, day);
  }
  const m = ISO.exec(text.trim());
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The number written by the ASCII digits text[from..to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A date window given by a Cycle label. */
export interface Window {
  start: Day;
  end: Day;
}

/**
 * `YYYY`, `YYYY-H1/H2`, `YYYY-Q1..Q4`, `YYYY-MM` give a window (first to last day);
 * other text is a label only (null).
 */
export function cycleWindow(label: string | null | undefined): Window | null {
  if (!label) return null;
  // A workbook has a handful of Cycle labels: each is worked out once, and its window shared (frozen).
  let w = WINDOWS.get(label);
  if (w === undefined) {
    w = parseCycleWindow(label);
    if (w !== null) Object.freeze(w);
    if (WINDOWS.size >= 1000) WINDOWS.clear();
    WINDOWS.set(label, w);
  }
  return w;
}

const WINDOWS = new Map<string, Window | null>();

function parseCycleWindow(label: string): Window | null {
  const t = label.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return monthsWindow(Number(m[1]), 1, 12);
  m = /^(\d{4})[-\s]?H([12])$/.exec(t);
  if (m) {
    const h = Number(m[2]);
    return monthsWindow(Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12);
  }
  m = /^(\d{4})[-\s]?Q([1-4])$/.exec(t);
  if (m) {
    const q = Number(m[2]);
    return monthsWindow(Number(m[1]), 3 * q - 2, 3 * q);
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return monthsWindow(Number(m[1]), month, month);
  }
  return null;
}

function monthsWindow(year: number, firstMonth: number, lastMonth: number): Window | null {
  const start = dayFromParts(year, firstMonth, 1);
  const nextMonth = lastMonth === 12 ? dayFromParts(year + 1, 1, 1) : dayFromParts(year, lastMonth + 1, 1);
  if (start === null || nextMonth === null) return null;
  return { start, end: nextMonth - 1 };
}
