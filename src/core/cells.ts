/**
 * The cell reader (model.md): one reader for what Office.js and exceljs hand over.
 * It never throws; a value it rejects comes back with the data rule that fires.
 */
import { DateSystem, Day, dayFromDate, dayFromIso, dayFromSerial } from "./dates";
import { ENUM_SYNONYMS, EnumField, GoalType, Level, Direction, RollupMode } from "./columns";

export const EXCEL_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
] as const;

const ERROR_SET = new Set<string>(EXCEL_ERRORS.map((e) => e.toUpperCase()));

export type DataRule = "E1" | "E2" | "E3" | "E4";

/** What the reader makes of one cell. */
export type CellRead<T> = { kind: "blank" } | { kind: "value"; value: T } | { kind: "invalid"; code: DataRule; text: string };

export const BLANK: { kind: "blank" } = { kind: "blank" };

function ok<T>(value: T): { kind: "value"; value: T } {
  return { kind: "value", value };
}

function invalid(code: DataRule, text: string): { kind: "invalid"; code: DataRule; text: string } {
  return { kind: "invalid", code, text };
}

/** The value as a person would see it typed in the cell, for messages and sealing. */
export function displayText(raw: unknown): string {
  const v = unwrap(raw);
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : "Invalid Date";
  return safeString(v);
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return "";
  }
}

/** exceljs rich text `{richText:[{text}]}` flattened; null when not rich text. */
function richText(v: unknown): string | null {
  if (typeof v !== "object" || v === null || !("richText" in v)) return null;
  const parts = v.richText;
  if (!Array.isArray(parts)) return null;
  return parts.map((p: unknown) => (typeof p === "object" && p !== null && "text" in p ? safeString(p.text) : "")).join("");
}

/**
 * Unwraps what exceljs may hand over: formula cells give their cached result,
 * hyperlinks their text, rich text its plain text, error objects their code.
 */
export function unwrap(v: unknown): unknown {
  // Iterative with a bound: a value that points back at itself cannot loop forever.
  let cur = v;
  for (let depth = 0; depth < 8; depth++) {
    if (typeof cur !== "object" || cur === null || cur instanceof Date) return cur;
    const rich = richText(cur);
    if (rich !== null) return rich;
    const o = cur as Record<string, unknown>;
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o || "result" in o) {
      cur = o.result;
      continue;
    }
    if ("text" in o && (typeof o.text === "string" || typeof o.text === "object")) {
      cur = o.text;
      continue;
    }
    return cur;
  }
  return typeof cur === "object" ? null : cur;
}

/**
 * The formula of a cell that holds one, as Excel shows it (`=99`), or null. exceljs
 * hands such a cell over as `{formula, result}` (or `{sharedFormula, result}` for a
 * copy of another cell's formula); Office.js's values never are. The reader takes
 * the cached result, which Excel replaces when it recalculates.
 */
export function formulaOf(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || raw instanceof Date) return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.formula === "string") return `=${o.formula}`;
  if (typeof o.sharedFormula === "string") return `=(the formula of ${o.sharedFormula})`;
  if ("formula" in o || "sharedFormula" in o) return "=(formula)";
  return null;
}

export function isBlank(raw: unknown): boolean {
  const v = unwrap(raw);
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The Excel error code a cell holds (`#N/A` …), or null. */
export function excelError(raw: unknown): string | null {
  const v = unwrap(raw);
  if (typeof v !== "string") return null;
  // Every error code starts with `#`: text that starts with anything but `#` or white space is no error.
  const first = v.charCodeAt(0);
  if (first !== 35 && first > 32 && first < 127) return null;
  const t = v.trim().toUpperCase();
  return ERROR_SET.has(t) ? t : null;
}

/** Text: trimmed, Unicode NFC. Numbers and booleans become their display text. */
export function readText(raw: unknown): CellRead<string> {
  // Most cells: text starting with a printable character other than `#` (not blank, no error code).
  if (typeof raw === "string" && plainStart(raw)) return ok(normalizeText(raw));
  const v = unwrap(raw);
  if (isBlank(v)) return BLANK;
  const err = excelError(v);
  if (err) return invalid("E1", err);
  return ok(normalizeText(displayText(v)));
}

/**
 * A cell the reader takes as it is, with no finding: blank, a finite number, or text
 * that starts with a printable character other than `#` (for text fields). Lets a
 * caller that needs only the findings of a field skip reading it.
 */
export function isPlainCell(raw: unknown, text: boolean): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "number") return Number.isFinite(raw);
  return text && typeof raw === "string" && plainStart(raw);
}

/** Text whose first character is printable ASCII other than space and `#`: neither blank nor an error code. */
export function plainStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 32 && c < 127 && c !== 35;
}

/** Any character but printable ASCII (ASCII text is its own NFC form; the rest goes to normalize). */
const NON_ASCII = /[^ -~]/;

export function normalizeText(s: string): string {
  // Printable ASCII throughout, with no space at either end: already trimmed and NFC.
  const n = s.length;
  if (n > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32) {
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126) break;
      i++;
    }
    if (i === n) return s;
  }
  const t = s.trim();
  return NON_ASCII.test(t) ? t.normalize("NFC") : t;
}

