/** The Review view's data: fields a change request can change, the audit log and seal differences as text. Pure. */
import type { CanonicalValue } from "../../core/cells";
import { DIRECTIONS, GOAL_TYPES, INPUT_COLUMNS, LEVELS, ROLLUP_MODES, ColumnKey } from "../../core/columns";
import { isEditable } from "../../core/cycle";
import type { CycleState } from "../../core/meta";
import type { AuditEntry } from "../../core/seal";

/** Columns a change request can change in a state: the locked ones, except ID. Empty in Draft (edit directly). */
export function changeableFields(state: CycleState): { key: ColumnKey; header: string }[] {
  if (state === "Draft") return [];
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
  state: "Cycle state",
  change: "Change request",
  rebaseline: "Re-baseline",
  checkin: "Check-in",
  seal: "Sealed",
  unlock: "Emergency unlock",
  import: "Imported",
};

/** The audit log, newest first, in words. */
export function auditRows(entries: readonly AuditEntry[]): AuditRow[] {
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
            ? "seal cleared"
            : `seal ${String(e.new).slice(0, 12)}…`
          : `${target ? `${target}: ` : ""}${valueText(e.old)} → ${valueText(e.new)}`;
      return {
        seq: e.seq,
        at: e.at.replace("T", " ").replace(/Z$/, " UTC"),
        actor: e.actor ?? "",
        action: ACTION_NAMES[e.action] ?? e.action,
        what,
        reason: e.reason ?? "",
      };
    });
}

/** A review operation refused for want of the protection password. */
export function isPasswordError(e: unknown): e is Error & { code: "password" } {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ReviewError" && (e as { code?: unknown }).code === "password";
}

/** Whether a review copy can be prepared in this state. */
export function canPrepareCopy(state: CycleState): boolean {
  return state === "Data locked" || state === "In review" || state === "Closed";
}
