/** Findings: values with rule codes, never exceptions (smart.md). */

export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const RULE_CODES = [
  "S1", "S2", "S3",
  "M1", "M2", "M3", "M4",
  "A1", "A2", "A3", "A4",
  "R1", "R2", "R3", "R4", "R5",
  "T1", "T2", "T3", "T4",
  "E1", "E2", "E3", "E4",
  "D1", "D2",
  "W1", "W2", "W3",
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
    if (f.severity === "fail" || !verdict.has(l)) verdict.set(l, f.severity === "fail" ? "fail" : verdict.get(l) ?? "warn");
  }
  return SMART_LETTERS.map((l) => {
    if (unchecked.includes(l)) return "-";
    const v = verdict.get(l);
    return v === "fail" ? "✗" : v === "warn" ? "!" : l;
  }).join(" ");
}

/** Position of each SMART letter in the column. */
const LETTER_INDEX: Record<string, number> = { S: 0, M: 1, A: 2, R: 3, T: 4 };
/** The SMART column of every combination of verdicts (per letter 0 pass, 1 warning, 2 failure; base 3). */
const SMART_TEXTS: string[] = Array.from({ length: 243 }, (_, code) =>
  SMART_LETTERS.map((l, i) => {
    const v = Math.floor(code / 3 ** i) % 3;
    return v === 2 ? "✗" : v === 1 ? "!" : l;
  }).join(" "),
);

/** Each letter's worst verdict so far (0 none, 1 warn, 2 fail), reused by every call. */
const WORST = new Uint8Array(5);

/** smartString with every letter checked: each letter's worst verdict, looked up in a table. */
function smartOfCodes(findings: readonly Pick<Finding, "code" | "severity">[]): string {
  const worst = WORST;
  worst.fill(0);
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    const i = LETTER_INDEX[f.code[0]];
    if (i === undefined) continue;
    const v = f.severity === "fail" ? 2 : 1;
    if (v > worst[i]) worst[i] = v;
  }
  return SMART_TEXTS[worst[0] + 3 * worst[1] + 9 * worst[2] + 27 * worst[3] + 81 * worst[4]];
}

/** Quotes a value for a message: `'about 20'`. */
export function quote(v: unknown): string {
  const s = typeof v === "string" ? v : String(v);
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return `'${short}'`;
}
