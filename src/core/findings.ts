/** Findings: values with rule codes, never exceptions (smart.md). */

export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const RULE_CODES = [
  "S1",
  "S2",
  "S3",
  "M1",
  "M2",
  "M3",
  "M4",
  "A1",
  "A2",
  "A3",
  "A4",
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "T1",
  "T2",
  "T3",
  "T4",
  "E1",
  "E2",
  "E3",
  "E4",
  "D1",
  "D2",
  "W1",
  "W2",
  "W3",
  "U1",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type Severity = "fail" | "warn";

export interface Finding {
  code: RuleCode;
  severity: Severity;
  /** The goal's ID; null when the ID is blank. */
  goal: string | null;
  /** Position of the goal in the input (0-based), or -1 for a check-in finding without a goal. */
  goalIndex: number;
  /** The canonical header of the field ("Target", "Parent ID" …). */
  field: string;
  /** Where to fix it, e.g. `Goals!H4`; null when unknown. */
  cell: string | null;
  message: string;
  /** Set on the findings of a check-in's own cells (E1–E3 on the CheckIns table). */
  checkIn?: true;
}

/** The SMART letter a rule belongs to; null for data rules. */
export function letterOf(code: RuleCode): SmartLetter | null {
  const c = code[0];
  return c === "S" || c === "M" || c === "A" || c === "R" || c === "T" ? c : null;
}

/**
 * The SMART column: five characters separated by spaces, the letter when it passes,
 * `!` for a warning, `✗` for a failure. `unchecked` letters show as `-`.
 */
export function smartString(findings: readonly Pick<Finding, "code" | "severity">[], unchecked: readonly SmartLetter[] = []): string {
  if (unchecked.length === 0) return smartOfCodes(findings);
  const verdict = new Map<SmartLetter, Severity>();
  for (const f of findings) {
    const l = letterOf(f.code);
    if (!l) continue;
    if (f.severity === "fail" || !verdict.has(l)) verdict.set(l, f.severity === "fail" ? "fail" : (verdict.get(l) ?? "warn"));
  }
  return SMART_LETTERS.map((l) => {
    if (unchecked.includes(l)) return "-";
    const v = verdict.get(l);
    return v === "fail" ? "✗" : v === "warn" ? "!" : l;
  }).join(" ");
}

/** The SMART column of every combination of verdicts: two bits per letter (S lowest), 0 pass, 1 warning, 2 failure. */
const SMART_TEXTS: string[] = Array.from({ length: 1024 }, (_, code) =>
  SMART_LETTERS.map((l, i) => {
    const v = (code >> (2 * i)) & 3;
    return v >= 2 ? "✗" : v === 1 ? "!" : l;
  }).join(" "),
);

/** Each SMART letter's place in a verdict code (two bits each). */
const LETTER_SHIFT: Readonly<Record<string, number>> = { S: 0, M: 2, A: 4, R: 6, T: 8 };

/** smartString with every letter checked: each letter's worst verdict, in two bits of one number, looked up in a table. */
function smartOfCodes(findings: readonly Pick<Finding, "code" | "severity">[]): string {
  let code = 0;
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    const shift = LETTER_SHIFT[f.code[0]];
    if (shift === undefined) continue;
    const v = f.severity === "fail" ? 2 : 1;
    if (v > ((code >> shift) & 3)) code = (code & ~(3 << shift)) | (v << shift);
  }
  return SMART_TEXTS[code];
}

/** The number formats messageNumber uses, made once each (at most five; a cache, which changes no result). */
const GROUPED = new Map<number, Intl.NumberFormat>();
function grouped(decimals: number): Intl.NumberFormat {
  let f = GROUPED.get(decimals);
  if (!f) GROUPED.set(decimals, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals, useGrouping: true })));
  return f;
}
const SMALL = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4, useGrouping: false });

/**
 * A number for a message, as a person reads it: thousands grouped with commas and
 * at most six significant digits, never more than four decimals — `12,000,000`,
 * `10,970,480` (not `10970480.152885`), `1,234.5`, `0.3333`, `0.005`. Numbers below 1
 * keep four significant digits. Blank is `(blank)`, booleans `TRUE` / `FALSE`. The
 * same in every locale (the CLI's JSON and GOAL.* errors carry it too).
 */
export function messageNumber(v: number | boolean | null): string {
  if (v === null) return "(blank)";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0) return "0";
  const text = a < 1 ? SMALL.format(v) : grouped(Math.min(4, Math.max(0, 6 - Math.floor(Math.log10(a) + 1)))).format(v);
  // "-0" from a tiny negative rounded away.
  return text === "-0" ? "0" : text;
}

/** Quotes a value for a message: `'about 20'`. */
export function quote(v: unknown): string {
  const s = typeof v === "string" ? v : String(v);
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return `'${short}'`;
}
