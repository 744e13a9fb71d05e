/**
 * The Review view's data: fields a change request can change, goal pickers, the
 * audit log, the seal and the review copy in words, and which form field an error
 * belongs to. Pure.
 */
import { CanonicalValue, readActual, readDate, readNumber } from "../../core/cells";
import { DIRECTIONS, GOAL_TYPES, INPUT_COLUMNS, LEVELS, ROLLUP_MODES, ColumnKey } from "../../core/columns";
import { isEditable } from "../../core/cycle";
import { confidenceProblem } from "../../core/inputs";
import type { DateSystem } from "../../core/dates";
import type { CycleState } from "../../core/meta";
import { AuditEntry, canonicalValue } from "../../core/seal";
import type { VerifyResult } from "../../core/verify";
import { cellInput } from "../../excel/review";
import type { ReviewField } from "../../excel/review-protection";

/** Columns a change request can change in a state: the locked ones, except ID. Empty in Draft (edit directly) and Closed (nothing changes). */
export function changeableFields(state: CycleState): { key: ColumnKey; header: string }[] {
  if (state === "Draft" || state === "Closed") return [];
  return INPUT_COLUMNS.filter((c) => c.key !== "id" && !isEditable(state, c.key)).map((c) => ({ key: c.key, header: c.header }));
}

/** The choices for an enumeration field; null for free input. */
export function fieldChoices(key: ColumnKey): readonly string[] | null {
  switch (key) {
    case "type":
      return GOAL_TYPES;
    case "level":
      return LEVELS;
    case "direction":
      return DIRECTIONS;
    case "rollup":
      return ROLLUP_MODES;
    default:
      return null;
  }
}

export function fieldHint(key: ColumnKey): string {
  switch (key) {
    case "start":
    case "due":
      return "A date such as 2026-06-30.";
    case "weight":
      return "A number or a percentage such as 40%.";
    case "baseline":
    case "threshold":
    case "target":
    case "stretch":
      return "A number.";
    case "actual":
      return "A number, or TRUE/FALSE for a milestone.";
    case "parent":
      return "The ID of the goal it supports, e.g. G-0001.";
    default:
      return "Leave empty to clear the cell.";
  }
}

export function valueText(v: CanonicalValue | CanonicalValue[] | undefined): string {
  if (v === null || v === undefined) return "(blank)";
  if (Array.isArray(v)) return v.map((x) => valueText(x)).join(", ");
  if (typeof v === "number") return String(Math.round(v * 1e9) / 1e9);
  return String(v);
}

/**
 * A goal value as an analyst reads it, by its column: dates as "30 Jun 2026" (not a
 * serial such as 46203), weights as percentages ("40%"), blank as "(blank)".
 * `column` is a column key or header ("due", "Due").
 */
export function columnValueText(column: string, raw: unknown, system: DateSystem = 1900): string {
  const col = INPUT_COLUMNS.find((c) => c.key === column || c.header.toLowerCase() === column.trim().toLowerCase());
  if (!col) return Array.isArray(raw) ? valueText(raw as CanonicalValue[]) : valueText(raw as CanonicalValue);
  const v = canonicalValue(col.key, raw, system);
  if (typeof v === "string" && (col.key === "start" || col.key === "due")) return localDay(v);
  if (typeof v === "number" && col.key === "weight") return `${Math.round(v * 1e6) / 1e4}%`;
  return valueText(v);
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  what: string;
  reason: string;
}

const ACTION_NAMES: Record<string, string> = {
  convert: "Converted",
  state: "Cycle moved",
  change: "Change request",
  rebaseline: "New baseline",
  checkin: "Check-in",
  seal: "Goals sealed",
  unlock: "Emergency unlock",
  import: "Imported",
};

/** The audit log, newest first, in words; times as local dates and times (`timeZone` for tests). */
export function auditRows(entries: readonly AuditEntry[], timeZone?: string): AuditRow[] {
  return entries
    .slice()
    .sort((a, b) => b.seq - a.seq)
    .map((e) => {
      const target = [e.goalId, e.field].filter((x) => x !== null && x !== "").join(" ");
      const what =
        e.action === "state"
          ? `${valueText(e.old)} → ${valueText(e.new)}`
          : e.action === "seal"
            ? e.new === null
              ? "the seal was removed"
              : "a fingerprint of the goals was recorded, so any later edit shows"
            : e.action === "checkin"
              ? `${e.goalId ?? ""}: ${valueText(e.new)}`
              : `${target ? `${target}: ` : ""}${valueText(e.old)} → ${valueText(e.new)}`;
      return {
        seq: e.seq,
        at: localDateTime(e.at, timeZone),
        actor: e.actor ?? "",
        action: ACTION_NAMES[e.action] ?? e.action,
        what,
        reason: e.reason ?? "",
      };
    });
}

// ---- dates and times ----------------------------------------------------------

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO timestamp (`2026-12-03T14:05:17Z`) as a local date and time, "3 Dec 2026, 14:05",
 * in the computer's time zone (or `timeZone`). Text that is not a timestamp is returned as it is.
 */
