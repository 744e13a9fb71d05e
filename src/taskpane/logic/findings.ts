/**
 * The Check view's data: findings grouped by goal, filtered by severity, SMART
 * letter and owner, and the summary line. Pure; the findings come from the engine.
 */
import type { Evaluation } from "../../core/engine";
import { Finding, RuleCode, SMART_LETTERS, Severity, SmartLetter, letterOf } from "../../core/findings";

export type SeverityFilter = "all" | Severity;
export type LetterFilter = "all" | SmartLetter | "data";

export interface FindingFilter {
  severity: SeverityFilter;
  letter: LetterFilter;
  /** An owner's name as the goals show it; null for every owner; NO_OWNER for goals without one. */
  owner: string | null;
}

export const ALL_FINDINGS: FindingFilter = { severity: "all", letter: "all", owner: null };

/** The owner filter's value for goals whose Owner is blank. */
export const NO_OWNER = "(no owner)";

export interface GoalFindings {
  /** Position of the goal in the engine's result; -1 for check-ins that name no goal. */
  goalIndex: number;
  /** A stable key for lists. */
  key: string;
  id: string | null;
  title: string | null;
  owner: string | null;
  smart: string | null;
  findings: Finding[];
  fails: number;
  warns: number;
}

export interface FindingSummary {
  goals: number;
  fails: number;
  warnings: number;
  /** Goals with at least one failing finding. */
  goalsFailing: number;
}

function matches(f: Finding, filter: FindingFilter): boolean {
  if (filter.severity !== "all" && f.severity !== filter.severity) return false;
  if (filter.letter === "all") return true;
  const l = letterOf(f.code);
  return filter.letter === "data" ? l === null : l === filter.letter;
}

function ownerKey(owner: string | null | undefined): string {
  const t = (owner ?? "").trim();
  return t === "" ? NO_OWNER : t;
}

const CODE_ORDER = new Map<string, number>();
["S", "M", "A", "R", "T", "E", "D", "W", "U"].forEach((p, i) => CODE_ORDER.set(p, i));

function byImportance(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "fail" ? -1 : 1;
  const pa = CODE_ORDER.get(a.code[0]) ?? 99;
  const pb = CODE_ORDER.get(b.code[0]) ?? 99;
  return pa - pb || Number(a.code.slice(1)) - Number(b.code.slice(1));
}

/** Findings grouped by goal, in sheet order; goals without a matching finding are left out. */
export function groupFindings(ev: Evaluation, filter: FindingFilter = ALL_FINDINGS): GoalFindings[] {
  const groups = new Map<number, Finding[]>();
  for (const f of ev.findings) {
    if (!matches(f, filter)) continue;
    const gi = f.goalIndex >= 0 && f.goalIndex < ev.goals.length ? f.goalIndex : -1;
    if (filter.owner !== null && (gi < 0 || ownerKey(ev.goals[gi].owner) !== filter.owner)) continue;
    let list = groups.get(gi);
    if (!list) groups.set(gi, (list = []));
    list.push(f);
  }
  const order = [...groups.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  return order.map((gi) => {
    const findings = (groups.get(gi) ?? []).slice().sort(byImportance);
    const g = gi >= 0 ? ev.goals[gi] : null;
    return {
      goalIndex: gi,
      key: gi >= 0 ? `goal-${gi}` : "loose",
      id: g?.id ?? null,
      title: g?.title ?? null,
      owner: g?.owner ?? null,
      smart: g?.smart ?? null,
      findings,
      fails: findings.filter((f) => f.severity === "fail").length,
      warns: findings.filter((f) => f.severity === "warn").length,
    };
  });
}

/** Counts over every finding (not the filtered ones). */
export function summarize(ev: Evaluation): FindingSummary {
  let fails = 0;
  let warnings = 0;
  const failing = new Set<number>();
  for (const f of ev.findings) {
    if (f.severity === "fail") {
      fails++;
      if (f.goalIndex >= 0) failing.add(f.goalIndex);
    } else warnings++;
  }
  return { goals: ev.goals.length, fails, warnings, goalsFailing: failing.size };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 goals · 3 failures · 5 warnings". */
export function summaryLine(s: FindingSummary): string {
  return [plural(s.goals, "goal", "goals"), plural(s.fails, "failure", "failures"), plural(s.warnings, "warning", "warnings")].join(" · ");
}

/** The owners to filter by, sorted, with NO_OWNER last when some goal has none. */
export function ownerOptions(ev: Evaluation): { value: string; label: string }[] {
  const names = new Map<string, string>();
  let blank = false;
  for (const g of ev.goals) {
    const k = ownerKey(g.owner);
    if (k === NO_OWNER) blank = true;
    else if (!names.has(k)) names.set(k, k);
  }
  const out = [...names.keys()].sort((a, b) => a.localeCompare(b)).map((n) => ({ value: n, label: n }));
  if (blank && !names.has(NO_OWNER)) out.push({ value: NO_OWNER, label: NO_OWNER });
  return out;
}

/** What a SMART letter stands for. */
export const LETTER_NAMES: Record<SmartLetter, string> = {
  S: "Specific",
  M: "Measurable",
  A: "Achievable",
  R: "Relevant (aligned)",
  T: "Time-bound",
};

export const LETTER_OPTIONS: { value: LetterFilter; label: string }[] = [
  { value: "all", label: "All rules" },
  ...SMART_LETTERS.map((l) => ({ value: l as LetterFilter, label: `${l} — ${LETTER_NAMES[l]}` })),
  { value: "data", label: "Data rules (cells, IDs, weights)" },
];

export const SEVERITY_OPTIONS: { value: SeverityFilter; label: string }[] = [
  { value: "all", label: "Failures and warnings" },
  { value: "fail", label: "Failures only" },
  { value: "warn", label: "Warnings only" },
];

/** "Fix this" or "Check this" plus the rule: for the finding's badge. */
export function severityLabel(s: Severity): string {
  return s === "fail" ? "Failure" : "Warning";
}

/** A goal's heading: "G-0001 · Grow revenue", with fallbacks for blanks. */
export function goalLabel(g: { id: string | null; title: string | null; goalIndex: number }): string {
  if (g.goalIndex < 0) return "Check-ins for goals that are not in the workbook";
  const id = g.id ?? "(no ID)";
  return g.title ? `${id} · ${g.title}` : id;
}

export function isRuleCode(code: string): code is RuleCode {
  return /^[SMARTEDWU]\d$/.test(code);
}