const CURRENCY_PREFIX = /^[$€£¥]\s*/;
/** Trailing ISO 4217 codes that are dropped from number text (`100 USD`). */
const ISO_SUFFIX =
  /\s*(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|HKD|SGD|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|BGN|INR|BRL|MXN|ARS|CLP|COP|PEN|ZAR|RUB|UAH|TRY|KRW|ILS|AED|SAR|QAR|KWD|EGP|NGN|KES|THB|MYR|IDR|PHP|VND|TWD|PKR|BDT)$/i;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Which usual form number text has, read by its characters: `-?\d+(\.\d+)?` (SIMPLE), `\d+(\.\d+)?%` (PERCENT) or neither. */
const SIMPLE = 1;
const PERCENT = 2;
function simpleForm(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const whole = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === whole) return 0;
  if (i < n && text.charCodeAt(i) === 46) {
    const fraction = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === fraction) return 0;
  }
  if (i === n) return SIMPLE;
  return whole === 0 && i === n - 1 && text.charCodeAt(i) === 37 ? PERCENT : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Parses number text: grouping, percent, currency; null when it is not a number. */
export function parseNumberText(text: string): number | null {
  // The usual forms first (`12.5`, `45%`); the rules below give the same numbers for them.
  const form = simpleForm(text);
  if (form === SIMPLE) {
    const n = Number(text);
    return Number.isFinite(n) ? (n === 0 ? 0 : n) : null;
  }
  if (form === PERCENT) {
    // parseFloat reads the digits before the `%`: the number Number gives for them, without the substring.
    const n = parseFloat(text) / 100;
    return Number.isFinite(n) ? (n === 0 ? 0 : n) : null;
  }
  let t = text
    .trim()
    .replace(/\u2212/g, "-")
    .replace(/[\u00a0\u202f]/g, " ");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  let sign = "";
  if (/^[+-]/.test(t) && CURRENCY_PREFIX.test(t.slice(1).trimStart())) {
    sign = t[0];
    t = t.slice(1).trimStart();
  }
  t = t.replace(CURRENCY_PREFIX, "");
  t = t.replace(ISO_SUFFIX, "");
  t = sign + t.trim();
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (GROUPED_NUMBER.test(t)) t = t.replace(/,/g, "");
  else if (!PLAIN_NUMBER.test(t)) return null;
  let n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (percent) n = n / 100;
  if (negative) n = -n;
  return n === 0 ? 0 : n;
}

/*
 * Values without a CellRead: what readText, readNumber, readActual and readDate give for
 * the usual cells (plain text, finite numbers, blanks), read without the record around
 * the value. `null` is a blank cell, `undefined` a cell they leave to the full reader
 * (which may reject it). The engine reads millions of cells through these.
 */

/** readText's value for a plain or blank cell (null when blank); undefined for the rest. */
export function textValue(raw: unknown): string | null | undefined {
  if (typeof raw === "string") {
    if (plainStart(raw)) return normalizeText(raw);
    if (raw.length === 0) return null;
  } else if (raw === null || raw === undefined) return null;
  return undefined;
}

/** readNumber's value for a finite number, number text or a blank cell (null); undefined for the rest. */
export function numberValue(raw: unknown): number | null | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? (raw === 0 ? 0 : raw) : undefined;
  if (typeof raw === "string") {
    if (plainStart(raw)) {
      const n = parseNumberText(raw);
      return n === null ? undefined : n;
    }
    if (raw.length === 0) return null;
  } else if (raw === null || raw === undefined) return null;
  return undefined;
}

/** readActual's value for a boolean, a finite number, number text or a blank cell (null); undefined for the rest. */
export function actualValue(raw: unknown): ActualValue | null | undefined {
  return typeof raw === "boolean" ? raw : numberValue(raw);
}

/** readDate's value for a serial, `YYYY-MM-DD` text or a blank cell (null); undefined for the rest. */
export function dateValue(raw: unknown, system: DateSystem = 1900): Day | null | undefined {
  if (typeof raw === "number") {
    const d = dayFromSerial(raw, system);
    return d === null ? undefined : d;
  }
  if (typeof raw === "string") {
    if (plainStart(raw)) {
      const d = dayFromIso(raw);
      return d === null ? undefined : d;
    }
    if (raw.length === 0) return null;
  } else if (raw === null || raw === undefined) return null;
  return undefined;
}

/** A number; text per model.md; a boolean or date is not a number (E2). */
export function readNumber(raw: unknown): CellRead<number> {
  if (typeof raw === "number") return Number.isFinite(raw) ? ok(raw === 0 ? 0 : raw) : invalid("E2", String(raw));
  const v = unwrap(raw);
  if (isBlank(v)) return BLANK;
  const err = excelError(v);
  if (err) return invalid("E1", err);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return invalid("E2", String(v));
    return ok(v === 0 ? 0 : v);
  }
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === null ? invalid("E2", v.trim()) : ok(n);
  }
  return invalid("E2", displayText(v));
}