export function localDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (iso === null || iso === undefined || iso.trim() === "") return "(unknown time)";
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso.trim()) ? Date.parse(iso.trim()) : NaN;
  if (!Number.isFinite(t)) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(new Date(t));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${Number(part("day"))} ${MONTHS[Number(part("month")) - 1]} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

/** The calendar day of `d` as `YYYY-MM-DD` in the computer's time zone (or `timeZone`), not the UTC day, which differs near midnight. */
export function localIsoDay(d: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A calendar day (`2026-06-30`) as "30 Jun 2026" (no time zone: a day is a day). Other text is returned as it is. */
export function localDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

// ---- the seal, the audit log and the review copy in words -------------------------------

const STATE_MOMENT: Record<CycleState, string> = {
  Draft: "while the cycle was in Draft",
  Active: "when the cycle became Active",
  "Data locked": "when the data was locked",
  "In review": "when the review began",
  Closed: "when the cycle was closed",
};

/** What the seal check found, in a sentence (the badge says Intact or Changed). */
export function sealText(v: VerifyResult, timeZone?: string): string {
  if (!v.sealed) return "The goals are not sealed yet. They are sealed when the cycle leaves Draft, so that any later edit shows here.";
  const when = `${localDateTime(v.sealedAt, timeZone)} (${STATE_MOMENT[v.state]})`;
  if (v.intact) return `No goal has been edited since they were sealed on ${when}.`;
  const n = v.differences.length;
  return `${n} ${n === 1 ? "value differs" : "values differ"} from what was sealed on ${when}. Put the old value back, or make the change as a change request so that it is logged.`;
}

/** Whether the audit log is as it was written, in words. */
export function auditStatusText(v: VerifyResult): string {
  const n = v.audit.entries;
  const count = `${n} entr${n === 1 ? "y" : "ies"}`;
  if (v.audit.intact) return n === 0 ? "No entries yet." : `${count}, none edited or removed since they were written.`;
  const at = v.audit.firstBadSeq === null ? "An entry" : `Entry ${v.audit.firstBadSeq}`;
  return `${count}. ${at} was edited or removed after it was written${v.auditReason ? `: ${v.auditReason}` : ""}. The log can no longer prove what happened from there on.`;
}

/** What "Prepare review copy" does to this workbook, said before the click. */
export const REVIEW_COPY_EXPLAINED =
  "Prepare review copy changes this workbook: every GOAL formula is replaced by the value it shows (Excel without the add-in would show #NAME?), and an “About this review” sheet is added that tells the reader how to check the seal. To undo it, select Restore live formulas. To keep this workbook as it is, save a copy first and prepare that one.";

/** What the last "Prepare review copy" reported, kept by the pane until the workbook is read again. */
export interface LastCopy {
  replaced: number;
  recorded: number;
}

/**
 * The review copy's state in a sentence, following what is true: inspectReview's
 * `reviewCopy` (formulas recorded as replaced, or not) and what the last preparation
 * reported (a workbook without GOAL formulas has nothing to replace).
 */
export function reviewCopyText(state: "none" | "partial" | "complete", last: LastCopy | null): string {
  if (state === "partial") return "Preparing or restoring the review copy was interrupted; see the message above for how to finish it.";
  if (state === "complete")
    return "This workbook is a review copy: its GOAL formulas show fixed values and no longer recalculate. Restore live formulas to bring them back.";
  if (last && last.recorded === 0)
    return "This workbook has no GOAL formulas, so nothing needed replacing: it can be sent as it is. The “About this review” sheet was added.";
  return "GOAL formulas are live: none has been replaced by its value.";
}

/** The success message of "Prepare review copy". */
export function reviewCopyDone(r: {
  replaced: number;
  recorded: number;
  aboutSheet: string;
  sealIntact: boolean | null;
  protectionMatchesState: boolean;
}): string {
  const what =
    r.replaced > 0
      ? `${r.replaced} GOAL formula${r.replaced === 1 ? " was" : "s were"} replaced by ${r.replaced === 1 ? "its value" : "their values"}`
      : r.recorded > 0
        ? "the GOAL formulas had already been replaced by their values"
        : "this workbook has no GOAL formulas, so nothing needed replacing";
  return (
    `Review copy ready: ${what}. The sheet “${r.aboutSheet}” tells the reader how to check the seal.` +
    (r.sealIntact === false ? " Note: some goals differ from what was sealed (see Seal)." : "") +
    (!r.protectionMatchesState ? " Note: the sheet protection does not match the cycle state." : "")
  );
}

/** Why there is no change request form in a state. */
export function noChangeRequestText(state: CycleState): string | null {
  if (state === "Draft") return "In Draft every cell can be edited directly; change requests are for locked cycles.";
  if (state === "Closed")
    return "The cycle is closed: its goals are kept as they were, for the record, so nothing can be changed. To correct a goal, reopen the cycle to In review (with a reason, which is logged), make the change request, and close it again.";
  return null;
}

// ---- goal pickers ---------------------------------------------------------------------

export interface GoalOption {
  id: string;
  title: string;
  /** What the picker shows: "T-SN2 — Reduce time to hire". */
  text: string;
}

/** The goals a picker offers, one per ID (the first goal of a duplicated ID), in sheet order. */
export function goalOptions(goals: readonly { id: string | null; title: string | null }[]): GoalOption[] {
  const seen = new Set<string>();
  const out: GoalOption[] = [];
  for (const g of goals) {
    if (g.id === null || g.id.trim() === "") continue;
    const key = g.id.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const title = (g.title ?? "").trim();
    out.push({ id: g.id, title, text: title === "" ? g.id : `${g.id} — ${title}` });
  }
  return out;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The goals matching what was typed: every word typed must start a word of the ID or
 * title, or occur in the ID (case and accents ignored). IDs that start with the text
 * come first. Empty text: all goals.
 */
export function filterGoals(options: readonly GoalOption[], query: string): GoalOption[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w !== "" && w !== "—");
  if (words.length === 0) return options.slice();
  const q = fold(query.trim());
  const hits = options.filter((o) => {
    const id = fold(o.id);
    const titleWords = fold(o.title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return words.every((w) => id.includes(w) || titleWords.some((t) => t.startsWith(w)));
  });
  const starts = (o: GoalOption): number => (fold(o.id).startsWith(q) ? 0 : 1);
  return hits
    .map((o, i) => ({ o, i }))
    .sort((a, b) => starts(a.o) - starts(b.o) || a.i - b.i)
    .map((x) => x.o);
}

// ---- errors beside the field ----------------------------------------------------------

/** A form field: the adapter's (ReviewField), or the name for the audit log the form asks for when none is set. */
export type FormField = ReviewField | "actor";

export interface FieldError {
  field: FormField;
  message: string;
}

export const CHANGE_REQUEST_FIELDS: readonly ReviewField[] = ["goal", "field", "value", "reason"];
export const CHECK_IN_FIELDS: readonly ReviewField[] = ["goal", "date", "value", "confidence", "comment"];

/**
 * The form field a refusal belongs to: a ReviewError with code "input" whose `field`
 * is one of the form's. Null for every other error (the pane's banner shows those).
 */
export function fieldErrorOf(e: unknown, fields: readonly ReviewField[]): FieldError | null {
  if (typeof e !== "object" || e === null) return null;
  const x = e as { name?: unknown; code?: unknown; field?: unknown; message?: unknown };
  if (x.name !== "ReviewError" || x.code !== "input" || typeof x.field !== "string") return null;
  const field = fields.find((f) => f === x.field);
  if (!field) return null;
  return { field, message: typeof x.message === "string" && x.message.trim() !== "" ? x.message.trim() : "This value can't be used." };
}

/** The message for one field, or undefined: for Fluent's `Field validationMessage`. */
export function messageFor(errors: readonly FieldError[], field: FormField): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** The change request's new value checked as the adapter will write it (number, date, known choice …), before anything is sent. */
export function checkChangeValue(key: ColumnKey, value: string, system: DateSystem): FieldError | null {
  try {
    cellInput(key, value, system);
    return null;
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ReviewError")
      return { field: "value", message: String((e as Error).message) };
    throw e;
  }
}

/**
 * A confidence as typed: blank → null; "80%" or "0.8" → 0.8. Model.md: a number from 0 to 1.
 * A bare number above 1 (such as 80) is refused with the percentage it probably means.
 */
export function parseConfidence(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const r = readNumber(t);
  if (r.kind !== "value") return { ok: false, message: "Enter how sure the owner is as a percentage, such as 80% (or leave it blank)." };
  if (!t.includes("%") && r.value > 1 && r.value <= 100) return { ok: false, message: `Confidence is a percentage: write ${r.value}% (or ${r.value / 100}).` };
  // The range is the core's one rule (the adapter checks it again before writing).
  const problem = confidenceProblem(r.value);
  return problem === null ? { ok: true, value: r.value } : { ok: false, message: `${problem}.` };
}

/** The check-in form's inputs checked before anything is sent; the errors beside their fields. */
export function checkCheckInForm(input: { date: string; value: string; confidence: string }, system: DateSystem): FieldError[] {
  const errors: FieldError[] = [];
  if (input.date.trim() === "" || readDate(input.date.trim(), system).kind !== "value")
    errors.push({ field: "date", message: "Enter the date of the measurement, such as 2026-06-30." });
  if (input.value.trim() === "") errors.push({ field: "value", message: "Enter the measured value (or TRUE/FALSE for a milestone)." });
  else if (readActual(input.value.trim()).kind !== "value")
    errors.push({ field: "value", message: `'${input.value.trim()}' is not a number; enter the measured value (or TRUE/FALSE for a milestone).` });
  const c = parseConfidence(input.confidence);
  if (!c.ok) errors.push({ field: "confidence", message: c.message });
  return errors;
}

/** A review operation refused for want of the protection password. */
export function isPasswordError(e: unknown): e is Error & { code: "password" } {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ReviewError" && (e as { code?: unknown }).code === "password";
}

/** Whether a review copy can be prepared in this state. */
export function canPrepareCopy(state: CycleState): boolean {
  return state === "Data locked" || state === "In review" || state === "Closed";
}
