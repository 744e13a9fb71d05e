/**
 * The Check view's data: findings grouped by goal, filtered by severity, SMART
 * letter and owner, and the summary line. Pure; the findings come from the engine.
 */
import type { Evaluation } from "../../core/engine";
import { Finding, RuleCode, SMART_LETTERS, Severity, SmartLetter, letterOf } from "../../core/findings";
import { isBlocking } from "../../core/rules/blocking";

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
  /** Failures that stop the goal being scored (smart.md: blocked goals). */
  blocking: number;
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

/** 0 a failure that blocks the score, 1 another failure, 2 a warning. */
export function findingRank(f: Finding): number {
  return f.severity === "warn" ? 2 : isBlocking(f) ? 0 : 1;
}

/** Within a goal: blocking failures, other failures, warnings; then by rule (S, M, A, R, T, data rules). */
export function byImportance(a: Finding, b: Finding): number {
  const r = findingRank(a) - findingRank(b);
  if (r !== 0) return r;
  const pa = CODE_ORDER.get(a.code[0]) ?? 99;
  const pb = CODE_ORDER.get(b.code[0]) ?? 99;
  return pa - pb || Number(a.code.slice(1)) - Number(b.code.slice(1));
}

/** A group's rank: its most important finding's. */
function groupRank(g: GoalFindings): number {
  return g.blocking > 0 ? 0 : g.fails > 0 ? 1 : 2;
}

/**
 * Findings grouped by goal, failures first: goals with a failure that blocks their
 * score, then goals with other failures, then goals with warnings only; in sheet order
 * within each (check-ins for unknown goals after the goals of their rank). Goals
 * without a matching finding are left out.
 */
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
  const out = [...groups.keys()].map((gi): GoalFindings => {
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
      blocking: findings.filter((f) => findingRank(f) === 0).length,
    };
  });
  const position = (gi: number) => (gi < 0 ? Number.MAX_SAFE_INTEGER : gi);
  return out.sort((a, b) => groupRank(a) - groupRank(b) || position(a.goalIndex) - position(b.goalIndex));
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
  ...SMART_LETTERS.map((l) => ({ value: l, label: `${l} — ${LETTER_NAMES[l]}` })),
  { value: "data", label: "Data rules (cells, IDs, weights)" },
];

export const SEVERITY_OPTIONS: { value: SeverityFilter; label: string }[] = [
  { value: "all", label: "Failures and warnings" },
  { value: "fail", label: "Failures only" },
  { value: "warn", label: "Warnings only" },
];

/** The finding's badge: "Failure", "Warning", or "Failure · not scored" when it blocks the score. */
export function severityLabel(s: Severity, blocking = false): string {
  return s === "fail" ? (blocking ? "Failure · not scored" : "Failure") : "Warning";
}

/**
 * Each rule's short name in plain words. Rule codes such as `A3` read like cell
 * addresses, so the pane leads with the name and shows the code as "rule A3".
 */
export const RULE_NAMES: Record<RuleCode, string> = {
  S1: "Title too short",
  S2: "No owner",
  S3: "Same title twice",
  M1: "No target",
  M2: "No unit",
  M3: "No baseline",
  M4: "No data source",
  A1: "Target levels out of order",
  A2: "Very ambitious target",
  A3: "Trend falls short of target",
  A4: "Weight share",
  R1: "Unknown parent goal",
  R2: "Not aligned to a parent",
  R3: "Parent level not above",
  R4: "Alignment loop",
  R5: "Shares do not total 100%",
  T1: "No due date",
  T2: "Due before start",
  T3: "Due outside the cycle",
  T4: "Past due",
  E1: "Excel error in a cell",
  E2: "Not a number",
  E3: "Not a date",
  E4: "Unknown value",
  D1: "Duplicate ID",
  D2: "No ID",
  W1: "Weights do not add up",
  W2: "Weight missing",
  W3: "Negative weight",
  U1: "Mixed units in a sum",
};

/** "Duplicate ID": the rule's name for the finding's heading. */
export function ruleName(code: RuleCode): string {
  return RULE_NAMES[code];
}

/** "ID · rule D1": the field and the code, worded so the code can't pass for a cell. */
export function ruleDetail(f: Pick<Finding, "code" | "field">): string {
  return `${f.field} · rule ${f.code}`;
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