/** A calendar day: an Excel serial, an ISO `YYYY-MM-DD` string or a Date (E3 otherwise). */
export function readDate(raw: unknown, system: DateSystem = 1900): CellRead<Day> {
  if (typeof raw === "number") {
    const d = dayFromSerial(raw, system);
    return d === null ? invalid("E3", String(raw)) : ok(d);
  }
  const v = unwrap(raw);
  if (isBlank(v)) return BLANK;
  const err = excelError(v);
  if (err) return invalid("E1", err);
  if (typeof v === "number") {
    const d = dayFromSerial(v, system);
    return d === null ? invalid("E3", String(v)) : ok(d);
  }
  if (v instanceof Date) {
    const d = dayFromDate(v);
    return d === null ? invalid("E3", displayText(v)) : ok(d);
  }
  if (typeof v === "string") {
    const d = dayFromIso(v);
    return d === null ? invalid("E3", v.trim()) : ok(d);
  }
  return invalid("E3", displayText(v));
}

const TRUE_WORDS = new Set(["true", "yes", "done", "1"]);
const FALSE_WORDS = new Set(["false", "no", "not done", "0"]);

/**
 * A boolean: TRUE/FALSE; with `milestone` also yes/no, done/not done, 1/0.
 * Anything else is not a boolean (E2).
 */
export function readBoolean(raw: unknown, milestone = false): CellRead<boolean> {
  const v = unwrap(raw);
  if (isBlank(v)) return BLANK;
  const err = excelError(v);
  if (err) return invalid("E1", err);
  if (typeof v === "boolean") return ok(v);
  if (milestone && typeof v === "number") {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
    return invalid("E2", String(v));
  }
  if (typeof v === "string") {
    const t = v.trim().toLowerCase().replace(/\s+/g, " ");
    if (t === "true") return ok(true);
    if (t === "false") return ok(false);
    if (milestone && TRUE_WORDS.has(t)) return ok(true);
    if (milestone && FALSE_WORDS.has(t)) return ok(false);
  }
  return invalid("E2", displayText(v).trim());
}

/** An Actual: a number, or for milestones a boolean (TRUE/FALSE, yes/no, done/not done). */
export type ActualValue = number | boolean;

export function readActual(raw: unknown): CellRead<ActualValue> {
  if (typeof raw === "number" && Number.isFinite(raw)) return ok(raw === 0 ? 0 : raw);
  const v = unwrap(raw);
  if (typeof v === "boolean") return ok(v);
  const n = readNumber(v);
  if (n.kind !== "invalid" || n.code === "E1") return n;
  const b = readBoolean(v, true);
  return b.kind === "value" ? b : n;
}

export interface EnumValues {
  type: GoalType;
  level: Level;
  direction: Direction;
  rollup: RollupMode;
}

function enumKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

const ENUM_LOOKUP: { [F in EnumField]: Map<string, EnumValues[F]> } = {
  type: buildLookup(ENUM_SYNONYMS.type),
  level: buildLookup(ENUM_SYNONYMS.level),
  direction: buildLookup(ENUM_SYNONYMS.direction),
  rollup: buildLookup(ENUM_SYNONYMS.rollup),
};

function buildLookup<E extends string>(table: Record<E, readonly string[]>): Map<string, E> {
  const m = new Map<string, E>();
  for (const canonical of Object.keys(table) as E[]) {
    m.set(enumKey(canonical), canonical);
    for (const s of table[canonical]) m.set(enumKey(s), canonical);
  }
  return m;
}

/** Reads of enumeration text already seen, per field (the results are never changed). */
const ENUM_READS: { [F in EnumField]: Map<string, CellRead<EnumValues[F]>> } = {
  type: new Map(),
  level: new Map(),
  direction: new Map(),
  rollup: new Map(),
};
const ENUM_CACHE_LIMIT = 1000;

/** An enumeration value in its canonical spelling; an unknown value is E4. */
export function readEnum<F extends EnumField>(field: F, raw: unknown): CellRead<EnumValues[F]> {
  // A column holds a handful of spellings: each is looked up once.
  if (typeof raw === "string" && plainStart(raw)) {
    const cache = ENUM_READS[field] as Map<string, CellRead<EnumValues[F]>>;
    let r = cache.get(raw);
    if (r === undefined) {
      const found = ENUM_LOOKUP[field].get(enumKey(raw));
      r = found === undefined ? invalid("E4", raw.trim()) : ok(found);
      if (cache.size >= ENUM_CACHE_LIMIT) cache.clear();
      cache.set(raw, r);
    }
    return r;
  }
  const v = unwrap(raw);
  if (isBlank(v)) return BLANK;
  const err = excelError(v);
  if (err) return invalid("E1", err);
  const text = displayText(v);
  const found = ENUM_LOOKUP[field].get(enumKey(text));
  return found === undefined ? invalid("E4", text.trim()) : ok(found);
}

/** The value a cell stands for, in the canonical form used by the seal (review.md). */
export type CanonicalValue = string | number | boolean | null;
